// Two tabs' writes to the localStorage layout, merged by identity (episodes by id, days by
// date, checks by time and level); tests/fixtures/store-layout1.js keeps the released copy.

import { SCHEMA } from './common.js';

// Merges two journals by identity: episodes by id, days by date, assessments by time and
// level. `ours` wins a conflict for the identities in `mine`; otherwise `theirs` wins.
export function mergeJournals(theirs, ours, tombstones, mine) {
  const dead = new Set(tombstones);
  const episodes = new Map();
  for (const e of theirs.episodes) if (!dead.has(e.id)) episodes.set(e.id, e);
  for (const e of ours.episodes) {
    if (dead.has(e.id)) continue;
    if (!episodes.has(e.id) || mine.has(`e:${e.id}`)) episodes.set(e.id, e);
  }
  const days = new Map();
  for (const d of theirs.days) if (!dead.has(`day:${d.date}`)) days.set(d.date, d);
  for (const d of ours.days) {
    if (!dead.has(`day:${d.date}`) && (!days.has(d.date) || mine.has(`d:${d.date}`))) days.set(d.date, d);
  }
  const assessments = new Map();
  for (const a of [...(theirs.assessments || []), ...(ours.assessments || [])]) {
    const k = `${a.at}|${a.level}`;
    if (!assessments.has(k)) assessments.set(k, a);
  }
  const out = { schema: SCHEMA, episodes: [...episodes.values()], days: [...days.values()] };
  const plan = mine.has('plan') ? ours.plan : (theirs.plan ?? ours.plan);
  if (plan !== undefined) out.plan = plan;
  if (assessments.size) out.assessments = [...assessments.values()];
  return out;
}

// Whether two journals hold the same episode ids and as many days.
export function sameIds(a, b) {
  if (a.episodes.length !== b.episodes.length || a.days.length !== b.days.length) return false;
  const ids = new Set(a.episodes.map((e) => e.id));
  return b.episodes.every((e) => ids.has(e.id));
}
