// Reading ease of the page's German, Spanish and French words (web/lang/<tag>/checker.json
// and journal.json: every screen, the widget, the storage and update notices), each with
// its language's Flesch-type formula from syllable counts of Debian's hyphenation
// dictionaries (tests/module/reading_ease.py: German Amstad, Spanish Fernández-Huerta,
// French Kandel-Moles; needs python3-pyphen, hyphen-de, hyphen-es, hyphen-fr). The page's
// words score 60 or more read together and on average per text: plain, like the English.
// English is held to its grade by readability.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoDir } from './module_support.mjs';
import { readPageLanguages, parts } from '../../cmake/page-languages.mjs';

const minScore = 60;

function readingEase(lang, lines) {
  const out = execFileSync('/usr/bin/python3', [join(repoDir, 'tests', 'module', 'reading_ease.py')], {
    input: JSON.stringify({ lang, lines }),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

// Every text with a letter in it; a {slot} reads as one short word.
const leaves = (value) => (typeof value === 'string' ? [value]
  : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : []);
const linesOf = (words) => parts.flatMap((part) => leaves(words[part]))
  .filter((text) => /\p{L}/u.test(text)).map((text) => text.replace(/\{\w+\}/g, 'es'));

const languages = readPageLanguages(join(repoDir, 'web')).filter(({ tag }) => ['de', 'es', 'fr'].includes(tag));
const results = languages.map(({ tag, words }) => {
  const r = readingEase(tag, linesOf(words));
  return { ...r, mean: r.lines.reduce((sum, line) => sum + line.score, 0) / r.lines.length };
});

console.log('Reading ease of the page\'s words (reading_ease.py; 60 and up is plain):');
for (const r of results) {
  console.log(`  ${r.lang} ${r.formula.padEnd(16)} ${r.score.toFixed(1).padStart(5)} all texts together ` +
    `(${r.lines.length} texts, ${r.words} words, ${r.sentences} sentences); mean of the texts ${r.mean.toFixed(1)}`);
  for (const line of r.lines.filter((l) => l.words >= 5).sort((a, b) => a.score - b.score).slice(0, 3)) {
    console.log(`      ${line.score.toFixed(1).padStart(6)}  ${line.text}`);
  }
}

test('German, Spanish and French page words are all measured', () => {
  assert.deepEqual(results.map((r) => r.lang).sort(), ['de', 'es', 'fr']);
  for (const r of results) assert.ok(r.lines.length > 400, `${r.lang}: ${r.lines.length} texts`);
});

for (const r of results) {
  test(`the page's ${r.lang} words score ${minScore} or more together and on average (${r.formula})`, () => {
    assert.ok(r.score >= minScore, `${r.formula} ${r.score} for all texts together`);
    assert.ok(r.mean >= minScore, `${r.formula} ${r.mean} on average`);
  });
}
