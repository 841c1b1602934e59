// The module's JournalSession, driven from JavaScript as the app drives it: one record at a
// time. Each answer matches whole-document validation of the same change (path and message),
// a refused change leaves the document's bytes alone, and analyze/report from the resident
// journal equal module.analyze/module.report on its document(), byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, sharedJsonFiles } from './module_support.mjs';
import { prng, REGIONS, SIDES, TRIGGERS } from '../bench/journal_generator.mjs';

const module = await loadModule();
const SEQUENCES = Number(process.env.TWITCHCHECK_SESSION_SEQUENCES ?? 300);
const OK = '{\n  "ok": true\n}\n';
const okAt = (index) => `{\n  "ok": true,\n  "index": ${index}\n}\n`;
const EMPTY = { schema: 'twitchcheck.journal/1', episodes: [], days: [] };
const LEVELS = ['emergency', 'immediate', 'urgent', 'prompt', 'consult', 'monitor', 'self_care'];
const examples = sharedJsonFiles('journal-examples').filter(({ name }) => name !== 'bad-journals.json');
const badJournals = sharedJsonFiles('journal-examples').find(({ name }) => name === 'bad-journals.json').json;

// "ok", or "PATH: MESSAGE" of an error document.
function answer(text) {
  const parsed = JSON.parse(text);
  return parsed.schema === 'twitchcheck.error/1' ? `${parsed.error.path}: ${parsed.error.message}` : 'ok';
}
const wholeDocument = (journal) => answer(module.validateJournal(JSON.stringify(journal)));

function withSession(body) {
  const session = new module.JournalSession();
  try {
    return body(session);
  } finally {
    session.delete();
  }
}

// A document's records into the session one at a time, in document order; the first refusal.
function replay(session, journal) {
  const calls = [
    ...journal.episodes.map((e) => () => session.addEpisode(JSON.stringify(e))),
    ...journal.days.map((d) => () => session.putDay(JSON.stringify(d))),
    ...('plan' in journal ? [() => session.setPlan(JSON.stringify(journal.plan))] : []),
    ...(journal.assessments ?? []).map((a) => () => session.addCheck(JSON.stringify(a))),
  ];
  for (const call of calls) {
    const before = session.document();
    const result = answer(call());
    if (result !== 'ok') {
      assert.equal(session.document(), before, 'a refused record changes nothing');
      return result;
    }
  }
  return 'ok';
}

test('JournalSession has the interface the app codes against', () => {
  withSession((session) => {
    for (const name of ['load', 'addEpisode', 'changeEpisode', 'deleteEpisode', 'putDay', 'deleteDay', 'setPlan',
      'addCheck', 'analyze', 'report', 'document', 'counts', 'delete']) {
      assert.equal(typeof session[name], 'function', name);
    }
    assert.deepEqual(JSON.parse(session.document()), EMPTY);
    assert.equal(session.counts(), '{\n  "episodes": 0,\n  "days": 0,\n  "assessments": 0\n}\n');
  });
});

test('every worked example loads, and the session answers as the whole-document functions', () => {
  for (const { name, json } of examples) {
    const text = JSON.stringify(json.journal);
    withSession((session) => {
      assert.equal(session.load(text), OK, name);
      assert.equal(session.document(), module.upgradeJournal(text), name);
      assert.equal(session.analyze(json.today), module.analyze(text, json.today), name);
      assert.deepEqual(JSON.parse(session.analyze(json.today)), json.expect, name);
      for (const format of ['json', 'html', 'csv', 'fhir']) {
        assert.equal(session.report(json.today, format), module.report(text, json.today, format), `${name} ${format}`);
      }
    });
  }
});

