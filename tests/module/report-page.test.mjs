// The app's estimate of the lines a note takes on paper (web/app/journal/report-page.js) counts
// exactly as the engine's (core/src/report_page.cpp): both run tests/fixtures/report-lines.json.
// And the notes the app's printed report has room for, once the rest has its height.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoDir } from './module_support.mjs';
import { estimatedLines, fittingPrefix, notesOnPage } from '../../web/app/journal/report-page.js';

const { cases } = JSON.parse(readFileSync(join(repoDir, 'tests/fixtures/report-lines.json'), 'utf8'));

for (const c of cases) {
  test(`lines of a note: ${c.why}`, () => {
    assert.equal(estimatedLines(c.text, c.columns, c.tail), c.lines);
    assert.equal(c.text.slice(0, fittingPrefix(c.text, c.columns, c.max_lines, c.tail)), c.prefix);
  });
}

test('a 2,000-character note takes 21 lines 97 columns wide, and its first 4 lines with a 54-column tail keep 334 characters', () => {
  const note = 'a'.repeat(2000);
  assert.equal(estimatedLines(note, 97), 21);
  assert.equal(fittingPrefix(note, 97, 4, 54), 334);
});

const words = {
  marker: '… (shortened)'.length,
  intro: 'Written by you, not by the app or a doctor. Newest first.',
  leftOut: '12 notes are not shown here, to keep this report to one page. All your notes, in full, are in your backup file (JSON).',
};

test('with 180 mm of the page taken, three long notes fit, each cut to 4 lines of 98 columns with room for its date and place', () => {
  const notes = Array.from({ length: 12 }, () => ({ text: 'w'.repeat(1000), tail: 45 }));
  const page = notesOnPage(notes, 180, words);
  // 3 × 98 + (98 − 45 − 13) on the fourth line.
  assert.deepEqual(page.kept, [334, 334, 334]);
  assert.equal(page.leftOut, 9);
  assert.equal(page.roomMm.toFixed(1), '53.6'); // the left-out line takes two lines
});

test('short notes are kept whole, one line each, until the room is used; none fit when the rest fills the page', () => {
  const notes = Array.from({ length: 20 }, () => ({ text: 'after 2 coffees', tail: 45 }));
  // A note needs room for at least 2 lines to be shown: nine of 4.97 mm leave 8.9 mm.
  assert.deepEqual(notesOnPage(notes, 180, words).kept, Array(9).fill(15));
  assert.deepEqual(notesOnPage(notes, 240, words), { kept: [], leftOut: 20, roomMm: 0 });
});
