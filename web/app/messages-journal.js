// The journal screens' words (log, day, insights, plan, check again, report, settings,
// storage and updates): lang/<tag>/journal.json, in the page's language, fetched with the
// checker's words by messages.js. `{name}` slots are filled by format() and counts by
// plural(), both from messages.js.
export { journalMessages } from "./messages.js";
