// The app page's words: lang/<tag>/checker.json for the language the page chose (language-choice.js:
// the address's ?lang=, the person's choice, the browser's languages, English). Screens
// import `messages` as before; keys that mirror the engine's names (levels, regions,
// findings, `because` facts) fall back to the raw text when a rule set adds one the file
// does not know yet. The journal's words (messages-journal.js) are fetched at the same time.
import { fallback } from "./language.js";
import { pageLanguage } from "./language-choice.js";
import { loadWords, format, pluralIn } from "./text.js";

// A language whose words cannot be fetched (a broken deploy) falls back to English.
async function wordsOf(tag) {
  const both = (t) => Promise.all([loadWords(t, "checker"), loadWords(t, "journal")]);
  try {
    return [tag, ...(await both(tag))];
  } catch (error) {
    if (tag === fallback) throw error;
    return [fallback, ...(await both(fallback))];
  }
}

const [tag, checkerWords, journalWords] = await wordsOf(pageLanguage());

// The language these words are in; plural forms, numbers and dates follow it.
export const language = tag;
export const messages = checkerWords;
export const journalMessages = journalWords;
export { format };
export const plural = pluralIn(language);
