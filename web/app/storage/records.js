// The journal's records in memory, in document order (class Records): what the database
// holds one record at a time, turned into the journal document and back.

import { SCHEMA } from './common.js';

// Maps keep insertion order, which is the document's: a change keeps an entry's place,
// an addition goes last. `seq` is the record's key in the database (null until stored).

export class Records {
  constructor() {
    this.schema = SCHEMA;
    this.episodes = new Map(); // id -> {seq, episode}
    this.days = new Map(); // date -> {seq, day}
    this.checks = []; // [{seq, check}]
    this.plan = undefined; // the document's `plan`, when it has one
    this.hasAssessments = false; // the document has an `assessments` list (maybe empty)
  }

  static fromDocument(doc) {
    const r = new Records();
    doc.episodes.forEach((episode, i) => r.episodes.set(episode.id, { seq: i + 1, episode }));
    doc.days.forEach((day, i) => r.days.set(day.date, { seq: i + 1, day }));
    (doc.assessments ?? []).forEach((check, i) => r.checks.push({ seq: i + 1, check }));
    r.plan = doc.plan;
    r.hasAssessments = Array.isArray(doc.assessments);
    return r;
  }

  // What readJournal read: the snapshot's lists (when there is one), then the records.
  static fromStored({ journal, snapshot, episodes, days, checks }) {
    const r = new Records();
    if (snapshot) {
      JSON.parse(snapshot.episodesText).forEach((episode, i) => r.episodes.set(episode.id, { seq: snapshot.episodeSeqs[i], episode }));
      JSON.parse(snapshot.daysText).forEach((day, i) => r.days.set(day.date, { seq: snapshot.daySeqs[i], day }));
    }
    for (const rec of episodes) r.episodes.set(rec.episode.id, { seq: rec.seq, episode: rec.episode });
    for (const rec of days) r.days.set(rec.day.date, { seq: rec.seq, day: rec.day });
    for (const rec of checks) r.checks.push({ seq: rec.seq, check: rec.check });
    if (journal) {
      r.schema = journal.schema;
      r.plan = journal.plan;
      r.hasAssessments = journal.assessments === true;
    }
    return r;
  }

  document() {
    const doc = {
      schema: this.schema,
      episodes: Array.from(this.episodes.values(), (r) => r.episode),
      days: Array.from(this.days.values(), (r) => r.day),
    };
    if (this.plan !== undefined) doc.plan = this.plan;
    if (this.hasAssessments || this.checks.length) doc.assessments = this.checks.map((r) => r.check);
    return doc;
  }

  // The order the database holds (by key); entries not yet stored stay last, in order.
  sortBySeq() {
    const inOrder = (list) => list.every((r, i) => i === 0 || (r.seq ?? Infinity) >= (list[i - 1].seq ?? Infinity));
    if (inOrder([...this.episodes.values()]) && inOrder([...this.days.values()]) && inOrder(this.checks)) return;
    const bySeq = (a, b) => (a[1].seq ?? Infinity) - (b[1].seq ?? Infinity);
    this.episodes = new Map([...this.episodes].sort(bySeq));
    this.days = new Map([...this.days].sort(bySeq));
    this.checks.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
  }

  // A record another tab wrote, or one an older version's tab left behind, not yet stored.
  apply(op) {
    if (op.kind === 'episode') this.episodes.set(op.key, { seq: null, episode: op.record });
    else if (op.kind === 'day') this.days.set(op.key, { seq: null, day: op.record });
    else if (op.kind === 'check') {
      this.checks.push({ seq: null, check: op.record });
      this.hasAssessments = true;
    }
  }

  maxSeq(kind) {
    let max = 0;
    const list = kind === 'checks' ? this.checks : this[kind].values();
    for (const r of list) if (r.seq !== null && r.seq > max) max = r.seq;
    return max;
  }
}
