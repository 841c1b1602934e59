// The engine's languages through both doors (the WebAssembly modules and the CLI): every
// language file complete and faithful to the English (keys, placeholders, plural forms,
// numbers and units, the glossary's terms), the plural rules against Intl.PluralRules,
// the same results and reports in every language but for their words, byte for byte
// the same in wasm and natively, the checker-only module given a language at run time,
// and the pseudo-language en-XA.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { loadModule, loadCheckerModule, cli, sharedJsonFiles, repoDir, buildDir } from './module_support.mjs';
import { readLanguages, checkLanguage, checkerWords, isPlural } from '../../cmake/languages.mjs';
import { pseudoLanguage, outsideBrackets } from './pseudo_language.mjs';
import { readGlossary, ideasIn, usesForm } from './fidelity.mjs';

const languages = readLanguages(join(repoDir, 'core', 'lang')).map(({ doc }) => doc);
const english = languages.find((doc) => doc.lang === 'en');
const translations = languages.filter((doc) => doc.lang !== 'en');
const tags = languages.map((doc) => doc.lang);
const module = await loadModule();
const checkerModule = await loadCheckerModule();
const vignettes = sharedJsonFiles('vignettes');
const journals = [
  { name: 'report-journal.json', json: JSON.parse(readFileSync(join(repoDir, 'tests', 'fixtures', 'report-journal.json'), 'utf8')) },
  ...sharedJsonFiles('journal-examples').filter(({ name }) => name !== 'bad-journals.json')
    .map(({ name, json }) => ({ name, json: json.journal })),
];
const TODAY = '2026-03-31';

// Every text of a language file as [path, text]: a plural message is one text (its forms
// joined); month and weekday names and date patterns are left out (they have no English line).
function texts(doc, path = '') {
  if (typeof doc === 'string') return [[path, doc]];
  if (isPlural(doc)) return [[path, Object.values(doc).join(' | ')]];
  if (path === 'report.dates') return [];
  return Object.entries(doc).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key));
}
const wordsOf = (doc) => Object.fromEntries(['checker', 'report'].flatMap((section) => texts(doc[section], section)));

// A result or report less its words: what must not depend on the language.
function withoutWords(doc) {
  const copy = structuredClone(doc);
  for (const key of ['advice', 'disclaimer', 'lang']) delete copy[key];
  const strip = (fired) => fired.forEach((rule) => { delete rule.cause; delete rule.action; });
  if (copy.fired) strip(copy.fired);
  if (copy.latest_check) { strip(copy.latest_check.fired); delete copy.latest_check.note; }
  if (copy.linked_factors) copy.linked_factors.forEach((f) => delete f.words);
  return copy;
}

test('the engine speaks English, German, Spanish and French', () => {
  assert.deepEqual([...tags].sort(), ['de', 'en', 'es', 'fr']);
  assert.deepEqual(languages.map((doc) => doc.name).sort(), ['Deutsch', 'English', 'Español', 'Français']);
});

test('every language file has every English key and no other, the same placeholders, and its plural forms', () => {
  for (const doc of translations) assert.deepEqual(checkLanguage(english, doc), [], doc.lang);
});

test('each language file lists the plural categories Intl.PluralRules has for it', () => {
  for (const doc of languages) {
    const categories = new Intl.PluralRules(doc.lang).resolvedOptions().pluralCategories;
    assert.deepEqual(['other', ...Object.keys(doc.plural)].sort(), [...categories].sort(), doc.lang);
  }
});

