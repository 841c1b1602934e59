// The pseudo-language en-XA, made from core/lang/en.json for tests only (never shipped):
// every text accented, about 40% longer and wrapped in [ ], its {placeholders} and
// numbers kept. Loaded like any other language (addLanguage), it proves that a new
// language needs no code, and any English left outside [ ] in the engine's output is text
// the engine wrote without its language file.
//   node tests/module/pseudo_language.mjs core/lang/en.json OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const accents = Object.fromEntries([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ']
  .map((c, i) => [c, [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]]));

// One text: letters accented outside {placeholders}, padded to ~140% of its length.
export function pseudoText(text) {
  const accented = text.split(/(\{\w+\})/).map((part, i) => (i % 2 ? part : [...part].map((c) => accents[c] ?? c).join(''))).join('');
  const padding = Math.max(1, Math.round([...text].length * 0.4) - 2);
  return `[${accented} ${'·'.repeat(padding)}]`;
}

const header = ['schema', 'lang', 'name', 'plural', 'decimal'];

function pseudo(value) {
  if (typeof value === 'string') return pseudoText(value);
  if (Array.isArray(value)) return value.map(pseudo);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pseudo(item)]));
}

// The en-XA document from the English one (its plural rule and decimal sign are English's).
export function pseudoLanguage(english) {
  const out = { schema: english.schema, lang: 'en-XA', name: pseudoText(english.name), plural: english.plural, decimal: english.decimal };
  for (const [key, value] of Object.entries(english)) if (!header.includes(key)) out[key] = pseudo(value);
  return out;
}

// Text outside [ ] (nested brackets count as one), for finding words no language file gave.
export function outsideBrackets(text) {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (c === '[') depth += 1;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [from, to] = process.argv.slice(2);
  writeFileSync(to, `${JSON.stringify(pseudoLanguage(JSON.parse(readFileSync(from, 'utf8'))), null, 2)}\n`);
}
