// The plain sentence for a backup that cannot be used, built from the engine's error path
// ("days[4].stress") and what the file holds at that path. The engine's own message stays
// as it is; the page shows it after this sentence, for people who edit files.

import { format } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { fullDate } from '../shared/when.js';

const SCHEMA = 'twitchcheck.journal/1';
const pathPattern = /^(episodes|days|assessments)\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?$|^plan\.(\w+)$|^(\w+)$/;
// The fields of each part of a journal (journal.md); any other name is not a field.
const fieldsOf = {
  episodes: ['id', 'at', 'region', 'side', 'duration_s', 'intensity', 'triggers', 'note'],
  days: ['date', 'caffeine_mg', 'water_ml', 'sleep_h', 'stress', 'exercise', 'relaxation_min'],
  assessments: ['at', 'input', 'level', 'rules_version'],
  plan: ['started'],
};

// The value as a person reads it: a number as written, a text in quotes.
function shown(value) {
  const p = jm.importProblem.shown;
  if (value === null) return p.nothing;
  if (Array.isArray(value)) return p.list;
  if (typeof value === 'object') return p.group;
  if (typeof value === 'string') {
    return value.length > 40 ? format(p.longText, { n: value.length }) : format(p.text, { text: value });
  }
  return String(value);
}

const dateOf = (text) => (typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);
const momentOf = (text) => (typeof text === 'string' ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text) : null);

// "on May 3, 2026", "for the twitch on May 3, 2026 at 08:15", or by its number when the
// date is the problem or cannot be read.
function whereIn(list, index, item, key) {
  const w = jm.importProblem.where;
  const n = index + 1;
  if (list === 'days') {
    const date = key === 'date' ? null : dateOf(item?.date);
    return date ? format(w.day, { date: fullDate(date) }) : format(w.dayN, { n });
  }
  const moment = key === 'at' ? null : momentOf(item?.at);
  const named = list === 'episodes' ? [w.episode, w.episodeN] : [w.assessment, w.assessmentN];
  return moment ? format(named[0], { date: fullDate(moment[1]), time: moment[2] }) : format(named[1], { n });
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// `error`: the engine's {path, message}; `text`: the file as read.
export function importProblem(error, text) {
  const p = jm.importProblem;
  const file = parse(text);
  const path = pathPattern.exec(error?.path ?? '');
  if (file === undefined || file === null || typeof file !== 'object' || Array.isArray(file) || !path) return p.notBackup;
  const [, list, index, key, , planKey, top] = path;

  if (top === 'schema') {
    const version = /^twitchcheck\.journal\/(\d+)$/.exec(file.schema ?? '')?.[1];
    if (version === undefined) return p.notBackup;
    return Number(version) > 1 ? p.newer : p.older;
  }
  if (top) return Object.hasOwn(fieldsOf, top) ? p.damaged : format(p.unknownTop, { key: top });

  // Older formats are brought up to date before they are checked: the path is then in
  // the converted document, not in the file, so no value from the file is quoted.
  const current = file.schema === SCHEMA;
  const field = planKey ?? key;
  const item = current ? (planKey ? file.plan : file[list]?.[Number(index)]) : undefined;
  if (!field) return p.damaged; // the whole entry is not an object
  const where = planKey ? p.where.plan : whereIn(list, Number(index), item, field);
  if (!fieldsOf[planKey ? 'plan' : list].includes(field)) return format(p.unknown, { key: field, where });
  const words = { field: p.fields[field], where, rule: p.rules[field] };
  if (!current || item === null || typeof item !== 'object') return format(p.rule, words);

  const has = Object.hasOwn(item, field);
  if (!has) return format(p.missing, words);
  const value = item[field];
  if (list === 'days' && field === 'date' && file.days.some((d, i) => i < Number(index) && d?.date === value)) {
    return format(p.twiceDate, { date: dateOf(value) ? fullDate(value) : shown(value) });
  }
  if (list === 'episodes' && field === 'id' && file.episodes.some((e, i) => i < Number(index) && e?.id === value)) {
    return format(p.twiceId, { value: shown(value) });
  }
  const found = path[4] !== undefined && Array.isArray(value) ? value[Number(path[4])] : value;
  return format(p.value, { ...words, value: shown(found) });
}
