// embed.html, the iframe way: the same checker, themed from the query string (theme,
// accent, lang), telling the parent page only its height: {type: "twitchcheck:height",
// height}. No answer, level or rule ever leaves this frame.
import { mountChecker } from "../app/checker.js";
import { checkerEngineAt } from "../app/engine.js";
import { loadWords } from "../app/text.js";
import { matchLanguage, fallback } from "../app/language.js";
import { siteFile } from "../app/site-files.js";
import { applyAccent } from "./accent.js";

const params = new URLSearchParams(location.search);
const root = document.documentElement;
const theme = params.get("theme");
root.dataset.theme = theme === "light" || theme === "dark" ? theme : "auto";
applyAccent(root, params.get("accent"));

// ?lang= (matched as the app matches), else the browser's languages, else English; only
// that language's words are fetched.
let language = matchLanguage([params.get("lang"), ...(navigator.languages ?? [])]) ?? fallback;
let m;
try {
  m = await loadWords(language, "checker");
} catch {
  language = fallback;
  m = await loadWords(language, "checker");
}
root.lang = language;
document.title = m.widget.label;

mountChecker(document.querySelector("main"), {
  words: m,
  language,
  engine: checkerEngineAt(siteFile),
  headingLevel: 1,
  appLink: new URL(`index.html?lang=${language}#/check`, location.href).href,
  lang: params.get("lang"),
});

// The height is the only thing said, and it says nothing about the answers. "*" because
// the frame cannot know its parent's origin, and the message holds no private data.
let lastHeight = 0;
const report = () => {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height !== lastHeight && window.parent !== window) {
    lastHeight = height;
    window.parent.postMessage({ type: "twitchcheck:height", height }, "*");
  }
};
new ResizeObserver(report).observe(root);
report();
