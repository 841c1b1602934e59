// The page's language files (web/lang/<tag>/checker.json and journal.json, named in
// web/lang/languages.json): checked against English, then built into the site. The
// site's build runs it (web/assemble.cmake); the tests import its functions.
//
//   node cmake/page-languages.mjs --web WEB_DIR [--engine-lang core/lang] [--site SITE_DIR]
//
// A language file that lacks a key of the English one, has a key the English lacks, has
// other {placeholders} than the English text, or lacks a plural form its language's
// rule needs (Intl.PluralRules) fails the build, with the file and the key named. So does
// a language the engine has no words for (core/lang/<tag>.json), since its results would
// come back in English. With --site it then writes, for every language:
//   - lang/languages.js, the list the page and the widget choose from;
//   - manifest.<tag>.webmanifest, from web/manifest.webmanifest's {{key}} slots;
//   - index.html and embed.html with their {{key}} slots filled from English (the page
//     sets its own language's words as it starts), and {{noscript}} as one paragraph in
//     each language, since without JavaScript nothing can choose one.
import { readFileSync, readdirSync, writeFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeholders } from './languages.mjs';

export const parts = ['checker', 'journal'];
const cldr = ['zero', 'one', 'two', 'few', 'many', 'other'];
const exact = /^=\d+$/;

// A plural message: an object of plural forms (CLDR categories, "other" among them, and
// exact forms such as "=0").
export const isPlural = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) &&
  'other' in value && Object.keys(value).every((k) => cldr.includes(k) || exact.test(k));

// The plural categories `tag` needs, as the browser's Intl gives them.
export const pluralCategories = (tag) => [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories]
  .sort((a, b) => cldr.indexOf(a) - cldr.indexOf(b));

// The whole counts from 0 to 1,000,000 (sampled) that `tag` puts in `category` and no
// exact form of `keys` takes.
function countsOf(tag, category, keys) {
  const rules = new Intl.PluralRules(tag);
  const sample = [...Array(1001).keys(), 1000000];
  return sample.filter((n) => !keys.includes(`=${n}`) && rules.select(n) === category);
}

const at = (path, key) => (path ? `${path}.${key}` : key);
const list = (names) => names.map((p) => `{${p}}`).join(', ') || 'none';

// Problems of `other` (language `tag`) measured against `english`, as "key: what"; [] when
// there are none. English itself is checked by passing it as both.
export function checkWords(english, other, tag) {
  const problems = [];
  const add = (path, what) => problems.push(`${path}: ${what}`);
  const categories = pluralCategories(tag);

  const text = (en, value, path) => {
    if (typeof value !== 'string') return add(path, 'expected text');
    if (value.trim() === '' && en.trim() !== '') return add(path, 'is empty (the English is not)');
    const want = placeholders(en);
    const got = placeholders(value);
    if (want.join() !== got.join()) add(path, `expected the placeholders ${list(want)}, as in English (has ${list(got)})`);
  };
  const forms = (en, value, path) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return add(path, 'expected plural forms, as in English');
    const keys = Object.keys(value);
    for (const category of categories) if (!keys.includes(category)) add(at(path, category), `is missing (${tag} needs the plural forms ${categories.join(', ')})`);
    for (const key of keys) {
      if (!categories.includes(key) && !exact.test(key)) add(at(path, key), `is not a plural form of ${tag} (${categories.join(', ')}, or an exact form like "=0")`);
    }
    // An exact form says something the categories do not ("It started today"): keep it.
    for (const key of Object.keys(en).filter((k) => exact.test(k))) {
      if (!keys.includes(key)) add(at(path, key), 'is missing (the English has this exact form)');
    }
    // {n} aside, each form has the placeholders of English's form for the same count:
    // a form may write its count in words ("1 day", "no check-ins") when it is used for
    // one count only. A category used for several counts (French
    // "one" is 0 and 1) needs {n} wherever English's `other` has it.
    const counted = placeholders(en.other).includes('n');
    for (const key of keys) {
      if (typeof value[key] !== 'string' || value[key].trim() === '') {
        add(at(path, key), 'expected text');
        continue;
      }
      // It has what English's form for the same count (else `other`) has, and may use any
      // value the page gives the message (those of all English forms).
      const want = placeholders(en[key] ?? en.other).filter((p) => p !== 'n');
      const given = new Set(Object.values(en).flatMap(placeholders));
      const got = placeholders(value[key]).filter((p) => p !== 'n');
      if (!want.every((p) => got.includes(p)) || !got.every((p) => given.has(p))) {
        add(at(path, key), `expected the placeholders ${list(want)}, as in English (has ${list(got)})`);
      }
      if (counted && !exact.test(key) && !placeholders(value[key]).includes('n')) {
        const counts = countsOf(tag, key, keys);
        if (counts.length > 1) add(at(path, key), `needs {n}: in ${tag} this form is used for ${counts.slice(0, 3).join(', ')}…`);
      }
    }
  };
  const shape = (en, value, path) => {
    if (typeof en === 'string') return text(en, value, path);
    if (Array.isArray(en)) {
      if (!Array.isArray(value) || value.length !== en.length) return add(path, `expected a list of ${en.length} texts, as in English`);
      return en.forEach((item, i) => shape(item, value[i], `${path}[${i}]`));
    }
    if (isPlural(en)) return forms(en, value, path);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return add(path, 'expected an object, as in English');
    for (const key of Object.keys(en)) {
      if (!Object.hasOwn(value, key)) add(at(path, key), 'is missing (the English file has it)');
      else shape(en[key], value[key], at(path, key));
    }
    for (const key of Object.keys(value)) if (!Object.hasOwn(en, key)) add(at(path, key), 'is not in the English file');
  };
  shape(english, other, '');
  return problems;
}

