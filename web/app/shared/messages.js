// The app page's words: lang/<tag>/checker.json for the language the page chose (language-choice.js:
// the address's ?lang=, the person's choice, the browser's languages, English). Screens
// import `messages` as before; keys that mirror the engine's names (levels, regions,
// findings, `because` facts) fall back to the raw text when a rule set adds one the file
// does not know yet. The journal's words (messages-journal.js) wait until a journal screen
// opens: the checker's first result does not pay for them.
import { fallback } from "./language.js";
import { pageLanguage } from "./language-choice.js";
import { loadWords, format, formatParts, pluralIn } from "./text.js";

// A language whose words cannot be fetched (a broken deploy) falls back to English.
export async function wordsIn(tag, part) {
  try {
    return [tag, await loadWords(tag, part)];
  } catch (error) {
    if (tag === fallback) throw error;
    return [fallback, await loadWords(fallback, part)];
  }
}

const [tag, checkerWords] = await wordsIn(pageLanguage(), "checker");

// The language these words are in; plural forms, numbers and dates follow it.
export const language = tag;
export const messages = checkerWords;
export { format, formatParts };
export const plural = pluralIn(language);
