// What every part of the journal's storage shares: the journal's schema, this tab's id,
// and the small readers of JSON text and of errors (the engine's answers, the browser's).

export const SCHEMA = 'twitchcheck.journal/1';

export const tabId = Math.random().toString(36).slice(2, 8);

export function emptyJournal() {
  return { schema: SCHEMA, episodes: [], days: [] };
}

export function isQuotaError(err) {
  return !!err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22);
}

export function parseJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

// The version a journal text claims, when it is one of ours from a newer release.
export function newerSchema(text) {
  const m = /"schema"\s*:\s*"twitchcheck\.journal\/(\d+)"/.exec(text.slice(0, 200));
  return m && Number(m[1]) > 1 ? `twitchcheck.journal/${m[1]}` : null;
}

export const problemOf = (err) => (isQuotaError(err) ? 'quota' : 'failed');
export const errorOf = (answer) => {
  const parsed = parseJson(answer);
  const v = parsed && parsed.value;
  if (v && v.ok === true) return null;
  return (v && v.error) || { path: '', message: 'could not be checked' };
};
