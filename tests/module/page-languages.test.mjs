// Completeness and shape of the page's words (web/lang/<tag>/checker.json, journal.json),
// by the same code the build runs (cmake/page-languages.mjs): every key of English in every
// language and no other, the same {placeholders}, the plural forms each language's rule
// needs (Intl.PluralRules), and engine words for every language the page offers. Then the
// checks themselves, on files broken on purpose: each problem names its file and key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoDir } from './module_support.mjs';
import { checkPageLanguages, checkWords, readPageLanguages, pluralCategories, isPlural, siteFiles } from '../../cmake/page-languages.mjs';

const webDir = join(repoDir, 'web');
const engineLangDir = join(repoDir, 'core', 'lang');
const languages = readPageLanguages(webDir);
const english = languages.find((l) => l.tag === 'en');

// Every plural message of `words`, as [path, forms].
function pluralsIn(words, path = '') {
  if (isPlural(words)) return [[path, words]];
  if (!words || typeof words !== 'object') return [];
  return Object.entries(words).flatMap(([key, value]) => pluralsIn(value, path ? `${path}.${key}` : key));
}

test('every page language has every English key, no other key, the same placeholders and its plural forms', () => {
  assert.deepEqual(checkPageLanguages(webDir, engineLangDir), []);
});

test('the languages the page offers are named in themselves, English among them, each with a folder of words', () => {
  const listed = languages.map((l) => l.tag).sort();
  const folders = readdirSync(join(webDir, 'lang'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.deepEqual(listed, folders);
  assert.equal(english.name, 'English');
  const known = { de: 'Deutsch', en: 'English', es: 'Español', fr: 'Français' };
  for (const { tag, name } of languages) if (known[tag]) assert.equal(name, known[tag]);
});

test('every plural message of every language has exactly the forms its Intl plural rule gives, plus English\'s exact ones', () => {
  for (const { tag, words } of languages) {
    for (const part of ['checker', 'journal']) {
      const englishPlurals = new Map(pluralsIn(english.words[part]));
      for (const [path, forms] of pluralsIn(words[part])) {
        const exact = Object.keys(englishPlurals.get(path)).filter((k) => k.startsWith('='));
        assert.deepEqual(Object.keys(forms).filter((k) => !k.startsWith('=')).sort(), [...pluralCategories(tag)].sort(), `${tag} ${part} ${path}`);
        for (const key of exact) assert.ok(key in forms, `${tag} ${part} ${path} keeps ${key}`);
      }
    }
  }
});

test('the English files have the plural messages the screens count with', () => {
  const paths = pluralsIn(english.words.journal).map(([path]) => path);
  for (const path of ['counts.twitches', 'counts.days', 'counts.checkIns', 'reportView.goingOn', 'report.importDone']) {
    assert.ok(paths.includes(path), path);
  }
});

// A copy of English with one change, checked as language `tag`.
const broken = (tag, change) => {
  const words = structuredClone(english.words.journal);
  change(words);
  return checkWords(english.words.journal, words, tag);
};

test('a missing key, an extra key, other placeholders and a non-text value are each named by their key', () => {
  assert.deepEqual(broken('de', (w) => { delete w.log.save; }), ['log.save: is missing (the English file has it)']);
  assert.deepEqual(broken('de', (w) => { w.log.saveTwice = 'x'; }), ['log.saveTwice: is not in the English file']);
  assert.deepEqual(broken('de', (w) => { w.log.saved = 'Gespeichert: {wo} um {time}.'; }),
    ['log.saved: expected the placeholders {time}, {where}, as in English (has {time}, {wo})']);
  assert.deepEqual(broken('de', (w) => { w.log.intensity = ['1', '2']; }), ['log.intensity: expected a list of 5 texts, as in English']);
  assert.deepEqual(broken('de', (w) => { w.log.title = ''; }), ['log.title: is empty (the English is not)']);
  assert.deepEqual(broken('de', (w) => { w.day.exercise = 'keine'; }), ['day.exercise: expected an object, as in English']);
});

test('a plural message lacking a form of its language, or with a form it does not have, is named with the forms it needs', () => {
  // French needs one, many and other; German one and other.
  const french = (change) => broken('fr', (w) => {
    for (const [, forms] of pluralsIn(w)) Object.assign(forms, { one: forms.other, many: forms.other });
    change(w);
  });
  assert.deepEqual(french((w) => { delete w.counts.days.many; }), ['counts.days.many: is missing (fr needs the plural forms one, many, other)']);
  assert.deepEqual(broken('de', (w) => { w.counts.days.few = '{n} Tage'; }),
    ['counts.days.few: is not a plural form of de (one, other, or an exact form like "=0")']);
  assert.deepEqual(french((w) => { delete w.reportView.goingOn['=0']; }), ['reportView.goingOn.=0: is missing (the English has this exact form)']);
  // French "one" is 0 and 1: its form must say the count, unlike English's "1 twitch".
  assert.deepEqual(french((w) => { w.counts.twitches.one = '1 secousse'; }), ['counts.twitches.one: needs {n}: in fr this form is used for 0, 1…']);
  assert.deepEqual(french((w) => { w.counts.twitches.one = '{n} secousse'; }), []);
});

test('a language the page offers without engine words fails, naming the engine file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-lang-'));
  cpSync(webDir, join(dir, 'web'), { recursive: true });
  const list = JSON.parse(readFileSync(join(dir, 'web', 'lang', 'languages.json'), 'utf8'));
  // Dutch counts as English does (one, other), so English's words pass as its own.
  writeFileSync(join(dir, 'web', 'lang', 'languages.json'), JSON.stringify({ ...list, nl: 'Nederlands' }));
  cpSync(join(dir, 'web', 'lang', 'en'), join(dir, 'web', 'lang', 'nl'), { recursive: true });
  assert.deepEqual(checkPageLanguages(join(dir, 'web'), engineLangDir),
    [`${join(engineLangDir, 'nl.json')}: is missing (the engine needs words for every language the page offers)`]);
});

test('the site gets one manifest per language, with its words and its tag, and the language list', () => {
  const files = siteFiles(webDir, languages);
  assert.match(files['lang/languages.js'], /^\/\/ Generated/);
  for (const { tag, words } of languages) {
    const manifest = JSON.parse(files[`manifest.${tag}.webmanifest`]);
    assert.equal(manifest.lang, tag);
    assert.equal(manifest.name, words.checker.app.manifestName);
    assert.equal(manifest.short_name, words.checker.app.name);
    assert.equal(manifest.description, words.checker.app.manifestDescription);
    assert.equal(manifest.start_url, './');
  }
  // Without JavaScript nothing can choose a language: the message is there in each one.
  for (const { tag } of languages) assert.match(files['index.html'], new RegExp(`<p class="app-noscript" lang="${tag}">`));
  assert.doesNotMatch(files['index.html'] + files['embed.html'], /\{\{/);
});
