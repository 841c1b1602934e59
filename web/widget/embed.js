// embed.html, the iframe way: the same checker, themed from the query string (theme,
// accent, lang). By default it tells the parent page one thing, the same for every answer
// and result: {type: "twitchcheck:top"} when it shows a new step or the result (the host
// may bring the frame's top into view); the frame has the height the host gives it and
// scrolls inside itself. With ?fit=1 (the host's choice) it also sends
// {type: "twitchcheck:height", height} whenever its content changes height, which tells
// the host the length of each step and result (docs/embedding.md). No answer, level or
// rule ever leaves this frame.
import { mountChecker, checkerSteps } from "../app/checker/checker.js";
import { checkerEngineAt } from "../app/shared/engine.js";
import { loadWords } from "../app/shared/text.js";
import { matchLanguage, fallback } from "../app/shared/language.js";
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

// "*" because the frame cannot know its parent's origin; neither message holds anything
// that differs between answers or results, except the opt-in height.
const tell = (message) => {
  if (window.parent !== window) window.parent.postMessage(message, "*");
};

// A new step or the result replaced the last view (the first view, drawn above, asks for
// nothing: it must not pull the host's scroll). The short "checking" status between the
// last step and the result is not a view of its own. A "yes" to a sign of an emergency
// goes straight to the result, skipping steps; so that the count of requests does not
// tell the host that, the result sends as many as a run through every step would have
// sent by then (one per step after the first, and one for the result).
const checker = document.querySelector("main .tc-checker");
let sentThisRun = 0;
new MutationObserver(() => {
  const view = checker.firstElementChild;
  if (view?.tagName === "FORM") {
    tell({ type: "twitchcheck:top" });
    sentThisRun = view.dataset.step === checkerSteps[0] ? 0 : sentThisRun + 1;
  } else if (view?.tagName === "SECTION") {
    const owed = Math.max(1, checkerSteps.length - sentThisRun);
    for (let i = 0; i < owed; i++) tell({ type: "twitchcheck:top" });
    sentThisRun = 0;
  }
}).observe(checker, { childList: true });

if (params.get("fit") === "1") {
  let lastHeight = 0;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      tell({ type: "twitchcheck:height", height });
    }
  };
  new ResizeObserver(report).observe(root);
  report();
}
