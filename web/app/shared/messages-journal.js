// The journal screens' words (log, day, insights, plan, check again, report, settings,
// storage and updates): lang/<tag>/journal.json, in the page's language, fetched when the
// first module that needs them loads (a journal screen, or an update notice), not with the
// checker's words. `{name}` slots are filled by format() and counts by plural(), both
// from messages.js.
import { language, wordsIn } from "./messages.js";

export const [, journalMessages] = await wordsIn(language, "journal");
