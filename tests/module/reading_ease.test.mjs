// Reading ease of the engine's German, Spanish and French lines (core/lang/<tag>.json: rule
// texts, advice, disclaimers, the report's sentences and words; month and weekday names and
// date patterns left out), each with its language's Flesch-type formula: German Amstad,
// Spanish Fernández-Huerta, French Kandel-Moles, from syllable counts of Debian's hyphenation
// dictionaries (reading_ease.py; needs python3-pyphen, hyphen-de, hyphen-es, hyphen-fr). The
// lines read together score 60 or more: plain, like the English at grade 6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoDir = join(here, '..', '..');
const minScore = 60;

// Scores `lines` (any list of strings) in `lang` with reading_ease.py.
export function readingEase(lang, lines) {
  const out = execFileSync('/usr/bin/python3', [join(here, 'reading_ease.py')], {
    input: JSON.stringify({ lang, lines }),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

function engineLines(doc) {
  const { dates, ...report } = doc.report;
  const strings = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(strings));
  return [...strings(doc.checker), ...strings(report)];
}

const results = ['de', 'es', 'fr'].map((lang) =>
  readingEase(lang, engineLines(JSON.parse(readFileSync(join(repoDir, 'core', 'lang', `${lang}.json`), 'utf8')))));

console.log('Reading ease of the engine\'s lines (reading_ease.py; 60 and up is plain):');
for (const r of results) {
  const sentences = r.lines.filter((line) => line.words >= 5);
  const mean = sentences.reduce((sum, line) => sum + line.score, 0) / sentences.length;
  console.log(`  ${r.lang} ${r.formula.padEnd(16)} ${r.score.toFixed(1).padStart(5)} all lines together ` +
    `(${r.words} words, ${r.sentences} sentences, ${r.syllables} syllables); ` +
    `mean of the ${sentences.length} lines of 5 words or more ${mean.toFixed(1)}`);
  for (const line of sentences.sort((a, b) => a.score - b.score).slice(0, 3)) {
    console.log(`      ${line.score.toFixed(1).padStart(6)}  ${line.text}`);
  }
}

for (const r of results) {
  test(`the engine's ${r.lang} lines score ${minScore} or more (${r.formula})`, () => {
    assert.ok(r.lines.length > 150, `${r.lines.length} lines measured`);
    assert.ok(r.score >= minScore, `${r.formula} ${r.score}`);
  });
}

test('the syllable counter counts syllables, not hyphenation points', () => {
  const counts = (lang, text) => readingEase(lang, [text]).syllables;
  assert.equal(counts('de', 'Arzt'), 1);
  assert.equal(counts('de', 'Abend'), 2);
  assert.equal(counts('de', 'Nervenarzt'), 3);
  assert.equal(counts('de', 'Koffein'), 3);
  assert.equal(counts('es', 'día'), 2);
  assert.equal(counts('es', 'cafeína'), 4);
  assert.equal(counts('es', 'tics'), 1);
  assert.equal(counts('es', 'espasmos'), 3);
  assert.equal(counts('fr', 'secousse'), 2);
  assert.equal(counts('fr', 'neurologue'), 3);
  assert.equal(counts('fr', 'médecin'), 3);
});

test('a long, heavy sentence scores low in each formula', () => {
  assert.ok(readingEase('de', ['Die neurodegenerative Erkrankung verursacht Faszikulationen und Muskelschwund.']).score < 20);
  assert.ok(readingEase('es', ['La enfermedad neurodegenerativa ocasiona fasciculaciones generalizadas.']).score < 40);
  assert.ok(readingEase('fr', ['La maladie neurodégénérative occasionne des fasciculations généralisées.']).score < 40);
});
