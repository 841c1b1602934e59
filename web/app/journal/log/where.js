// The Log's "where" part: the body picture, the body-part list and the sides that fit the
// part chosen (a paired part: left, right or both; a part in the middle: the middle).

import { h } from '../../shared/dom.js';
import { messages, format, language } from '../../shared/messages.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';
import { bodyFigure, sidesFor } from '../../shared/body-figure.js';
import { regionOrder, whereText } from '../../shared/places.js';

const sides = ['left', 'right', 'both', 'midline'];

// `changed(element)`: the choice changed by a tap on `element` (a part of the picture, or
// the list); → {element, chosen(), set(choice, kept), problem(), focus()}.
export function whereChooser(changed) {
  const m = jm.log;
  let chosen = null; // {region, side}
  let kept = null;
  const figure = bodyFigure({
    frontLabel: m.figureFront,
    backLabel: m.figureBack,
    marks: { left: m.markLeft, right: m.markRight },
    selected: () => new Map(chosen ? [[chosen.region, chosen.side]] : []),
    choose: (region, side, part) => {
      chosen = side ? { region, side } : null;
      sync();
      changed(part);
    },
  });

  const regionSelect = h('select', { id: 'log-region', name: 'region' },
    h('option', { value: '' }, m.regionNone),
    regionOrder.map((r) => h('option', { value: r }, messages.regions[r])));
  const sideInputs = sides.map((s) => h('input', { type: 'radio', name: 'side', value: s, id: `log-side-${s}` }));
  const sideLabels = sides.map((s, i) => h('label', { for: `log-side-${s}` }, sideInputs[i], ' ', messages.sides[s]));
  const sideFieldset = h('fieldset', { class: 'tc-sides' }, h('legend', null, m.sideLegend), sideLabels);

  regionSelect.addEventListener('change', () => {
    const region = regionSelect.value;
    const offered = sidesFor(region, kept);
    const side = chosen && offered.includes(chosen.side) ? chosen.side : offered.length === 1 ? offered[0] : undefined;
    chosen = region ? { region, side } : null;
    sync();
    changed(sideFieldset);
  });
  sideFieldset.addEventListener('change', () => {
    const side = sideInputs.find((i) => i.checked)?.value;
    if (chosen) chosen = { ...chosen, side };
    sync();
    changed(sideFieldset);
  });

  function sync() {
    const offered = sidesFor(chosen?.region, kept);
    regionSelect.value = chosen ? chosen.region : '';
    sideInputs.forEach((input, i) => {
      input.checked = !!chosen && chosen.side === input.value;
      sideLabels[i].hidden = chosen ? !offered.includes(input.value) : false;
    });
    figure.refresh();
  }

  return {
    element: h('div', { class: 'tc-where-parts' }, figure.element, h('p', { class: 'tc-hint tc-figure-hint' }, m.figureHint),
      h('div', { class: 'tc-field' }, h('label', { for: 'log-region' }, m.regionLabel), regionSelect),
      sideFieldset),
    chosen: () => (chosen && chosen.side ? chosen : null),
    // What the save bar says: the place, the part still waiting for its side, or nothing.
    text() {
      if (!chosen) return m.nothingChosen;
      if (chosen.side) return format(m.chosen, { where: whereText(chosen.region, chosen.side) });
      return format(m.chosenNoSide, { part: messages.regions[chosen.region] });
    },
    set(choice, keptSide = null) {
      chosen = choice;
      kept = keptSide;
      sync();
    },
    // → {problem, focus} when no place can be saved yet: the part, or its side, is missing.
    problem() {
      if (!chosen) return { problem: m.needRegion, focus: regionSelect };
      if (chosen.side) return null;
      const choices = new Intl.ListFormat(language, { type: 'disjunction' })
        .format(sidesFor(chosen.region, kept).map((s) => messages.sides[s]));
      return { problem: format(m.needSide, { choices }), focus: sideInputs.find((i, n) => !sideLabels[n].hidden) };
    },
    focus: () => regionSelect.focus(),
  };
}
