// Builds DOM from data without ever parsing HTML: attributes with setAttribute, text with
// text nodes, listeners from `on*` functions. Nothing here can inject markup.

const svgNs = "http://www.w3.org/2000/svg";

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(svgNs, tag), attrs, children);
}

// A per-instance id prefix, so two checkers on one page never share an id.
let instances = 0;
export function idPrefix() {
  instances += 1;
  return `tc${instances}`;
}

// Scrolls `element` into sight when its top (block "start"), or it or any of `also` (block
// "center"), is out of the window: at once when the reader asks for reduced motion.
export function reveal(element, block, also = []) {
  const out = (el) => {
    const box = el.getBoundingClientRect();
    return box.top < 0 || (block === "start" ? box.top : box.bottom) > innerHeight;
  };
  if (![element, ...also].some(out)) return;
  const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block, behavior: reduce ? "instant" : "smooth" });
}