test('each shared bad journal, given record by record, is refused with the document\'s path and message', () => {
  let compared = 0;
  for (const { name, text, path } of badJournals) {
    if (!/^(episodes\[|days\[|plan|assessments\[)/.test(path)) continue;
    const journal = JSON.parse(text);
    const expected = wholeDocument(journal);
    assert.ok(expected.startsWith(`${path}: `), name);
    assert.equal(withSession((session) => replay(session, journal)), expected, name);
    // After a worked example is loaded, the same record lands later and the path says so.
    const example = examples[7].json.journal;
    const merged = {
      ...example,
      episodes: [...example.episodes, ...journal.episodes],
      days: [...example.days, ...journal.days],
      ...('plan' in journal ? { plan: journal.plan } : {}),
      ...('assessments' in journal ? { assessments: journal.assessments } : {}),
    };
    const expectedLater = wholeDocument(merged);
    assert.equal(withSession((session) => {
      assert.equal(session.load(JSON.stringify(example)), OK);
      return replay(session, journal);
    }), expectedLater, `${name}, after ${examples[7].name}`);
    compared += 1;
  }
  assert.equal(compared, 9);  // the tenth is about the schema, not a record
});

test('refusals name their path, change nothing, and the session stays usable', () => {
  withSession((session) => {
    const episode = (id, extra = {}) => JSON.stringify({ id, at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left', ...extra });
    assert.equal(session.addEpisode(episode('a')), okAt(0));
    const before = session.document();
    assert.equal(answer(session.addEpisode(episode('a'))), 'episodes[1].id: repeats the id of an earlier episode');
    assert.equal(answer(session.addEpisode(episode('b', { duration_s: 0 }))), 'episodes[1].duration_s: must be 1 to 86400');
    assert.equal(answer(session.changeEpisode(episode('zz'))), 'id: is not the id of an episode in this journal');
    assert.equal(answer(session.deleteEpisode('zz')), 'id: is not the id of an episode in this journal');
    assert.equal(answer(session.deleteDay('2026-11-20')), 'date: is not the date of a day in this journal');
    assert.equal(answer(session.putDay('{"date": "2026-11-20", "stress": 7.5}')), 'days[0].stress: must be a whole number from 0 to 10, not 7.5');
    assert.equal(answer(session.setPlan('{"started": null}')), 'plan.started: must be a date written YYYY-MM-DD (null is not allowed; leave the field out instead)');
    assert.equal(answer(session.addCheck('{}')), 'assessments[0].at: is required');
    assert.equal(answer(session.load('{')), ': this is not valid JSON text');
    assert.equal(answer(session.analyze('2026-02-30')), 'today: must be a real date written YYYY-MM-DD');
    assert.equal(answer(session.report('2026-11-21', 'pdf')), 'format: must be json, html, csv or fhir');
    assert.equal(session.document(), before);
    assert.equal(session.addEpisode(episode('b')), okAt(1));
  });
});

// ---- the property test, through the module ------------------------------------------

// The document of a reference: its records' own texts, in place.
function documentText({ episodes, days, plan, assessments }) {
  const list = (records) => `[${records.map(({ text }) => text).join(', ')}]`;
  return `{"schema": "twitchcheck.journal/1", "episodes": ${list(episodes)}, "days": ${list(days)}${
    plan ? `, "plan": ${plan.text}` : ''}${assessments ? `, "assessments": ${list(assessments)}` : ''}}`;
}

function randomOperations(rng) {
  const pad = (n) => String(n).padStart(2, '0');
  const dayMs = 86400000;
  const date = () => new Date(Date.parse('2026-12-04T00:00:00Z') - rng.int(0, 69) * dayMs).toISOString().slice(0, 10);
  let nextId = 0;
  const state = { reference: { episodes: [], days: [], plan: undefined, assessments: undefined } };
  const id = () => (state.reference.episodes.length > 0 && rng.chance(0.1)
    ? rng.pick(state.reference.episodes).value.id : `e${nextId++}`);

  const goodEpisode = () => {
    const e = {
      id: id(),
      at: `${date()}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}${rng.pick(['+01:00', 'Z', '-05:00', '+05:45', '-00:00'])}`,
      region: rng.pick(REGIONS),
      side: rng.pick(SIDES),
    };
    if (rng.chance(0.6)) e.duration_s = rng.int(1, 300);
    if (rng.chance(0.6)) e.intensity = rng.int(1, 5);
    if (rng.chance(0.5)) e.triggers = Array.from({ length: rng.int(0, 2) }, () => rng.pick(TRIGGERS));
    if (rng.chance(0.3)) e.note = rng.pick(['=SUM(A1)', 'after coffee, "tired"', '<b>not HTML</b>', 'é ☃ 😀']);
    return e;
  };
  const goodDay = () => {
    const d = { date: date() };
    if (rng.chance(0.8)) d.caffeine_mg = rng.int(0, 5) * 80;
    if (rng.chance(0.8)) d.water_ml = 800 + rng.int(0, 13) * 150;
    if (rng.chance(0.8)) d.sleep_h = rng.int(8, 20) / 2;
    if (rng.chance(0.8)) d.stress = rng.int(0, 10);
    if (rng.chance(0.6)) d.exercise = rng.pick(['none', 'moderate', 'intense']);
    if (rng.chance(0.6)) d.relaxation_min = rng.int(0, 4) * 10;
    return d;
  };
  const goodCheck = () => ({
    at: `${date()}T09:${pad(rng.int(0, 59))}:00+01:00`,
    input: rng.pick([
      { schema: 'twitchcheck.assessment/1', duration_days: 20, regions: [{ region: 'calf', side: 'left' }], findings: { weakness: false } },
      { schema: 'twitchcheck.assessment/1', duration_days: 3, findings: { weakness: true } },
      { schema: 'twitchcheck.assessment/1', duration_days: 'long' },
    ]),
    level: rng.pick(LEVELS),
    rules_version: '2026.11.1',
  });
  // JSON text of a record, one field made bad in a quarter of them.
  const BAD = ['null', '7.5', '30.0', '-1', '99999', '"x"', '[]', '{}', 'true', '"2026-11-20T08:15:00.5Z"', '"2026-02-30"'];
  const spoil = (record) => {
    if (!rng.chance(0.25)) return JSON.stringify(record);
    const keys = Object.keys(record);
    const bad = rng.pick(BAD);
    if (keys.length === 0 || rng.chance(0.15)) return JSON.stringify(record).replace(/}$/, `${keys.length ? ', ' : ''}"extra": ${bad}}`);
    const key = rng.pick(keys);
    if (rng.chance(0.1)) {
      delete record[key];
      return JSON.stringify(record);
    }
    record[key] = '\u0000MARK';
    return JSON.stringify(record).replace('"\\u0000MARK"', bad);
  };
  // The reference keeps each record's own text, so a token such as 30.0 reaches the
  // whole-document validator as the session saw it.
  const indexBy = (list, key, value) => list.findIndex(({ value: item }) => item !== null && typeof item === 'object' && item[key] === value);
  const record = (text) => ({ text, value: JSON.parse(text) });

  // One random operation on the session and the reference: [answer, expected].
  function step(session) {
    const ref = state.reference;
    const next = { episodes: [...ref.episodes], days: [...ref.days], plan: ref.plan, assessments: ref.assessments && [...ref.assessments] };
    let expected = null;
    let result;
    const op = rng.int(0, 9);
    if (op <= 2) {
      const r = record(spoil(goodEpisode()));
      next.episodes.push(r);
      result = session.addEpisode(r.text);
    } else if (op === 3) {
      const e = goodEpisode();
      if (next.episodes.length > 0 && rng.chance(0.85)) e.id = rng.pick(next.episodes).value.id;
      const r = record(spoil(e));
      const found = r.value && typeof r.value === 'object' && typeof r.value.id === 'string' ? indexBy(next.episodes, 'id', r.value.id) : -1;
      if (found >= 0) next.episodes[found] = r;
      else expected = 'id: is not the id of an episode in this journal';
      result = session.changeEpisode(r.text);
    } else if (op === 4) {
      const victim = next.episodes.length > 0 && rng.chance(0.85) ? rng.pick(next.episodes).value.id : `gone${rng.int(0, 4)}`;
      const found = indexBy(next.episodes, 'id', victim);
      if (found >= 0) {
        next.episodes.splice(found, 1);
        expected = 'ok';
      } else {
        expected = 'id: is not the id of an episode in this journal';
      }
      result = session.deleteEpisode(victim);
    } else if (op <= 6) {
      const r = record(spoil(goodDay()));
      const found = typeof r.value.date === 'string' ? indexBy(next.days, 'date', r.value.date) : -1;
      if (found >= 0) next.days[found] = r;
      else next.days.push(r);
      result = session.putDay(r.text);
    } else if (op === 7) {
      const day = date();
      const found = indexBy(next.days, 'date', day);
      if (found >= 0) {
        next.days.splice(found, 1);
        expected = 'ok';
      } else {
        expected = 'date: is not the date of a day in this journal';
      }
      result = session.deleteDay(day);
    } else if (op === 8) {
      next.plan = record(spoil(rng.chance(0.2) ? {} : { started: date() }));
      result = session.setPlan(next.plan.text);
    } else {
      const r = record(spoil(goodCheck()));
      next.assessments = [...(next.assessments ?? []), r];
      result = session.addCheck(r.text);
    }
    const got = answer(result);
    expected ??= answer(module.validateJournal(documentText(next)));
    if (got === 'ok') state.reference = next;
    return [got, expected];
  }
  return { step, state };
}

test(`random record operations (${SEQUENCES} sequences): answers match whole-document validation, and analyze and report match on document()`, () => {
  const rng = prng(20261204);
  let operations = 0;
  let refused = 0;
  for (let s = 0; s < SEQUENCES; s++) {
    const ops = randomOperations(rng);
    withSession((session) => {
      const length = rng.int(5, 60);
      for (let i = 0; i < length; i++) {
        const before = session.document();
        const [got, expected] = ops.step(session);
        assert.equal(got, expected, `sequence ${s}, operation ${i}`);
        if (got !== 'ok') {
          refused += 1;
          assert.equal(session.document(), before, `sequence ${s}, operation ${i}: a refusal changes nothing`);
        }
        operations += 1;
      }
      const document = session.document();
      assert.deepEqual(JSON.parse(document), JSON.parse(documentText(ops.state.reference)), `sequence ${s}: the document`);
      for (const today of ['2026-12-04', '2026-11-10', '2027-03-01']) {
        assert.equal(session.analyze(today), module.analyze(document, today), `sequence ${s}, analyze ${today}`);
        for (const format of ['json', 'html', 'csv', 'fhir']) {
          assert.equal(session.report(today, format), module.report(document, today, format), `sequence ${s}, ${format} ${today}`);
        }
      }
    });
  }
  assert.ok(operations > SEQUENCES * 25, `${operations} operations`);
  assert.ok(refused > operations / 10 && refused < operations / 2, `${refused} of ${operations} refused`);
});
