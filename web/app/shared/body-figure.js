// The body picture (the Log, the checker's "where" step, the Patterns and report maps): a
// front and a back view whose parts choose a body part and its side when clicked.
// It is a pointer shortcut for the list beside it, which stays the one control for
// keyboards and screen readers (hence aria-hidden here).

import { svg } from "./dom.js";

// Every part is a rectangle at least 16 units wide and tall, and no two overlap: with the
// picture 240 CSS px wide or more (1.5 px a unit), each is at least 24 by 24 px (WCAG 2.2
// target size). The front view shows the person facing you, so their right side is on
// your left; the back view shows their left side on your left. [region, x, y, width,
// height] of the person's right part on the front view; its left one is its mirror image.
const WIDTH = 80; // one view
const paired = [
  ["eyelid", 23, 5, 16, 16],
  ["face", 21, 23, 18, 16],
  ["shoulder", 6, 70, 18, 16],
  ["upper_arm", 4, 88, 17, 30],
  ["forearm", 2, 120, 17, 30],
  ["hand", 1, 152, 18, 18],
  ["thigh", 23, 141, 16, 40],
  ["calf", 23, 183, 16, 34],
  ["foot", 19, 219, 20, 16],
];
const middle = [
  ["tongue", 32, 41, 16, 16],
  ["neck", 32, 59, 16, 16],
  ["chest", 26, 77, 28, 30],
  ["abdomen", 26, 109, 28, 30],
  ["back", 26, 77, 28, 62],
];
const head = { x: 18, y: 0, width: 44, height: 58, rx: 16 };
const onBackOnly = new Set(["back"]);
const onFrontOnly = new Set(["eyelid", "face", "tongue", "chest", "abdomen"]);

// The sides a part has: left, right or both for a part that comes in pairs, the middle for
// one in the middle (the Log's and the checker's side choices). `kept`, a side given before
// that no longer fits (an eyelid "in the middle" from an earlier version), stays offered so
// that nothing given is dropped.
const middleRegions = new Set(middle.map(([region]) => region));
export function sidesFor(region, kept) {
  const fit = !region ? [] : middleRegions.has(region) ? ["midline"] : ["left", "right", "both"];
  return kept && !fit.includes(kept) ? [...fit, kept] : fit;
}

const rect = (x, y, width, height) => ({ x, y, width, height, rx: 2 });
const mirrorX = (x, width) => WIDTH - x - width;
const mirror = { left: "right", right: "left", midline: "midline" };

// [region, attributes, side] of one view's parts.
function parts(back) {
  const out = [];
  for (const [region, x, y, width, height] of paired) {
    if (back && onFrontOnly.has(region)) continue;
    // On the front view the person's right part is on your left; on the back, their left.
    out.push([region, rect(x, y, width, height), back ? "left" : "right"]);
    out.push([region, rect(mirrorX(x, width), y, width, height), back ? "right" : "left"]);
  }
  for (const [region, x, y, width, height] of middle) {
    if (back ? onFrontOnly.has(region) : onBackOnly.has(region)) continue;
    out.push([region, rect(x, y, width, height), "midline"]);
  }
  return out;
}

// `marks`: {left, right}, the short words set beside the head for each side of the person.
function view(back, caption, marks) {
  const [onLeft, onRight] = back ? ["left", "right"] : ["right", "left"];
  return svg("g", { transform: `translate(${back ? WIDTH : 0} 0)` },
    svg("rect", { ...head, class: "tc-fig-base" }),
    parts(back).map(([region, attrs, side]) => svg("rect", { ...attrs, class: "tc-fig-part", dataset: { region, side } })),
    marks ? [
      svg("text", { x: 9, y: 45, class: "tc-fig-mark" }, marks[onLeft]),
      svg("text", { x: WIDTH - 9, y: 45, class: "tc-fig-mark" }, marks[onRight]),
    ] : null,
    svg("text", { x: WIDTH / 2, y: 246, class: "tc-fig-caption" }, caption));
}

// `selected()` gives Map region -> side; `choose(region, side|null)` changes it; `marks`
// (optional) {left, right} labels each view's sides.
export function bodyFigure({ frontLabel, backLabel, selected, choose, marks }) {
  const figure = svg("svg", {
    viewBox: `0 0 ${2 * WIDTH} 250`, class: "tc-figure", "aria-hidden": "true", focusable: "false",
  }, view(false, frontLabel, marks), view(true, backLabel, marks));

  figure.addEventListener("click", (event) => {
    const part = event.target.closest?.(".tc-fig-part");
    if (!part) return;
    const { region, side } = part.dataset;
    const current = selected().get(region);
    choose(region, nextSide(current, side), part);
  });

  const refresh = () => {
    const chosen = selected();
    for (const part of figure.querySelectorAll(".tc-fig-part")) {
      const side = chosen.get(part.dataset.region);
      const on = side !== undefined &&
        (side === "both" || side === "midline" || part.dataset.side === "midline" || side === part.dataset.side);
      part.classList.toggle("tc-fig-on", on);
    }
  };
  refresh();
  return { element: figure, refresh };
}

// Clicking one side of a paired part adds that side, and clicking a chosen side removes it.
function nextSide(current, clicked) {
  if (clicked === "midline") return current === undefined ? "midline" : null;
  const other = mirror[clicked];
  if (current === undefined) return clicked;
  if (current === clicked) return null;
  if (current === "both") return other;
  if (current === other) return "both";
  return clicked; // was "midline": take the side clicked
}
