// The engine's language files (core/lang/<tag>.json, docs/languages.md): checked, then
// written as C++ for the engine to embed, and as the per-language checker words a page
// fetches for the widget's checker-only module. The build runs it (core/CMakeLists.txt);
// the tests import its functions.
//
//   node cmake/languages.mjs --lang-dir core/lang --rules core/rules/checker-rules.json
//        [--cpp OUT.cpp [--checker-only] [--only en,de | --no-languages]] [--words-dir DIR]
//        [--rules-cpp OUT.cpp]
//
// --rules-cpp writes the rule file for the checker-only module: minified and without its
// example cases (only `twitchcheck rules --check` and the tests run those), 0.8 KB gzip less.
//
// A language file that lacks a key of the English one, has a key the English lacks, has
// other {placeholders} than the English text, or lacks a form of its own plural rule
// fails the build, with the file and the key named.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

export const schema = 'twitchcheck.lang/1';
const header = ['schema', 'lang', 'name', 'plural', 'decimal'];
const categories = ['zero', 'one', 'two', 'few', 'many'];

// Placeholder names in a text: {count} -> "count".
export const placeholders = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

// A plural message: an object whose keys are plural categories, "other" among them.
export const isPlural = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) &&
  'other' in value && Object.keys(value).every((k) => k === 'other' || categories.includes(k));

const where = (path, key) => (path ? `${path}.${key}` : key);

