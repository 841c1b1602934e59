// Fidelity of a translation to its English text, for any words file (the page's
// web/lang/<tag>/*.json, the engine's core/lang/<tag>.json; page-fidelity.test.mjs and
// languages.test.mjs): every number and unit of the English is in the translation, and
// every idea of docs/glossary.md the English names is named by one of the glossary's
// forms for that language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/glossary.md's table: one row per idea, the accepted forms of each language:
// [{idea, en: [...], de: [...], es: [...], fr: [...]}].
export function readGlossary(repoDir) {
  const text = readFileSync(join(repoDir, 'docs', 'glossary.md'), 'utf8');
  const section = text.slice(text.indexOf('## Terms'), text.indexOf('## Emergency numbers'));
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| idea') && !line.startsWith('|---'));
  return rows.map((line) => {
    const [idea, en, de, es, fr] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const forms = (cell) => cell.split(' / ').map((form) => form.trim());
    return { idea, en: forms(en), de: forms(de), es: forms(es), fr: forms(fr) };
  });
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The glossary ideas an English text uses: each form as a word (with an English ending:
// -s, -es, -ing, -ed); where two matches overlap, the longer one ("twitch journal", not
// "twitch"). {placeholders} are not words of the text.
export function ideasIn(template, terms) {
  const text = template.replace(/\{\w+\}/g, ' ');
  const hits = terms.flatMap((row) => row.en.flatMap((form) =>
    [...text.matchAll(new RegExp(`\\b${escape(form)}(?:s|es|ing|ed)?\\b`, 'gi'))]
      .map((m) => ({ row, start: m.index, end: m.index + m[0].length }))));
  hits.sort((a, b) => (b.end - b.start) - (a.end - a.start));
  const kept = [];
  for (const hit of hits) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return [...new Set(kept.map((k) => k.row))];
}

// Does a translation use one of `forms`? Anywhere in a word (German compounds and cases:
// "Nervenarztes"), without regard to case, ’ as '; an all-capitals form (ALS, EMG, SLA)
// as written and as a word of its own, since "als" is a German word.
export function usesForm(text, forms) {
  const plain = (s) => s.toLowerCase().replaceAll('’', "'");
  return forms.some((form) => (/^[A-ZÀ-Ý]{2,}$/.test(form)
    ? new RegExp(`(?<![\\p{L}])${escape(form)}(?![\\p{L}])`, 'u').test(text)
    : plain(text).includes(plain(form))));
}

// The glossary ideas `english` names that `translation` (language `tag`) does not, as
// "idea (one of: …)".
export function missingTerms(glossary, english, translation, tag) {
  const other = translation.replace(/\{\w+\}/g, ' ');
  return ideasIn(english, glossary).filter((row) => row[tag]?.length && !usesForm(other, row[tag]))
    .map((row) => `${row.idea} (one of: ${row[tag].join(', ')})`);
}

// Units as each language writes them after a number, by the English word's stem.
export const units = {
  litre: { en: ['litre', 'liter'], de: ['Liter'], es: ['litro'], fr: ['litre'] },
  hour: { en: ['hour'], de: ['Stunde'], es: ['hora'], fr: ['heure'] },
  minute: { en: ['minute'], de: ['Minute'], es: ['minuto'], fr: ['minute'] },
  second: { en: ['second'], de: ['Sekunde'], es: ['segundo'], fr: ['seconde'] },
  day: { en: ['day'], de: ['Tag', 'Tage'], es: ['día', 'dia'], fr: ['jour'] },
  week: { en: ['week'], de: ['Woche'], es: ['semana'], fr: ['semaine'] },
  year: { en: ['year'], de: ['Jahr'], es: ['año'], fr: ['an', 'année'] },
  character: { en: ['character'], de: ['Zeichen'], es: ['carácter', 'caracteres'], fr: ['caractère'] },
  mg: { en: ['mg'], de: ['mg'], es: ['mg'], fr: ['mg'] },
  ml: { en: ['ml'], de: ['ml'], es: ['ml'], fr: ['ml'] },
  percent: { en: ['%'], de: ['%', 'Prozent'], es: ['%', 'por ciento'], fr: ['%', 'pour cent'] },
};

// The numbers of a text, as values ("2,000", "2.000" and "2 000" are 2000; "7.5" and "7,5"
// are 7.5), {placeholders} aside.
export function numbersIn(text) {
  const plain = text.replace(/\{\w+\}/g, ' ');
  const grouped = /^\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+$/;
  return [...plain.matchAll(/\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/g)]
    .map(([raw]) => (grouped.test(raw) ? Number(raw.replace(/\D/g, '')) : Number(raw.replace(',', '.'))));
}

// The numbers of `english` missing from `translation`, and each "number unit" of the
// English whose unit the translation does not write after that number (within a few
// words: "2 bis 3 Wochen", "7 à 9 heures").
export function missingNumbers(english, translation, tag) {
  const missing = [];
  const have = numbersIn(translation);
  for (const n of numbersIn(english)) if (!have.includes(n)) missing.push(String(n));
  for (const [unit, forms] of Object.entries(units)) {
    const own = forms[tag];
    if (!own) continue;
    const after = new RegExp(`\\d\\s*(?:${forms.en.map(escape).join('|')})`, 'i');
    if (!after.test(english)) continue;
    const nearby = new RegExp(`\\d[^.;:!?]{0,24}?(?:${own.map(escape).join('|')})`, 'iu');
    if (!nearby.test(translation)) missing.push(`${unit} (${own.join(', ')})`);
  }
  return missing;
}

// Every text of `english` beside its translation in `other`, by key: [[path, en, other]].
export function pairs(english, other, path = '') {
  if (typeof english === 'string') return typeof other === 'string' ? [[path, english, other]] : [];
  if (!english || typeof english !== 'object' || !other || typeof other !== 'object') return [];
  return Object.entries(english).flatMap(([key, value]) => {
    // A plural form missing in English (French "many") is read against English's "other".
    const sub = path ? `${path}.${key}` : key;
    return pairs(value, other[key], sub);
  }).concat(Object.keys(other).filter((key) => !(key in english) && typeof english.other === 'string')
    .map((key) => [`${path}.${key}`, english.other, other[key]]));
}
