// embed.html, the iframe way: the same checker, themed from the query string (theme,
// accent, lang), telling the parent page only its height: {type: "twitchcheck:height",
// height}. No answer, level or rule ever leaves this frame.
import { mountChecker } from "../app/checker.js";
import { messages as m } from "../app/messages.js";
import { checkerEngineAt } from "../app/engine.js";
import { applyAccent } from "./accent.js";

const params = new URLSearchParams(location.search);
const root = document.documentElement;
const theme = params.get("theme");
root.dataset.theme = theme === "light" || theme === "dark" ? theme : "auto";
applyAccent(root, params.get("accent"));
document.title = m.widget.label;

mountChecker(document.querySelector("main"), {
  engine: checkerEngineAt(new URL("../", import.meta.url)),
  headingLevel: 1,
  appLink: new URL("index.html#/check", location.href).href,
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
