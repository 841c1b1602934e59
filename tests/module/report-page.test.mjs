// The app's estimate of the lines a note takes on paper (web/app/report-page.js) counts
// exactly as the engine's (core/src/report_page.cpp): both run tests/fixtures/report-lines.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoDir } from './module_support.mjs';
import { estimatedLines, fittingPrefix } from '../../web/app/report-page.js';

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
