// Fidelity of the page's translations (web/lang/<tag>/*.json) to the English, key by key:
// every number and unit of an English text is in its translation (2 to 3 weeks, 2,000 ml,
// 10 minutes…), and every idea of docs/glossary.md the English names is named with one of
// the glossary's forms for that language. The helpers (tests/module/fidelity.mjs) are the
// ones the engine's words are held to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repoDir } from './module_support.mjs';
import { readPageLanguages, parts } from '../../cmake/page-languages.mjs';
import { readGlossary, missingTerms, missingNumbers, pairs } from './fidelity.mjs';

const glossary = readGlossary(repoDir);
const languages = readPageLanguages(`${repoDir}/web`);
const english = languages.find((l) => l.tag === 'en');

// Texts that quote a backup file's own values (caffeine, left, intense…), which stay as
// the file writes them in every language, so the glossary's words are not asked of them.
const fileValues = new Set(['importProblem.rules.triggers', 'importProblem.rules.exercise', 'importProblem.rules.side',
  'importProblem.rules.region', 'importProblem.rules.level']);

function problems(tag, words) {
  const found = [];
  for (const part of parts) {
    for (const [path, en, other] of pairs(english.words[part], words[part])) {
      // A plural form that says its count as {n} where English's writes it out ("1 twitch").
      const counted = /\.(zero|one|two|few|many|other)$/.test(path) && other.includes('{n}');
      for (const n of missingNumbers(en, other, tag)) {
        if (!(counted && /^\d+$/.test(n))) found.push(`${part}: ${path}: lacks ${n} (English: "${en}")`);
      }
      if (fileValues.has(path)) continue;
      for (const t of missingTerms(glossary, en, other, tag)) found.push(`${part}: ${path}: lacks the glossary's ${t}`);
    }
  }
  return found;
}

test('the glossary gives a form in every language for each of its ideas', () => {
  assert.ok(glossary.length >= 30, `${glossary.length} ideas`);
  for (const row of glossary) {
    for (const tag of ['en', 'de', 'es', 'fr']) assert.ok(row[tag]?.length > 0 && row[tag].every(Boolean), `${row.idea} in ${tag}`);
  }
});

for (const { tag, words } of languages.filter((l) => l.tag !== 'en')) {
  test(`${tag}: every number, unit and glossary term of the English page texts is in their translation`, () => {
    assert.deepEqual(problems(tag, words), []);
  });
}

test('a translation that drops a number, changes a unit or uses another word than the glossary\'s is caught', () => {
  const en = { plan: 'Sleep 7 to 9 hours a night.', doctor: 'See a nerve doctor (neurologist) within 2 to 3 weeks.', water: 'The plan aims for 2,000 ml.' };
  const good = { plan: 'Schlafen Sie 7 bis 9 Stunden pro Nacht.', doctor: 'Gehen Sie innerhalb von 2 bis 3 Wochen zum Nervenarzt (Neurologen).', water: 'Der Plan sieht 2.000 ml vor.' };
  const check = (de) => pairs(en, de).flatMap(([path, e, d]) => [...missingNumbers(e, d, 'de'), ...missingTerms(glossary, e, d, 'de')].map((p) => `${path}: ${p}`));
  assert.deepEqual(check(good), []);
  assert.deepEqual(check({ ...good, plan: 'Schlafen Sie 7 Stunden pro Nacht.' }), ['plan: 9']);
  assert.deepEqual(check({ ...good, plan: 'Schlafen Sie 7 bis 9 Std. pro Nacht.' }), ['plan: hour (Stunde)']);
  assert.deepEqual(check({ ...good, water: 'Der Plan sieht 2 Liter vor.' }), ['water: 2000', 'water: ml (ml)']);
  assert.deepEqual(check({ ...good, doctor: 'Gehen Sie innerhalb von 2 bis 3 Wochen zum Facharzt (Neurologen).' }),
    ['doctor: nerve doctor (lay word for neurologist) (one of: Nervenarzt, Nervenärztin, Nervenarztes)']);
  // "als" is German for "than": ALS is asked for as written.
  assert.deepEqual(pairs({ a: 'It is not ALS.' }, { a: 'Es ist mehr als das.' }).flatMap(([, e, d]) => missingTerms(glossary, e, d, 'de')), ['ALS (one of: ALS)']);
});
