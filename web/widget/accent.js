// A host's accent colour for the widget and the embed: set only when it is a valid CSS
// colour, with black or white text on it, whichever has more contrast.
export function applyAccent(element, colour) {
  if (colour && CSS.supports("color", colour)) {
    element.style.setProperty("--tc-accent", colour);
    element.style.setProperty("--tc-on-accent", readableOn(colour));
  } else {
    element.style.removeProperty("--tc-accent");
    element.style.removeProperty("--tc-on-accent");
  }
}

function readableOn(colour) {
  const probe = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  probe.fillStyle = colour;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  const linear = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const light = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return (light + 0.05) / 0.05 > 1.05 / (light + 0.05) ? "#000000" : "#ffffff";
}