// web/lang/languages.json: {tag: the language's name in itself}, in the picker's order.
export function readPageLanguages(webDir) {
  const dir = join(webDir, 'lang');
  const names = JSON.parse(readFileSync(join(dir, 'languages.json'), 'utf8'));
  const read = (tag, part) => JSON.parse(readFileSync(join(dir, tag, `${part}.json`), 'utf8'));
  return Object.entries(names).map(([tag, name]) => ({
    tag, name, dir: join(dir, tag),
    words: Object.fromEntries(parts.filter((part) => existsSync(join(dir, tag, `${part}.json`))).map((part) => [part, read(tag, part)])),
  }));
}

// Every problem of the page's languages, as "FILE: key: what".
export function checkPageLanguages(webDir, engineLangDir) {
  const problems = [];
  const dir = join(webDir, 'lang');
  let languages;
  try {
    languages = readPageLanguages(webDir);
  } catch (error) {
    return [`${dir}: ${error.message}`];
  }
  const english = languages.find((l) => l.tag === 'en');
  if (!english) return [`${join(dir, 'languages.json')}: en: is missing (English is every other language's model)`];
  const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
  for (const folder of folders) {
    if (!languages.some((l) => l.tag === folder)) problems.push(`${join(dir, 'languages.json')}: ${folder}: is missing (web/lang/${folder}/ has words)`);
  }
  for (const language of languages) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language.tag)) problems.push(`${join(dir, 'languages.json')}: ${language.tag}: expected a language tag`);
    if (typeof language.name !== 'string' || language.name.trim() === '') problems.push(`${join(dir, 'languages.json')}: ${language.tag}: expected its name in itself`);
    for (const part of parts) {
      const file = join(language.dir, `${part}.json`);
      if (!language.words[part]) {
        problems.push(`${file}: is missing`);
        continue;
      }
      if (!english.words[part]) continue;
      problems.push(...checkWords(english.words[part], language.words[part], language.tag).map((p) => `${file}: ${p}`));
    }
    if (engineLangDir && !existsSync(join(engineLangDir, `${language.tag}.json`))) {
      problems.push(`${join(engineLangDir, `${language.tag}.json`)}: is missing (the engine needs words for every language the page offers)`);
    }
  }
  return problems;
}

// The text at a dotted key of `words` ("app.name").
export function wordsAt(words, key) {
  const value = key.split('.').reduce((node, part) => node?.[part], words);
  if (typeof value !== 'string') throw new Error(`{{${key}}}: no such text in the English words`);
  return value;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slots = /\{\{([\w.]+)\}\}/g;

// The generated files of the site (relative path -> text).
export function siteFiles(webDir, languages) {
  const files = {};
  files['lang/languages.js'] = '// Generated by cmake/page-languages.mjs from web/lang/languages.json; do not edit.\n' +
    `export const languages = ${JSON.stringify(languages.map(({ tag, name }) => [tag, name]))};\n`;
  const manifest = readFileSync(join(webDir, 'manifest.webmanifest'), 'utf8');
  for (const { tag, words } of languages) {
    files[`manifest.${tag}.webmanifest`] = manifest.replace(slots, (_, key) =>
      (key === 'lang' ? tag : JSON.stringify(wordsAt(words.checker, key)).slice(1, -1)));
  }
  const english = languages.find((l) => l.tag === 'en').words.checker;
  const noscript = languages.map(({ tag, words }) => `<p class="app-noscript" lang="${tag}">${escapeHtml(wordsAt(words.checker, 'app.noscript'))}</p>`).join('\n    ');
  for (const page of ['index.html', 'embed.html']) {
    files[page] = readFileSync(join(webDir, page), 'utf8').replace(slots, (_, key) =>
      (key === 'noscript' ? noscript : escapeHtml(wordsAt(english, key))));
  }
  return files;
}

function main(argv) {
  const option = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const webDir = option('--web');
  const problems = checkPageLanguages(webDir, option('--engine-lang'));
  if (problems.length > 0) {
    console.error(`The page's language files have problems:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const siteDir = option('--site');
  if (siteDir) {
    for (const [rel, text] of Object.entries(siteFiles(webDir, readPageLanguages(webDir)))) writeFileSync(join(siteDir, rel), text);
    rmSync(join(siteDir, 'manifest.webmanifest'), { force: true }); // the template; each language has its own
    rmSync(join(siteDir, 'lang', 'languages.json'), { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