// Problems of `other` measured against `english` ([] when there are none), as "path: what".
export function checkLanguage(english, other) {
  const problems = [];
  const add = (path, what) => problems.push(`${path}: ${what}`);
  if (other.schema !== schema) add('schema', `expected "${schema}"`);
  if (typeof other.lang !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(other.lang)) add('lang', 'expected a language tag');
  if (typeof other.name !== 'string' || other.name === '') add('name', 'expected non-empty text');
  if (other.decimal !== '.' && other.decimal !== ',') add('decimal', 'expected "." or ","');
  const plural = other.plural ?? {};
  for (const key of Object.keys(plural)) {
    if (!categories.includes(key)) add(`plural.${key}`, 'expected one of zero, one, two, few, many');
  }
  const forms = ['other', ...Object.keys(plural)].sort();

  const text = (en, value, path) => {
    if (typeof value !== 'string' || value === '') return add(path, 'expected non-empty text');
    const want = placeholders(en);
    const got = placeholders(value);
    if (want.join() !== got.join()) add(path, `expected the placeholders ${want.map((p) => `{${p}}`).join(', ') || 'none'}, as in English (has ${got.map((p) => `{${p}}`).join(', ') || 'none'})`);
  };
  const shape = (en, value, path) => {
    if (typeof en === 'string') return text(en, value, path);
    if (Array.isArray(en)) {
      if (!Array.isArray(value) || value.length !== en.length) return add(path, `expected a list of ${en.length} texts, as in English`);
      return en.forEach((item, i) => shape(item, value[i], `${path}[${i}]`));
    }
    if (isPlural(en)) {
      const have = value && typeof value === 'object' ? Object.keys(value).sort() : [];
      if (have.join() !== forms.join()) return add(path, `expected the plural forms ${forms.join(', ')} (this language's plural rule)`);
      return have.forEach((form) => text(en.other, value[form], `${path}.${form}`));
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return add(path, 'expected an object, as in English');
    for (const key of Object.keys(en)) {
      if (!(key in value)) add(where(path, key), 'is missing (the English file has it)');
      else shape(en[key], value[key], where(path, key));
    }
    for (const key of Object.keys(value)) if (!(key in en)) add(where(path, key), 'is not in the English file');
  };
  for (const key of Object.keys(english)) {
    if (header.includes(key)) continue;
    if (!(key in other)) add(key, 'is missing (the English file has it)');
    else shape(english[key], other[key], key);
  }
  for (const key of Object.keys(other)) if (!header.includes(key) && !(key in english)) add(key, 'is not in the English file');
  return problems;
}

// The English file must have words for every rule and advice step of the rule file, and none for others.
export function checkEnglishAgainstRules(english, rules) {
  const problems = [];
  const same = (path, want, have) => {
    for (const id of want) if (!have.includes(id)) problems.push(`${path}.${id}: is missing (the rule file has it)`);
    for (const id of have) if (!want.includes(id)) problems.push(`${path}.${id}: is not in the rule file`);
  };
  same('checker.rules', rules.rules.map((r) => r.id), Object.keys(english.checker?.rules ?? {}));
  same('checker.advice', rules.advice.map((a) => a.id), Object.keys(english.checker?.advice ?? {}));
  for (const [id, words] of Object.entries(english.checker?.rules ?? {})) {
    for (const part of ['cause', 'action']) {
      if (typeof words?.[part] !== 'string' || words[part] === '') problems.push(`checker.rules.${id}.${part}: expected non-empty text`);
    }
  }
  return problems;
}

// Every language file of `dir`, English first: [{file, doc}].
export function readLanguages(dir) {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  const list = files.map((name) => ({ file: join(dir, name), doc: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
  return [...list.filter((l) => l.doc.lang === 'en'), ...list.filter((l) => l.doc.lang !== 'en')];
}

// What the checker-only module needs of a language: the header and the checker's words.
export function checkerWords(doc) {
  return Object.fromEntries([...header, 'checker'].filter((key) => key in doc).map((key) => [key, doc[key]]));
}

// The table of embedded languages; with none (the checker-only module's), one empty row
// that the count leaves out (C++ has no empty arrays).
function cppSource(languages) {
  const arrays = languages.map(({ tag, text }, i) => {
    const bytes = [...Buffer.from(text, 'utf8')].map((b) => `0x${b.toString(16).padStart(2, '0')}`);
    const lines = [];
    for (let at = 0; at < bytes.length; at += 20) lines.push(`    ${bytes.slice(at, at + 20).join(',')},`);
    return `// ${tag}\nconst unsigned char kLanguage${i}[] = {\n${lines.join('\n')}\n};`;
  });
  const rows = languages.map(({ tag, text }, i) => `    {"${tag}", kLanguage${i}, ${Buffer.byteLength(text, 'utf8')}},`);
  if (rows.length === 0) rows.push('    {"", nullptr, 0},');
  return `// Generated by cmake/languages.mjs from core/lang/*.json; do not edit.
#include "language_data.hpp"

namespace twitchcheck {
namespace {
${arrays.join('\n')}
}  // namespace

const EmbeddedLanguage kEmbeddedLanguages[] = {
${rows.join('\n')}
};
const std::size_t kEmbeddedLanguageCount = ${languages.length};

}  // namespace twitchcheck
`;
}

// Writes `text` to `path` only when it changed, so an unchanged file does not rebuild.
function writeIfChanged(path, text) {
  let old = null;
  try {
    old = readFileSync(path, 'utf8');
  } catch {}
  if (old === text) return;
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function main(argv) {
  const option = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = option('--lang-dir');
  const rules = JSON.parse(readFileSync(option('--rules'), 'utf8'));
  const languages = readLanguages(dir);
  const problems = [];
  const english = languages.find((l) => l.doc.lang === 'en');
  if (!english) problems.push(`${dir}: no English file (en.json)`);
  for (const { file, doc } of languages) {
    const own = [];
    if (basename(file) !== `${doc.lang}.json`) own.push(`lang: "${doc.lang}" does not match the file name`);
    if (english) own.push(...(doc === english.doc ? checkEnglishAgainstRules(doc, rules) : checkLanguage(english.doc, doc)));
    problems.push(...own.map((p) => `${file}: ${p}`));
  }
  if (problems.length > 0) {
    console.error(`The engine's language files have problems:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }

  const cpp = option('--cpp');
  if (cpp) {
    const only = option('--only');
    const chosen = argv.includes('--no-languages') ? []
      : languages.filter(({ doc }) => !only || only.split(',').includes(doc.lang));
    const pick = argv.includes('--checker-only') ? checkerWords : (doc) => doc;
    writeFileSync(cpp, cppSource(chosen.map(({ doc }) => ({ tag: doc.lang, text: JSON.stringify(pick(doc)) }))));
  }
  const rulesCpp = option('--rules-cpp');
  if (rulesCpp) {
    const { examples, ...compact } = rules;
    const bytes = [...Buffer.from(JSON.stringify(compact), 'utf8')].map((b) => `0x${b.toString(16).padStart(2, '0')}`);
    const lines = [];
    for (let at = 0; at < bytes.length; at += 20) lines.push(`    ${bytes.slice(at, at + 20).join(',')},`);
    writeFileSync(rulesCpp, `// Generated by cmake/languages.mjs from core/rules/checker-rules.json (no examples); do not edit.
#include <cstddef>
namespace twitchcheck {
extern const char* const kBuiltinRules;
extern const std::size_t kBuiltinRulesSize;
namespace {
const unsigned char kBytes[] = {
${lines.join('\n')}
    0};
}  // namespace
const char* const kBuiltinRules = reinterpret_cast<const char*>(kBytes);
const std::size_t kBuiltinRulesSize = ${bytes.length};
}  // namespace twitchcheck
`);
  }
  const wordsDir = option('--words-dir');
  if (wordsDir) {
    mkdirSync(wordsDir, { recursive: true });
    for (const { doc } of languages) writeIfChanged(join(wordsDir, `${doc.lang}.json`), `${JSON.stringify(checkerWords(doc))}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
