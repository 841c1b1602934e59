// Places on the body: their words ("Left calf") and the body picture shaded by how many
// twitches each place had (the `regions` of the engine's report JSON).
import { messages, format, language } from './messages.js';
import { journalMessages as jm } from './messages-journal.js';
import { bodyFigure } from './body-figure.js';

export const regionOrder = ['eyelid', 'face', 'tongue', 'shoulder', 'upper_arm', 'forearm', 'hand',
  'neck', 'chest', 'back', 'abdomen', 'thigh', 'calf', 'foot'];
export const sideOrder = ['left', 'right', 'both', 'midline'];

// A text with its first letter a capital, as the page's language writes it.
export function capitalFirst(text) {
  const [first = '', ...rest] = text;
  return first.toLocaleUpperCase(language) + rest.join('');
}

const startsWithCapital = (text) => { const [first = ''] = text; return first !== first.toLocaleLowerCase(language); };

// "Left calf or lower leg": the side's words and the body part as it is written inside a
// phrase (placeNames: lower case in English, as each language writes it). A part in the
// middle is named alone, and starts as the language's place with a side does: "Neck" as
// "Left calf" in English, "pecho" as "pantorrilla (lado izquierdo)" in Spanish, so a
// place after a colon or a "·" is written alike whichever it is (issue 22).
export function whereText(region, side) {
  const words = jm.sideWords[side];
  const name = jm.placeNames[region] ?? messages.regions[region] ?? region;
  if (words) return format(jm.where, { side: words, region: name });
  return startsWithCapital(format(jm.where, { side: jm.sideWords.left, region: jm.placeNames.calf })) ? capitalFirst(name) : name;
}

// `regions`: [{region, count, sides: {left, right, both, midline}}]. A part of the picture
// counts the twitches on its side, plus those on both sides or in the middle.
export function placeFigure(regions) {
  const counts = new Map(regions.map((r) => [r.region, r.sides]));
  const max = Math.max(1, ...regions.map((r) => r.count));
  const figure = bodyFigure({ frontLabel: jm.log.figureFront, backLabel: jm.log.figureBack, selected: () => new Map(), choose: () => {} });
  figure.element.classList.add('tc-heat');
  for (const part of figure.element.querySelectorAll('.tc-fig-part')) {
    const sides = counts.get(part.dataset.region);
    if (!sides) continue;
    const side = part.dataset.side;
    const n = side === 'midline'
      ? sides.left + sides.right + sides.both + sides.midline
      : sides[side] + sides.both + sides.midline;
    if (n) part.classList.add(`tc-heat-${Math.min(4, Math.ceil((n / max) * 4))}`);
  }
  return figure.element;
}

// The places with their counts, most first: [{region, side, n}].
export function placeList(regions) {
  const out = [];
  for (const r of regions) {
    for (const side of sideOrder) if (r.sides[side]) out.push({ region: r.region, side, n: r.sides[side] });
  }
  return out.sort((a, b) => b.n - a.n || regionOrder.indexOf(a.region) - regionOrder.indexOf(b.region) ||
    sideOrder.indexOf(a.side) - sideOrder.indexOf(b.side));
}
