// Which language the words are in. The languages are data (lang/languages.js, written by
// the build from web/lang/languages.json): adding one needs no code. A wanted tag matches
// a language by the whole tag, else by its primary subtag (de-AT -> de); nothing matching
// gives English.
import { languages } from "../lang/languages.js";

export { languages };
export const fallback = "en";

// The first of `wanted` (language tags, best first; empty ones skipped) the page has words
// for, or null.
export function matchLanguage(wanted) {
  const tags = languages.map(([tag]) => tag);
  for (const tag of wanted) {
    if (typeof tag !== "string" || tag === "") continue;
    const whole = tags.find((t) => t.toLowerCase() === tag.toLowerCase());
    if (whole) return whole;
    const primary = tag.split(/[-_]/)[0].toLowerCase();
    const same = tags.find((t) => t.toLowerCase() === primary);
    if (same) return same;
  }
  return null;
}

// The person's own choice from the picker: one localStorage key, read before the first
// screen (docs/decisions.md, "Languages"). Nothing else of the app's is kept here; the
// journal is store.js's.
const KEY = "twitchcheck.lang";

export function rememberedLanguage() {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null; // storage blocked: the browser's languages decide
  }
}

export function rememberLanguage(tag) {
  try {
    globalThis.localStorage?.setItem(KEY, tag);
    return true;
  } catch {
    return false;
  }
}

// The app page's language: `?lang=` in the address (a site linking to a language), then
// the person's choice, then the browser's languages, then English.
export function pageLanguage(search = location.search) {
  const asked = new URLSearchParams(search).get("lang");
  return matchLanguage([asked]) ?? matchLanguage([rememberedLanguage()])
    ?? matchLanguage([...(navigator.languages ?? []), navigator.language]) ?? fallback;
}
