// The app page's language (the widget has its own way, from its `lang`): `?lang=` in the
// address, then the person's choice from the picker, then the browser's languages, then
// English. The choice is one localStorage key, read before the first screen
// (docs/decisions.md, "Languages"); nothing else of the app's is kept here, the journal is
// the store's (app/storage/).
import { matchLanguage, fallback } from "./language.js";

const KEY = "twitchcheck-lang"; // not "twitchcheck.…": the journal's keys are app/storage/'s alone

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

// The page's language, as above.
export function pageLanguage(search = location.search) {
  const asked = new URLSearchParams(search).get("lang");
  return matchLanguage([asked]) ?? matchLanguage([rememberedLanguage()])
    ?? matchLanguage([...(navigator.languages ?? []), navigator.language]) ?? fallback;
}
