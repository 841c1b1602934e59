// Reading level of every English string a person sees: the page's words
// (web/lang/en/checker.json for the checker, journal.json for the journal screens) and the
// engine's own lines (core/lang/en.json: rule texts, advice, disclaimers, the report's
// sentences and words; month and weekday names and date patterns left out). Measured with
// Debian's Lingua::EN::Fathom (Flesch-Kincaid grade): every group at grade 8 or below; every
// single engine line at grade 10 or below, and the engine's lines at grade 6 or below on
// average (issue 13, point 5). A label of one to four words is held to its group's grade
// only: alone, one long word decides its grade ("Emergency." reads as grade 32).
// Needs `liblingua-en-fathom-perl`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const maxGrade = 8;
const maxEngineLine = 10;
const maxEngineAverage = 6;
const minSentenceWords = 5;

// One line of text per input line; prints "grade words sentences" for each line, then
// the same for all lines read together.
const fathom = `
  use Lingua::EN::Fathom;
  my @lines = <STDIN>;
  my $t = Lingua::EN::Fathom->new;
  for my $line (@lines) {
    $t->analyse_block($line);
    printf "%.2f %d %d\\n", $t->kincaid, $t->num_words, $t->num_sentences;
  }
  $t->analyse_block(join('', @lines));
  printf "%.2f %d %d\\n", $t->kincaid, $t->num_words, $t->num_sentences;`;

// Each string is read as its own sentence: a label without a full stop is one too.
const asSentence = (s) => {
  const text = s.replace(/\{\w+\}/g, 'it').trim();
  return /[.?!:]$/.test(text) ? text : `${text}.`;
};

// Grades of each string and of all of them together.
function grades(strings) {
  const lines = strings.filter((s) => /[A-Za-z]/.test(s)).map(asSentence);
  const rows = execFileSync('perl', ['-e', fathom], { input: `${lines.join('\n')}\n`, encoding: 'utf8' })
    .trim().split('\n').map((row) => {
      const [kincaid, words, sentences] = row.split(' ').map(Number);
      return { kincaid, words, sentences };
    });
  const all = rows.pop();
  return { lines: lines.map((text, i) => ({ text, ...rows[i] })), ...all };
}

function stringsIn(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const pageWords = (part) => JSON.parse(readFileSync(join(repoDir, 'web', 'lang', 'en', `${part}.json`), 'utf8'));
const messages = pageWords('checker');
const journalMessages = pageWords('journal');
// One group per screen; the few single strings at the top of the file are read together.
const journalGroups = Object.entries(journalMessages).filter(([, value]) => typeof value === 'object');
const journalSingles = Object.values(journalMessages).filter((value) => typeof value === 'string');
const english = JSON.parse(readFileSync(join(repoDir, 'core', 'lang', 'en.json'), 'utf8'));
const ruleWords = Object.values(english.checker.rules);
const { dates, disclaimer, ...reportWords } = english.report;

const engineGroups = {
  'engine: rule causes': ruleWords.map((rule) => rule.cause),
  'engine: rule actions': ruleWords.map((rule) => rule.action),
  'engine: advice': Object.values(english.checker.advice),
  'engine: disclaimers': [english.checker.disclaimer, disclaimer],
  'engine: report': stringsIn(reportWords),
};
const groups = {
  ...Object.fromEntries(Object.entries(messages).map(([key, value]) => [`messages.${key}`, stringsIn(value)])),
  ...Object.fromEntries(journalGroups.map(([key, value]) => [`journal.${key}`, stringsIn(value)])),
  'journal: single strings': journalSingles,
  ...engineGroups,
};

const table = Object.entries(groups).map(([name, strings]) => ({ name, strings, ...grades(strings) }));
const all = grades(Object.values(groups).flat());
const engine = grades(Object.values(engineGroups).flat());
const engineMean = engine.lines.reduce((sum, line) => sum + line.kincaid, 0) / engine.lines.length;
console.log('Flesch-Kincaid grade (Lingua::EN::Fathom):');
for (const row of table) {
  console.log(`  ${row.kincaid.toFixed(2).padStart(6)}  ${row.name} (${row.words} words, ${row.sentences} sentences)`);
}
console.log(`  ${all.kincaid.toFixed(2).padStart(6)}  everything (${all.words} words, ${all.sentences} sentences)`);
console.log(`  ${engine.kincaid.toFixed(2).padStart(6)}  the engine's lines together (${engine.lines.length} lines); ` +
  `mean of the lines ${engineMean.toFixed(2)}`);
console.log('  the engine\'s hardest lines:');
for (const line of engine.lines.filter((l) => l.words >= minSentenceWords).sort((a, b) => b.kincaid - a.kincaid).slice(0, 5)) {
  console.log(`  ${line.kincaid.toFixed(2).padStart(6)}  ${line.text}`);
}

test('every group of text is found and has words in it', () => {
  for (const row of table) assert.ok(row.words > 0, `${row.name} has no words`);
  assert.equal(groups['engine: rule causes'].length, 25);
  assert.ok(groups['messages.findings'].length === 19, 'all 19 warning-sign questions are measured');
  assert.ok(engine.lines.length > 150, `${engine.lines.length} engine lines`);
});

test(`all checker text together reads at grade ${maxGrade} or below`, () => {
  assert.ok(all.kincaid <= maxGrade, `grade ${all.kincaid}`);
});

for (const row of table) {
  test(`${row.name} reads at grade ${maxGrade} or below`, () => {
    assert.ok(row.kincaid <= maxGrade, `grade ${row.kincaid} for: ${row.strings.join(' | ')}`);
  });
}

test(`every single engine line of ${minSentenceWords} words or more reads at grade ${maxEngineLine} or below`, () => {
  const sentences = engine.lines.filter((line) => line.words >= minSentenceWords);
  assert.ok(sentences.length > 90, `${sentences.length} lines`);
  const hard = sentences.filter((line) => line.kincaid > maxEngineLine);
  assert.deepEqual(hard.map((line) => `${line.kincaid}: ${line.text}`), []);
});

test(`the engine's lines read at grade ${maxEngineAverage} or below on average`, () => {
  assert.ok(engine.kincaid <= maxEngineAverage, `grade ${engine.kincaid} for all the lines together`);
  assert.ok(engineMean <= maxEngineAverage, `mean grade of the lines ${engineMean}`);
});
