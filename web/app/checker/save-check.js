// Saving a check from the app's checker screen in the journal: loaded only when the
// person presses "Save this check", so the first result never pays for the journal.

import { format } from "../shared/text.js";
import { openJournal } from "../journal/journal.js";
import { journalMessages as jm } from "../shared/messages-journal.js";
import { localAt } from "../shared/when.js";

// → { ok, text }: whether it was stored, and what to tell the person.
export async function saveCheck(assessment, result) {
  let store;
  try {
    ({ store } = await openJournal());
  } catch {
    return { ok: false, text: jm.engineFailed };
  }
  const saved = store.addAssessment({ at: localAt(), input: assessment, level: result.level, rules_version: result.rules_version });
  if (!saved.ok) return { ok: false, text: saved.reason === "invalid" ? format(jm.recheck.invalid, saved.error) : jm.store.blocked };
  // "Saved" only once the write is done.
  const outcome = await saved.saved;
  return { ok: outcome.ok, text: outcome.ok ? jm.recheck.saved : jm.recheck.notSaved };
}