test('the engine\'s plural rule of each language agrees with Intl.PluralRules from 0 to 200 and for millions', () => {
  const numbers = [...Array.from({ length: 201 }, (_, n) => n), 1000000, 1000001, 2000000, 5000000, 10000000];
  const calls = tags.flatMap((lang) => numbers.map((n) => `plural ${lang} ${n} 0\n`)).join('');
  const run = spawnSync(join(buildDir, 'tests', 'api_batch'), [], { input: calls, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // Answers are "ERROR LENGTH\n" then LENGTH bytes (api_batch.cpp).
  const categories = [];
  for (let at = 0; at < run.stdout.length;) {
    const newline = run.stdout.indexOf('\n', at);
    const length = Number(run.stdout.slice(at, newline).split(' ')[1]);
    categories.push(run.stdout.slice(newline + 1, newline + 1 + length));
    at = newline + 1 + length;
  }
  assert.equal(categories.length, tags.length * numbers.length);
  let i = 0;
  for (const lang of tags) {
    const rules = new Intl.PluralRules(lang);
    for (const n of numbers) assert.equal(categories[i++], rules.select(n), `${lang} ${n}`);
  }
});

test('the build\'s check and the module refuse the same broken language files, naming the key', () => {
  const german = translations.find((doc) => doc.lang === 'de');
  const breakers = [
    ['report.page.heading', (doc) => { delete doc.report.page.heading; }],
    ['report.page.subtitle', (doc) => { doc.report.page.subtitle = 'Hallo'; }],
    ['report.page.made_on', (doc) => { doc.report.page.made_on = 'Erstellt am {datum}.'; }],
    ['report.counts.twitches', (doc) => { delete doc.report.counts.twitches.one; }],
    ['report.dates.months', (doc) => { doc.report.dates.months.pop(); }],
    ['checker.rules.RF-WASTING.cause', (doc) => { doc.checker.rules['RF-WASTING'].cause = ''; }],
  ];
  for (const [path, breakIt] of breakers) {
    const doc = structuredClone(german);
    doc.lang = 'de-XB';
    breakIt(doc);
    const problems = checkLanguage(english, doc);
    assert.equal(problems.length, 1, `${path}: ${problems.join('; ')}`);
    assert.ok(problems[0].startsWith(`${path}: `), problems[0]);
    const answer = JSON.parse(module.addLanguage(JSON.stringify(doc)));
    assert.equal(answer.error?.path, path, JSON.stringify(answer));
  }
});

test('every number and unit of an English text is in each translation of it', () => {
  const units = {
    week: { de: 'Wochen?', es: 'semanas?', fr: 'semaines?' },
    day: { de: 'Tagen?|Tage', es: 'días?', fr: 'jours?' },
    hour: { de: 'Stunden?', es: 'horas?', fr: 'heures?' },
    minute: { de: 'Minuten?', es: 'minutos?', fr: 'minutes?' },
    litre: { de: 'Liter', es: 'litros?', fr: 'litres?' },
    mg: { de: 'mg', es: 'mg', fr: 'mg' },
    '%': { de: '%', es: '%', fr: '%' },
  };
  const unitOf = (word) => (word === '%' || word === 'mg' ? word : word.toLowerCase().replace(/s$/, ''));
  const en = wordsOf(english);
  const problems = [];
  for (const doc of translations) {
    const words = wordsOf(doc);
    for (const [path, text] of Object.entries(en)) {
      const other = words[path];
      for (const n of new Set(text.match(/\d+/g) ?? [])) {
        if (!new RegExp(`(?<!\\d)${n}(?!\\d)`).test(other)) problems.push(`${doc.lang} ${path}: no ${n} in "${other}"`);
      }
      for (const [, n, unit] of text.matchAll(/(?<!\d)(\d+)\s*(weeks?|days?|hours?|minutes?|litres?|mg|%)/gi)) {
        const forms = units[unitOf(unit)][doc.lang];
        // The unit right after the number, or after one word ("ces 7 derniers jours").
        if (!new RegExp(`(?<!\\d)${n}[\\s\\u00a0-]*(?:[^\\s\\d]+\\s+)?(?:${forms})`, 'i').test(other)) {
          problems.push(`${doc.lang} ${path}: no "${n} ${unit}" in "${other}"`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the glossary\'s term is used wherever the English uses its term', () => {
  const terms = readGlossary(repoDir);
  assert.ok(terms.length >= 35, `${terms.length} glossary rows`);
  assert.ok(terms.some((row) => row.idea === 'neurologist' && row.de.includes('Neurologe')));
  const en = wordsOf(english);
  const problems = [];
  let checked = 0;
  for (const doc of translations) {
    const words = wordsOf(doc);
    for (const [path, text] of Object.entries(en)) {
      for (const row of ideasIn(text, terms)) {
        checked++;
        if (!usesForm(words[path], row[doc.lang])) {
          problems.push(`${doc.lang} ${path}: "${row.idea}" needs one of ${row[doc.lang].join(' / ')} in "${words[path]}"`);
        }
      }
    }
  }
  assert.ok(checked > 300, `${checked} term uses checked`);
  assert.deepEqual(problems, []);
});

const langCases = [...tags, 'de-AT', 'FR', 'es-419', 'xx', ''];
const matched = (tag) => (tag === '' || tag === 'xx' ? 'en' : tag.slice(0, 2).toLowerCase());

test('the 13 vignettes in every language: the same level, rules, checklist, unanswered and if_true; the CLI\'s bytes', () => {
  assert.ok(vignettes.length >= 13);
  for (const { name, json } of vignettes) {
    const input = JSON.stringify(json.input);
    const inEnglish = JSON.parse(module.assess(input));
    for (const tag of langCases) {
      const label = `${name} in "${tag}"`;
      const fromWasm = module.assess(input, tag);
      const native = cli(['assess', '--lang', tag], input);
      assert.equal(native.status, 0, label);
      assert.equal(fromWasm, native.stdout, label);
      const result = JSON.parse(fromWasm);
      assert.equal(result.lang, matched(tag), label);
      assert.equal(result.level, json.expect.level, label);
      assert.deepEqual(result.fired.map((f) => f.id), json.expect.fired, label);
      assert.deepEqual(result.checklist, json.expect.checklist, label);
      assert.deepEqual(result.unanswered, json.expect.unanswered, label);
      assert.deepEqual(result.if_true, json.expect.if_true, label);
      assert.deepEqual(withoutWords(result), withoutWords(inEnglish), label);
    }
  }
});

test('the report of every worked journal in every language: the same facts, the CLI\'s bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-lang-'));
  try {
    for (const { name, json } of journals) {
      const file = join(dir, name);
      const text = JSON.stringify(json);
      writeFileSync(file, text);
      const inEnglish = JSON.parse(module.report(text, TODAY, 'json'));
      for (const tag of [...tags, 'fr-CA']) {
        for (const format of ['json', 'html']) {
          const label = `${name} ${format} in ${tag}`;
          const fromWasm = module.report(text, TODAY, format, tag);
          const native = cli(['report', file, '--today', TODAY, '--format', format, '--lang', tag]);
          assert.equal(native.status, 0, `${label}: ${native.stderr}`);
          assert.equal(fromWasm, native.stdout, label);
          if (format === 'json') {
            const report = JSON.parse(fromWasm);
            assert.equal(report.lang, matched(tag), label);
            assert.deepEqual(withoutWords(report), withoutWords(inEnglish), label);
          } else {
            assert.ok(fromWasm.includes(`<html lang="${matched(tag)}">`), label);
          }
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI takes --lang on assess and report only', () => {
  const journalFile = join(mkdtempSync(join(tmpdir(), 'cli-lang-')), 'j.json');
  writeFileSync(journalFile, JSON.stringify(journals[0].json));
  assert.equal(cli(['analyze', journalFile, '--today', TODAY, '--lang', 'de']).status, 1);
  assert.equal(cli(['rules', '--lang', 'de']).status, 1);
  assert.equal(cli(['assess', '--lang'], '{}').status, 1);
  assert.match(cli(['assess', '--lang', 'de'], '{}').stderr, /^error: schema: /);
});

const siteWords = join(buildDir, 'site', 'engine-words');

test('the site ships each language\'s checker words for the checker-only module, made from core/lang', () => {
  for (const doc of languages) {
    const file = join(siteWords, `${doc.lang}.json`);
    assert.ok(existsSync(file), file);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), checkerWords(doc), doc.lang);
  }
});

test('the checker-only module starts with one language\'s words and takes others with the app module\'s bytes', () => {
  const input = JSON.stringify(vignettes[0].json.input);
  // Started with English's words (what its glue fetches for a page in English).
  assert.equal(checkerModule.assess(input, 'de'), module.assess(input, 'en'));
  const added = JSON.parse(checkerModule.addLanguage(readFileSync(join(siteWords, 'de.json'), 'utf8')));
  assert.deepEqual(added, { ok: true, lang: 'de' });
  for (const doc of translations) checkerModule.addLanguage(readFileSync(join(siteWords, `${doc.lang}.json`), 'utf8'));
  for (const { name, json } of vignettes) {
    const text = JSON.stringify(json.input);
    for (const tag of langCases) assert.equal(checkerModule.assess(text, tag), module.assess(text, tag), `${name} in "${tag}"`);
  }
  // A language file with the report's words is not the checker's words: refused, nothing added.
  const full = JSON.parse(checkerModule.addLanguage(JSON.stringify({ ...translations[0], lang: 'de-CH' })));
  assert.deepEqual(full.error, { path: 'report', message: 'is not in the English file' });
  assert.equal(JSON.parse(checkerModule.assess(input, 'de-CH')).lang, 'de');
  // English, once there, stays.
  const english = JSON.parse(checkerModule.addLanguage(readFileSync(join(siteWords, 'en.json'), 'utf8')));
  assert.deepEqual(english.error, { path: 'lang', message: 'English cannot be replaced' });
});

test('a checker-only module started with German\'s words answers in German, whatever the tag, as the app module does for "de"', async () => {
  const german = await loadCheckerModule({ lang: 'de' });
  for (const { name, json } of vignettes) {
    const text = JSON.stringify(json.input);
    const inGerman = module.assess(text, 'de');
    for (const tag of ['de', 'de-AT', 'en', 'xx', '']) assert.equal(german.assess(text, tag), inGerman, `${name} in "${tag}"`);
    assert.equal(german.assess(text), inGerman, name);
  }
});

test('a checker-only module with no words and no way to fetch them does not start', async () => {
  await assert.rejects(loadCheckerModule({ words: null }).then(() => 'started'), /no fetch: pass the words as text/);
});

test('the pseudo-language en-XA, added at run time, leaves no English outside its brackets in results and reports', () => {
  const pseudo = pseudoLanguage(english);
  assert.deepEqual(JSON.parse(module.addLanguage(JSON.stringify(pseudo))), { ok: true, lang: 'en-XA' });
  assert.deepEqual(JSON.parse(checkerModule.addLanguage(JSON.stringify(checkerWords(pseudo)))), { ok: true, lang: 'en-XA' });
  const unbracketed = (text) => outsideBrackets(text).match(/[A-Za-z]{2,}/g) ?? [];
  for (const { name, json } of vignettes) {
    const input = JSON.stringify(json.input);
    const fromWasm = module.assess(input, 'en-XA');
    assert.equal(checkerModule.assess(input, 'en-XA'), fromWasm, name);
    const result = JSON.parse(fromWasm);
    const words = [...result.fired.flatMap((rule) => [rule.cause, rule.action]), ...result.advice, result.disclaimer];
    for (const text of words) assert.deepEqual(unbracketed(text), [], `${name}: ${text}`);
  }
  for (const { name, json } of journals) {
    const withoutNotes = structuredClone(json);
    withoutNotes.episodes.forEach((episode) => delete episode.note);
    const html = module.report(JSON.stringify(withoutNotes), TODAY, 'html', 'en-XA');
    const visible = html.slice(html.indexOf('</style>') + 8).replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
    assert.deepEqual(unbracketed(visible), [], name);
  }
});
