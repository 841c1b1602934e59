// Words as data: each language's words are JSON files in lang/<tag>/ (checker.json for the
// checker and the widget, journal.json for the journal screens), fetched as the page
// starts. Shared by the app (messages.js) and the widget, which fetches only its own
// language's checker words. `{name}` marks a value filled in at run time (format()); a text
// that depends on a count is an object of plural forms (plural()).

import { siteFile } from "../site-files.js";

// The words of `part` ("checker" or "journal") in language `tag`.
export async function loadWords(tag, part) {
  const response = await fetch(siteFile(`lang/${tag}/${part}.json`));
  if (!response.ok) throw new Error(`no ${part} words for ${tag}`);
  return response.json();
}

// Fills `{name}` slots in a message with values.
export function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (slot, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot);
}

// The same, for values that are page nodes (a <strong>, a <time>): the message's text and
// the values in the message's order, as children for h(). Each language's file then sets
// the order and the punctuation between them.
export function formatParts(template, values = {}) {
  return template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name && Object.hasOwn(values, name) ? values[name] : part;
  });
}

// plural(forms, count, values) for language `tag`: the form of `forms` for `count`, with
// `{n}` (the count, written as `tag` writes numbers) and `values` filled in: an exact form
// ("=0") first, then the language's own category (Intl.PluralRules: one, few, many…),
// then `other`.
export function pluralIn(tag) {
  const rules = new Intl.PluralRules(tag);
  const numbers = new Intl.NumberFormat(tag);
  return (forms, count, values = {}) => {
    const form = forms[`=${count}`] ?? forms[rules.select(count)] ?? forms.other;
    return format(form, { n: numbers.format(count), ...values });
  };
}
