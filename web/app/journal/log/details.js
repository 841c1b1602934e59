// The Log's optional details: when, how long, how strong, what might have played a part,
// and a note. read() checks what was typed; fill() shows an entry being changed.

import { h } from '../../shared/dom.js';
import { messages, format } from '../../shared/messages.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';
import { today } from '../journal.js';
import { atFromInput, inputValue, outsideEntryRange } from '../../shared/when.js';

export const triggers = ['caffeine', 'stress', 'fatigue', 'dehydration', 'intense_exercise', 'poor_sleep'];

// "2 min · strength 4 of 5 · poor sleep": an entry's details in one line.
export function detailsLine(e) {
  const m = jm.log;
  const parts = [];
  if (e.duration_s !== undefined) {
    parts.push(e.duration_s >= 60 && e.duration_s % 60 === 0
      ? format(m.minutes1, { n: e.duration_s / 60 }) : format(m.seconds1, { n: e.duration_s }));
  }
  if (e.intensity !== undefined) parts.push(format(m.intensityShort, { n: e.intensity }));
  for (const t of e.triggers ?? []) parts.push(m.triggerNames[t] ?? t);
  return parts.join(' · ');
}

// → {element, read(editing), fill(episode), clear(), open()}
export function detailsFields() {
  const m = jm.log;
  // No min/max attributes: with them, a time typed digit by digit was lost in Chromium
  // (the keyboard test in tests/browser/journal.spec.js). read() checks the range instead.
  const when = h('input', { type: 'datetime-local', id: 'log-when', name: 'when' });
  const duration = h('input', { type: 'number', id: 'log-duration', name: 'duration', min: 1, max: 86400, step: 1, inputmode: 'numeric', 'aria-describedby': 'log-duration-hint' });
  const unit = h('select', { id: 'log-unit', name: 'unit', 'aria-label': m.durationUnit },
    h('option', { value: '1' }, m.seconds), h('option', { value: '60' }, m.minutes));
  const intensityInputs = [1, 2, 3, 4, 5].map((n) => h('input', { type: 'radio', name: 'intensity', value: n, id: `log-int-${n}` }));
  const intensityNone = h('input', { type: 'radio', name: 'intensity', value: '', id: 'log-int-none', checked: true });
  const triggerInputs = triggers.map((t) => h('input', { type: 'checkbox', name: 'trigger', value: t, id: `log-trig-${t}` }));
  const note = h('textarea', { id: 'log-note', name: 'note', rows: 3, maxlength: 2000, 'aria-describedby': 'log-note-hint' });
  const element = h('details', { class: 'tc-details' },
    h('summary', null, m.details),
    h('div', { class: 'tc-field' }, h('label', { for: 'log-when' }, m.when), when),
    h('div', { class: 'tc-field' },
      h('label', { for: 'log-duration' }, m.durationLabel),
      h('div', { class: 'tc-inline' }, duration, unit),
      h('p', { class: 'tc-hint', id: 'log-duration-hint' }, m.durationHint)),
    h('fieldset', { class: 'tc-scale' }, h('legend', null, m.intensityLegend),
      intensityInputs.map((input, i) => h('label', { for: input.id }, input, ' ', m.intensity[i])),
      h('label', { for: 'log-int-none' }, intensityNone, ' ', m.intensityNone)),
    h('fieldset', { class: 'tc-checks' }, h('legend', null, m.triggersLegend),
      triggerInputs.map((input, i) => h('label', { for: input.id }, input, ' ', messages.triggers[triggers[i]]))),
    h('div', { class: 'tc-field' },
      h('label', { for: 'log-note' }, m.noteLabel), note,
      h('p', { class: 'tc-hint', id: 'log-note-hint' }, m.noteHint)));

  // The details of an episode at `place` ({region, side}): → {episode} | {problem, focus}.
  // `editing`, the episode being changed, keeps its id and may keep the time it had.
  function read(place, editing, id) {
    if (when.value && !(editing && when.value === inputValue(editing.at))) {
      const min = outsideEntryRange(when.value.slice(0, 10), today());
      if (min) return { problem: format(m.whenRange, { min }), focus: when };
    }
    const episode = { id, at: when.value ? atFromInput(when.value) : null, region: place.region, side: place.side };
    if (duration.value.trim() !== '') {
      const seconds = Number(duration.value) * Number(unit.value);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86400) return { problem: m.needDuration, focus: duration };
      episode.duration_s = seconds;
    }
    const intensity = intensityInputs.find((i) => i.checked);
    if (intensity && intensity.value !== '') episode.intensity = Number(intensity.value);
    const picked = triggerInputs.filter((i) => i.checked).map((i) => i.value);
    if (picked.length) episode.triggers = picked;
    if (note.value.trim() !== '') episode.note = note.value;
    return { episode };
  }

  function fill(episode) {
    when.value = inputValue(episode.at);
    if (episode.duration_s !== undefined) {
      const inMinutes = episode.duration_s >= 60 && episode.duration_s % 60 === 0;
      duration.value = String(inMinutes ? episode.duration_s / 60 : episode.duration_s);
      unit.value = inMinutes ? '60' : '1';
    } else {
      duration.value = '';
    }
    for (const input of intensityInputs) input.checked = Number(input.value) === episode.intensity;
    intensityNone.checked = episode.intensity === undefined;
    for (const input of triggerInputs) input.checked = (episode.triggers ?? []).includes(input.value);
    note.value = episode.note ?? '';
    element.open = true;
  }

  function clear() {
    when.value = '';
    duration.value = '';
    unit.value = '1';
    intensityNone.checked = true;
    for (const input of triggerInputs) input.checked = false;
    note.value = '';
    element.open = false;
  }

  return { element, read, fill, clear };
}
