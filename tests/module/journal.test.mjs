// The journal through the WebAssembly module and the native CLI: the same bytes for every
// worked example, bad journal and generated journal; errors name the path and leave the
// module usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModule, cli, sharedJsonFiles, repoDir } from './module_support.mjs';

const module = await loadModule();
const examples = sharedJsonFiles('journal-examples').filter(({ name }) => name !== 'bad-journals.json');
const badJournals = sharedJsonFiles('journal-examples').find(({ name }) => name === 'bad-journals.json').json;
const dir = mkdtempSync(join(tmpdir(), 'twitchcheck-journal-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const formats = ['json', 'html', 'csv'];
const goodJournal = JSON.stringify(examples[2].json.journal);

let fileCount = 0;
function journalFile(text) {
  const path = join(dir, `journal-${fileCount++}.json`);
  writeFileSync(path, text);
  return path;
}

// Both doors on one journal: analyze and the three report formats, byte for byte.
function assertSameEverywhere(text, today, label) {
  const path = journalFile(text);
  const outputs = {};
  const native = cli(['analyze', path, '--today', today]);
  const wasm = module.analyze(text, today);
  assert.equal(native.status, 0, `${label}: ${native.stderr}`);
  assert.equal(wasm, native.stdout, `${label} analyze`);
  outputs.analyze = wasm;
  for (const format of formats) {
    const nativeReport = cli(['report', path, '--today', today, '--format', format]);
    const wasmReport = module.report(text, today, format);
    assert.equal(nativeReport.status, 0, `${label} ${format}: ${nativeReport.stderr}`);
    assert.equal(wasmReport, nativeReport.stdout, `${label} report ${format}`);
    outputs[format] = wasmReport;
  }
  return outputs;
}

test('every journal example: analyze equals expect, and CLI and wasm print the same bytes', () => {
  assert.ok(examples.length >= 12);
  for (const { name, json } of examples) {
    const text = JSON.stringify(json.journal);
    const outputs = assertSameEverywhere(text, json.today, name);
    assert.deepEqual(JSON.parse(outputs.analyze), json.expect, name);
    assert.equal(module.validateJournal(text), '{\n  "ok": true\n}\n', name);
    assert.equal(JSON.parse(outputs.json).schema, 'twitchcheck.report/1', name);
    assert.ok(outputs.html.startsWith('<!DOCTYPE html>'), name);
    assert.ok(outputs.csv.startsWith('id,at,date,region,side,duration_s,intensity,triggers,note\r\n'), name);
  }
});

test('each bad journal gives the error document with its path, exit 2 on the CLI, and the next call works', () => {
  assert.ok(badJournals.length >= 10);
  for (const { name, text, path } of badJournals) {
    for (const call of [
      () => module.validateJournal(text),
      () => module.analyze(text, '2026-11-21'),
      () => module.report(text, '2026-11-21', 'html'),
    ]) {
      const error = JSON.parse(call());
      assert.equal(error.schema, 'twitchcheck.error/1', name);
      assert.equal(error.error.path, path, name);
      assert.ok(error.error.message.length > 0, name);
      assert.equal(module.validateJournal(goodJournal), '{\n  "ok": true\n}\n', `${name}: next call`);
    }
    const wasmError = JSON.parse(module.analyze(text, '2026-11-21')).error;
    const native = cli(['analyze', journalFile(text), '--today', '2026-11-21']);
    assert.equal(native.status, 2, name);
    assert.equal(native.stdout, '', name);
    assert.equal(native.stderr, `error: ${wasmError.path}: ${wasmError.message}\n`, name);
  }
});

test('a bad today, a bad format and deep nesting are errors in both doors', () => {
  const cases = [
    [['analyze', '--today', '2026-02-30'], () => module.analyze(goodJournal, '2026-02-30'), 'today'],
    [['report', '--today', '2026-11-21', '--format', 'pdf'], () => module.report(goodJournal, '2026-11-21', 'pdf'), 'format'],
  ];
  const path = journalFile(goodJournal);
  for (const [args, call, where] of cases) {
    const error = JSON.parse(call()).error;
    assert.equal(error.path, where);
    const native = cli([args[0], path, ...args.slice(1)]);
    assert.equal(native.status, 2);
    assert.equal(native.stderr, `error: ${error.path}: ${error.message}\n`);
  }
  const deep = `{"schema": "twitchcheck.journal/1", "episodes": [], "days": [], "assessments": [{"at": "2026-11-20T09:00:00Z", "input": {"a": ${'['.repeat(100000)}${']'.repeat(100000)}}, "level": "monitor", "rules_version": "x"}]}`;
  assert.equal(JSON.parse(module.validateJournal(deep)).error.path, 'assessments[0].input');
  const native = cli(['analyze', journalFile(deep), '--today', '2026-11-21']);
  assert.equal(native.status, 2);
  assert.match(native.stderr, /^error: assessments\[0\]\.input: /);
  assert.equal(module.validateJournal(goodJournal), '{\n  "ok": true\n}\n');
});

// A small deterministic generator: notes with markup, quotes and formulas, many offsets.
function generatedJournal(seed, episodes) {
  let state = seed;
  const next = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const pad = (n) => String(n).padStart(2, '0');
  const regions = ['eyelid', 'face', 'tongue', 'shoulder', 'upper_arm', 'forearm', 'hand', 'neck', 'chest', 'back', 'abdomen', 'thigh', 'calf', 'foot'];
  const sides = ['left', 'right', 'both', 'midline'];
  const offsets = ['Z', '+05:45', '-03:30', '+14:00', '-12:00', '+01:00'];
  const notes = ['<img src=x onerror=alert(1)>', '=1+1', 'a, "b"\nc', '-5 mg', 'plain', 'é ☃ 😀'];
  const journal = { schema: 'twitchcheck.journal/1', episodes: [], days: [], plan: { started: '2026-02-01' } };
  for (let i = 0; i < episodes; i++) {
    const episode = {
      id: `g${seed}-${i}`,
      at: `2026-${pad(1 + next(3))}-${pad(1 + next(28))}T${pad(next(24))}:${pad(next(60))}:${pad(next(60))}${offsets[next(offsets.length)]}`,
      region: regions[next(regions.length)],
      side: sides[next(sides.length)],
    };
    if (next(2)) episode.intensity = 1 + next(5);
    if (next(4) === 0) episode.note = notes[next(notes.length)];
    journal.episodes.push(episode);
  }
  for (let d = 1; d <= 28; d++) {
    journal.days.push({ date: `2026-02-${pad(d)}`, caffeine_mg: next(5) * 100, sleep_h: 5 + next(8) * 0.5, stress: next(11), water_ml: 1000 + next(3) * 600 });
  }
  journal.assessments = [{ at: '2026-03-01T09:00:00+01:00', input: { schema: 'twitchcheck.assessment/1', duration_days: 30, findings: { spreading: next(2) === 1 } }, level: 'monitor', rules_version: 'x' }];
  return JSON.stringify(journal);
}

test('generated journals print the same bytes in both doors', () => {
  for (const [seed, size] of [[1, 1], [2, 40], [3, 400], [4, 3000]]) {
    assertSameEverywhere(generatedJournal(seed, size), '2026-03-31', `generated seed ${seed}`);
  }
});

test('upgradeJournal brings a /0 prototype journal to the current format and leaves a current one as it is', () => {
  const fixture = (name) => readFileSync(join(repoDir, 'tests', 'fixtures', name), 'utf8');
  const upgraded = module.upgradeJournal(fixture('journal-v0.json'));
  assert.deepEqual(JSON.parse(upgraded), JSON.parse(fixture('journal-v0-migrated.json')));
  assert.ok(upgraded.startsWith('{\n  "schema": "twitchcheck.journal/1",\n') && upgraded.endsWith('}\n'), 'house JSON text');
  const native = cli(['upgrade', journalFile(fixture('journal-v0.json'))]);
  assert.equal(native.status, 0);
  assert.equal(native.stdout, upgraded, 'the CLI prints the same bytes');
  // The upgraded text is a valid current journal, and upgrading it again changes nothing.
  assert.deepEqual(JSON.parse(module.validateJournal(upgraded)), { ok: true });
  assert.equal(module.upgradeJournal(upgraded), upgraded);
  for (const { name, json } of examples) {
    assert.deepEqual(JSON.parse(module.upgradeJournal(JSON.stringify(json.journal))), json.journal, name);
  }
});

test('upgradeJournal refuses what it cannot read with the path, as validateJournal does', () => {
  const error = (path, message) => ({ schema: 'twitchcheck.error/1', error: { path, message } });
  assert.deepEqual(JSON.parse(module.upgradeJournal('twitch')), error('', 'this is not valid JSON text'));
  const newer = { ...examples[0].json.journal, schema: 'twitchcheck.journal/2' };
  assert.deepEqual(JSON.parse(module.upgradeJournal(JSON.stringify(newer))),
    JSON.parse(module.validateJournal(JSON.stringify(newer))));
  assert.equal(JSON.parse(module.upgradeJournal(JSON.stringify(newer))).error.path, 'schema');
  const badOld = { schema: 'twitchcheck.journal/0', twitches: [{ id: 't1', at: '2025-03-01T08:00:00+01:00', region: 'calf', side: 'left', seconds: 0 }] };
  const bad = JSON.parse(module.upgradeJournal(JSON.stringify(badOld))).error;
  assert.equal(bad.path, 'episodes[0].duration_s');
  const native = cli(['upgrade', journalFile(JSON.stringify(badOld))]);
  assert.equal(native.status, 2);
  assert.equal(native.stdout, '');
  assert.equal(native.stderr, `error: ${bad.path}: ${bad.message}\n`);
});
