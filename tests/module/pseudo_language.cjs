// The pseudo-language en-XA, for tests only (never shipped), one definition for the
// engine's words (tests/module, language_test.cpp through pseudo_language.mjs) and the
// page's (tests/browser/language-helpers.js): every letter accented, every word about 40%
// longer (German and French words are longer than English ones, so a layout meets longer
// words as well as longer lines), the whole text in [ ], its {placeholders} and numbers
// kept. Loaded like any other language, it proves that a new language needs no code, and
// any English left outside [ ] is text written without a language file.
const plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const accented = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
const accents = Object.fromEntries([...plain].map((c, i) => [c, [...accented][i]]));

// One text. An empty text stays empty (English leaves some parts unsaid: a side "in the
// middle").
function pseudoText(text) {
  if (text === "") return text;
  const grow = (word) => word + "·".repeat(Math.ceil([...word].length * 0.4));
  const marked = text.split(/(\{\w+\})/).map((part, i) => (i % 2 ? part
    : part.replace(/\p{L}+/gu, (word) => grow([...word].map((c) => accents[c] ?? c).join(""))))).join("");
  return `[${marked}]`;
}

// Every text of a value (a string, or arrays and objects of them).
function pseudo(value) {
  if (typeof value === "string") return pseudoText(value);
  if (Array.isArray(value)) return value.map(pseudo);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pseudo(item)]));
}

// The en-XA document from an English engine words file (the whole core/lang/en.json, or
// the checker's part of it as the site ships it): its plural rule and decimal sign are
// English's.
const header = ["schema", "lang", "name", "plural", "decimal"];
function pseudoLanguage(english) {
  const out = { schema: english.schema, lang: "en-XA", name: pseudoText(english.name), plural: english.plural, decimal: english.decimal };
  for (const [key, value] of Object.entries(english)) if (!header.includes(key)) out[key] = pseudo(value);
  return out;
}

// Text outside [ ] (nested brackets count as one), for finding words no language file gave.
function outsideBrackets(text) {
  let depth = 0;
  let out = "";
  for (const c of text) {
    if (c === "[") depth += 1;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

module.exports = { pseudoText, pseudo, pseudoLanguage, outsideBrackets };
