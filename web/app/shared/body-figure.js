// The body picture of the "where" step: a front and a back view whose parts add or remove
// a region when clicked. It is a pointer shortcut for the list of checkboxes beside it,
// which stays the one control for keyboards and screen readers (hence aria-hidden here).

import { svg } from "../dom.js";

// [region, shape, attributes, side]. The front view shows the person facing you, so
// their right side is on your left; the back view shows their left side on your left.
// A part on both sides is given once, as the person's right one on the front view; the
// other is its mirror image across the middle line (x = 50).
const mirrored = (shape, attrs) => (shape === "ellipse"
  ? { ...attrs, cx: 100 - attrs.cx }
  : { ...attrs, x: 100 - attrs.x - attrs.width });
const both = (region, shape, attrs) => [
  [region, shape, attrs, "right"],
  [region, shape, mirrored(shape, attrs), "left"],
];
const front = [
  ["face", "ellipse", { cx: 50, cy: 20, rx: 13, ry: 16 }, "midline"],
  ...both("eyelid", "ellipse", { cx: 44.5, cy: 16, rx: 4, ry: 2.4 }),
  ["tongue", "ellipse", { cx: 50, cy: 28, rx: 4, ry: 2.2 }, "midline"],
  ["neck", "rect", { x: 45, y: 35, width: 10, height: 8 }, "midline"],
  ...both("shoulder", "ellipse", { cx: 31, cy: 48, rx: 7, ry: 6 }),
  ["chest", "rect", { x: 37, y: 44, width: 26, height: 24, rx: 4 }, "midline"],
  ["abdomen", "rect", { x: 38, y: 69, width: 24, height: 24, rx: 4 }, "midline"],
  ...both("upper_arm", "rect", { x: 23, y: 55, width: 10, height: 25, rx: 5 }),
  ...both("forearm", "rect", { x: 19, y: 81, width: 10, height: 25, rx: 5 }),
  ...both("hand", "ellipse", { cx: 23, cy: 114, rx: 6, ry: 8 }),
  ...both("thigh", "rect", { x: 38, y: 95, width: 11, height: 40, rx: 5 }),
  ...both("calf", "rect", { x: 39, y: 137, width: 10, height: 40, rx: 5 }),
  ...both("foot", "ellipse", { cx: 42, cy: 183, rx: 7, ry: 4 }),
];

const mirror = { left: "right", right: "left", midline: "midline" };
const back = [
  [null, "ellipse", { cx: 50, cy: 20, rx: 13, ry: 16 }, null],
  ...front.filter(([region]) => !["face", "eyelid", "tongue", "chest", "abdomen"].includes(region))
    .map(([region, shape, attrs, side]) => [region, shape, attrs, mirror[side]]),
  ["back", "rect", { x: 37, y: 44, width: 26, height: 49, rx: 4 }, "midline"],
];

function view(parts, caption, x) {
  return svg("g", { transform: `translate(${x} 0)` },
    parts.map(([region, shape, attrs, side]) => svg(shape, {
      ...attrs,
      class: region ? "tc-fig-part" : "tc-fig-base",
      dataset: region ? { region, side } : undefined,
    })),
    svg("text", { x: 50, y: 198, class: "tc-fig-caption" }, caption));
}

// `selected()` gives Map region -> side; `choose(region, side|null)` changes it.
export function bodyFigure({ frontLabel, backLabel, selected, choose }) {
  const figure = svg("svg", {
    viewBox: "0 0 200 202", class: "tc-figure", "aria-hidden": "true", focusable: "false",
  }, view(front, frontLabel, 0), view(back, backLabel, 100));

  figure.addEventListener("click", (event) => {
    const part = event.target.closest?.(".tc-fig-part");
    if (!part) return;
    const { region, side } = part.dataset;
    const current = selected().get(region);
    choose(region, nextSide(current, side));
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
