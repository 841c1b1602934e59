// Reading level of every English string a person sees in the checker: messages.js and the
// rule texts of core/rules/checker-rules.json. Measured with Debian's Lingua::EN::Fathom
// (Flesch-Kincaid grade); the goal is US grade 8 or below, for the whole text and for
// every group. Needs `liblingua-en-fathom-perl`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const maxGrade = 8;

const fathom = `
  use Lingua::EN::Fathom;
  local $/;
  my $text = <STDIN>;
  my $t = Lingua::EN::Fathom->new;
  $t->analyse_block($text);
  printf "%.2f %d %d\\n", $t->kincaid, $t->num_words, $t->num_sentences;`;

function grade(strings) {
  // Each string is read as its own sentence: a label without a full stop is one too.
  const text = strings
    .map((s) => s.replace(/\{\w+\}/g, 'it').trim())
    .filter((s) => /[A-Za-z]/.test(s))
    .map((s) => (/[.?!:]$/.test(s) ? s : `${s}.`))
    .join('\n');
  const [kincaid, words, sentences] = execFileSync('perl', ['-e', fathom], { input: text, encoding: 'utf8' })
    .trim().split(' ').map(Number);
  return { kincaid, words, sentences };
}

function stringsIn(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const { messages } = await import(pathToFileURL(join(repoDir, 'web', 'app', 'messages.js')).href);
const { journalMessages } = await import(pathToFileURL(join(repoDir, 'web', 'app', 'messages-journal.js')).href);
const rules = JSON.parse(readFileSync(join(repoDir, 'core', 'rules', 'checker-rules.json'), 'utf8'));

const groups = {
  ...Object.fromEntries(Object.entries(messages).map(([key, value]) => [`messages.${key}`, stringsIn(value)])),
  'rules: causes': rules.rules.map((rule) => rule.cause),
  'rules: actions': rules.rules.map((rule) => rule.action),
  'rules: advice': rules.advice.map((advice) => advice.text),
  'rules: disclaimer': [rules.disclaimer],
  'journal: encrypted backup and its privacy text': stringsIn(journalMessages.sealed),
};

const table = Object.entries(groups).map(([name, strings]) => ({ name, strings, ...grade(strings) }));
const all = grade(Object.values(groups).flat());
console.log('Flesch-Kincaid grade (Lingua::EN::Fathom):');
for (const row of table) {
  console.log(`  ${row.kincaid.toFixed(2).padStart(6)}  ${row.name} (${row.words} words, ${row.sentences} sentences)`);
}
console.log(`  ${all.kincaid.toFixed(2).padStart(6)}  everything (${all.words} words, ${all.sentences} sentences)`);

test('every group of checker text is found and has words in it', () => {
  for (const row of table) assert.ok(row.words > 0, `${row.name} has no words`);
  assert.equal(groups['rules: causes'].length, rules.rules.length);
  assert.ok(groups['messages.findings'].length === 13, 'all 13 warning-sign questions are measured');
});

test(`all checker text together reads at grade ${maxGrade} or below`, () => {
  assert.ok(all.kincaid <= maxGrade, `grade ${all.kincaid}`);
});

for (const row of table) {
  test(`${row.name} reads at grade ${maxGrade} or below`, () => {
    assert.ok(row.kincaid <= maxGrade, `grade ${row.kincaid} for: ${row.strings.join(' | ')}`);
  });
}
