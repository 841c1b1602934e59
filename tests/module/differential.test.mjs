// Differential check: thousands of generated assessments and hundreds of generated
// journals, valid and broken, through the WebAssembly module and the native CLI. Both
// doors must give the same bytes (or the same error) for every one (interfaces.md).
// Every case goes through the api natively in one process (api_batch, the CLI's own door
// without the process start), and a sample through the CLI itself, so the file stays
// well under a minute. Cases take turns through the languages and language tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModule, loadCheckerModule, cliPath, buildDir } from './module_support.mjs';
import { prng, REGIONS, SIDES, TRIGGERS } from '../bench/journal_generator.mjs';

const module = await loadModule();
const checkerModule = await loadCheckerModule();  // the widget's checker-only module
// The checker-only module gets each language's words as a page would give them.
for (const lang of ['de', 'es', 'fr']) {
  checkerModule.addLanguage(readFileSync(join(buildDir, 'site', 'engine-words', `${lang}.json`), 'utf8'));
}
// Case i is asked for in LANGS[i % LANGS.length] ('' is no tag at all: English).
const LANGS = ['', 'en', 'de', 'es', 'fr', 'de-AT', 'FR', 'xx'];

const ASSESSMENTS = Number(process.env.TWITCHCHECK_DIFF_ASSESSMENTS ?? 3000);
const JOURNALS = Number(process.env.TWITCHCHECK_DIFF_JOURNALS ?? 300);
const ERROR_START = '{\n  "schema": "twitchcheck.error/1"';
const CLI_EVERY = Number(process.env.TWITCHCHECK_DIFF_CLI_EVERY ?? 15);  // every Nth case also through the CLI

const FINDINGS = ['spreading', 'muscle_wasting', 'weakness', 'weakness_progressive', 'asymmetric', 'numbness_tingling',
  'coordination_changes', 'slurred_speech', 'swallowing_difficulty', 'family_history', 'worsening', 'cramps',
  'sudden_onset_neuro', 'breathing_hard_now', 'breathing_problems', 'function_loss', 'behaviour_changes', 'stiffness',
  'medicine_suspected'];
const LEVELS = ['emergency', 'immediate', 'urgent', 'prompt', 'consult', 'monitor', 'self_care'];

// Keys in a random order: the output must not depend on the order they were written in.
function shuffled(rng, object) {
  return Object.fromEntries(rng.shuffle(Object.entries(object)));
}

function validAssessment(rng) {
  const a = { schema: 'twitchcheck.assessment/1', duration_days: rng.chance(0.9) ? rng.int(0, 60) : rng.int(0, 36500) };
  if (rng.chance(0.6)) a.lifestyle_changes_tried = rng.chance(0.5);
  if (rng.chance(0.4)) a.self_care_weeks = rng.chance(0.9) ? rng.int(0, 8) : rng.int(0, 520);
  if (rng.chance(0.4)) a.improved = rng.pick([true, false, null]);
  if (rng.chance(0.8)) {
    a.regions = Array.from({ length: rng.int(0, 4) }, () => shuffled(rng, { region: rng.pick(REGIONS), side: rng.pick(SIDES) }));
  }
  if (rng.chance(0.85)) {
    a.findings = Object.fromEntries(rng.subset(FINDINGS, 0.7).map((name) => [name, rng.chance(0.25)]));
  }
  if (rng.chance(0.6)) a.triggers = rng.subset(TRIGGERS, 0.4);
  return shuffled(rng, a);
}

// One clear spec violation each (checker.md), so the CLI must exit 2.
const assessmentBreakers = [
  (a) => { a.schema = 'twitchcheck.assessment/2'; },
  (a) => { delete a.schema; },
  (a) => { delete a.duration_days; },
  (a) => { a.duration_days = -1; },
  (a) => { a.duration_days = 36501; },
  (a) => { a.duration_days = 2.5; },
  (a) => { a.duration_days = '3'; },
  (a) => { a.self_care_weeks = 521; },
  (a) => { a.lifestyle_changes_tried = 'yes'; },
  (a) => { a.improved = 'no'; },
  (a) => { a.mood = 'low'; },
  (a, rng) => { a.findings = { ...(a.findings ?? {}), [rng.pick(FINDINGS)]: rng.pick(['yes', 1, 0, [], {}]) }; },
  (a) => { a.findings = { ...(a.findings ?? {}), tremor: true }; },
  (a) => { a.findings = [true]; },
  (a, rng) => { a.regions = [{ region: rng.pick(['ear', 'Calf', '', 'knee']), side: 'left' }]; },
  (a, rng) => { a.regions = [{ region: 'calf', side: rng.pick(['front', 'LEFT', '']) }]; },
  (a) => { a.regions = [{ region: 'calf' }]; },
  (a) => { a.regions = [{ region: 'calf', side: 'left', size: 2 }]; },
  (a) => { a.regions = ['calf']; },
  (a) => { a.regions = { region: 'calf', side: 'left' }; },
  (a, rng) => { a.triggers = [rng.pick(['alcohol', 'Caffeine', '', 'sugar'])]; },
  (a) => { a.triggers = 'caffeine'; },
];

function brokenAssessmentText(rng) {
  const kind = rng.int(0, 9);
  if (kind === 0) {  // not JSON: a valid document cut short, or junk
    const text = JSON.stringify(validAssessment(rng));
    return rng.chance(0.8) ? text.slice(0, rng.int(0, text.length - 1)) : rng.pick(['twitch', '', '{', '{"schema":}', '[]x']);
  }
  if (kind === 1) return JSON.stringify(rng.pick([[], 3, 'twitchcheck', null, true]));  // root not an object
  const a = validAssessment(rng);
  rng.pick(assessmentBreakers)(a, rng);
  return JSON.stringify(a);
}

const TODAY = '2026-12-04';
const DAY_MS = 86400000;
const dateText = (ms) => new Date(ms).toISOString().slice(0, 10);
const pad = (n) => String(n).padStart(2, '0');

function atText(rng, baseMs) {
  const date = dateText(baseMs - rng.int(-3, 120) * DAY_MS);
  const time = `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
  const offset = rng.chance(0.2) ? 'Z' : `${rng.pick(['+', '-'])}${pad(rng.int(0, 13))}:${rng.pick(['00', '30', '45'])}`;
  return `${date}T${time}${offset}`;
}

const NOTE_PIECES = ['after 3 coffees', '=SUM(A1:A2)', '+1', '-x', '@home', '<script>alert(1)</script>', 'a "quoted" word',
  'comma, and\nnewline', 'ünïcödé ✓ 🫀', '&amp; <b>', ''];

function validJournal(rng, todayMs) {
  const episodes = Array.from({ length: rng.chance(0.1) ? 0 : rng.int(1, 160) }, (_, i) => {
    const e = { id: `e${i}-${rng.int(0, 1e6)}`, at: atText(rng, todayMs), region: rng.pick(REGIONS), side: rng.pick(SIDES) };
    if (rng.chance(0.5)) e.duration_s = rng.int(1, rng.chance(0.9) ? 600 : 86400);
    if (rng.chance(0.5)) e.intensity = rng.int(1, 5);
    if (rng.chance(0.5)) e.triggers = Array.from({ length: rng.int(0, 3) }, () => rng.pick(TRIGGERS));
    if (rng.chance(0.3)) e.note = rng.pick(NOTE_PIECES) + (rng.chance(0.3) ? ` ${rng.pick(NOTE_PIECES)}` : '');
    return shuffled(rng, e);
  });
  const dates = new Set(Array.from({ length: rng.int(0, 90) }, () => dateText(todayMs - rng.int(-2, 100) * DAY_MS)));
  const days = [...dates].map((date) => {
    const d = { date };
    if (rng.chance(0.7)) d.caffeine_mg = rng.int(0, rng.chance(0.9) ? 500 : 2000);
    if (rng.chance(0.7)) d.water_ml = rng.int(0, 4000);
    if (rng.chance(0.7)) d.sleep_h = rng.pick([rng.int(0, 24), rng.int(0, 48) / 2, Math.round(rng.next() * 2400) / 100]);
    if (rng.chance(0.7)) d.stress = rng.int(0, 10);
    if (rng.chance(0.7)) d.exercise = rng.pick(['none', 'moderate', 'intense']);
    if (rng.chance(0.5)) d.relaxation_min = rng.int(0, 1440);
    return shuffled(rng, d);
  });
  const journal = { schema: 'twitchcheck.journal/1', episodes, days };
  if (rng.chance(0.5)) journal.plan = rng.chance(0.8) ? { started: dateText(todayMs - rng.int(0, 60) * DAY_MS) } : {};
  if (rng.chance(0.3)) {
    journal.assessments = Array.from({ length: rng.int(0, 3) }, () => ({
      at: atText(rng, todayMs), input: validAssessment(rng), level: rng.pick(LEVELS), rules_version: '2026.11.26',
    }));
  }
  return shuffled(rng, journal);
}

// One clear spec violation each (journal.md), so the CLI must exit 2.
const journalBreakers = [
  (j) => { j.schema = 'twitchcheck.journal/2'; },
  (j) => { delete j.episodes; },
  (j) => { delete j.days; },
  (j) => { j.extra = 1; },
  (j) => { j.plan = { started: null }; },
  (j) => { j.plan = { started: '2026-02-30' }; },
  (j) => { j.plan = { start: '2026-11-01' }; },
  (j) => { j.assessments = [{ at: '2026-11-20T09:00:00+01:00', input: {}, level: 'fine', rules_version: 'x' }]; },
  (j) => { j.assessments = [{ at: '2026-11-20T09:00:00+01:00', input: {}, level: 'monitor' }]; },
  ...[
    ['duration_s', 0], ['duration_s', 86401], ['duration_s', 2.5], ['intensity', 0], ['intensity', 6], ['intensity', null],
    ['region', 'ear'], ['side', 'front'], ['triggers', ['alcohol']], ['triggers', 'caffeine'], ['note', 'x'.repeat(2001)],
    ['note', 7], ['id', ''], ['mood', 'low'],
    ['at', '2026-11-20T08:15:00.250+01:00'], ['at', '2026-11-20T08:15:00+14:30'], ['at', '2026-02-30T08:15:00Z'],
    ['at', '2026-11-20t08:15:00z'], ['at', '2026-11-20T24:00:00Z'], ['at', '2026-11-20T08:15Z'], ['at', '2026-11-20'],
  ].map(([key, value]) => (j, rng) => {
    j.episodes.push({ id: 'broken', at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left', [key]: value });
    j.episodes = rng.shuffle(j.episodes);
  }),
  (j) => { j.episodes.push({ id: 'broken', at: '2026-11-20T08:15:00+01:00', region: 'calf' }); },
  (j) => { j.episodes.push({ at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left' }); },
  (j) => {
    const e = { id: 'twice', at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left' };
    j.episodes.push(e, { ...e });
  },
  ...[
    ['caffeine_mg', 2001], ['caffeine_mg', -1], ['water_ml', 10001], ['sleep_h', 24.5], ['sleep_h', -0.5], ['stress', 11],
    ['stress', 7.5], ['exercise', 'extreme'], ['relaxation_min', 1441], ['water_ml', null], ['date', '2026-13-01'],
    ['date', '2026-11-20T00:00:00Z'], ['coffee', 1],
  ].map(([key, value]) => (j) => { j.days.push({ date: '2020-01-01', [key]: value }); }),
  (j) => { j.days.push({ date: '2020-01-01' }, { date: '2020-01-01' }); },
];

function brokenJournalText(rng, todayMs) {
  const kind = rng.int(0, 9);
  if (kind === 0) {
    const text = JSON.stringify(validJournal(rng, todayMs));
    return text.slice(0, rng.int(0, text.length - 1));
  }
  const j = validJournal(rng, todayMs);
  j.episodes = j.episodes ?? [];
  j.days = j.days ?? [];
  rng.pick(journalBreakers)(j, rng);
  return JSON.stringify(j);
}

// Runs `calls` ({fn, today, format, text}) through the api natively, in one process.
function runBatch(calls) {
  const input = Buffer.concat(calls.flatMap(({ fn, today = '-', format = '-', text }) => {
    const body = Buffer.from(text, 'utf8');
    return [Buffer.from(`${fn} ${today} ${format} ${body.length}\n`), body];
  }));
  const run = spawnSync(join(buildDir, 'tests', 'api_batch'), [], { input, maxBuffer: 1024 * 1024 * 1024 });
  assert.equal(run.status, 0, `api_batch failed: ${run.error ?? run.stderr}`);
  const out = [];
  let at = 0;
  while (at < run.stdout.length) {
    const newline = run.stdout.indexOf(10, at);
    const [error, length] = run.stdout.subarray(at, newline).toString().split(' ').map(Number);
    out.push({ error: error === 1, bytes: run.stdout.subarray(newline + 1, newline + 1 + length) });
    at = newline + 1 + length;
  }
  assert.equal(out.length, calls.length, 'api_batch answered every call');
  return out;
}

// The same answer natively: the same bytes, and an error exactly when wasm gave one.
function assertSameAsNative(fromWasm, native, label) {
  assert.equal(native.error, fromWasm.startsWith(ERROR_START), `${label}: error in one door only\n${fromWasm.slice(0, 300)}`);
  assert.ok(native.bytes.equals(Buffer.from(fromWasm, 'utf8')), `${label}: native bytes differ from wasm's\n${firstDifference(fromWasm, native.bytes.toString('utf8'))}`);
  return native.error ? 'error' : 'ok';
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at character ${i}: wasm …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 40))} native …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 40))}`;
}

// Runs every CLI case from one bash script (a process each, no Node spawn per case).
// `cases` items: {args: [...], stdin: text | undefined}. Returns {status, stdout, stderr} (stdout as a Buffer).
function runCli(cases) {
  const dir = mkdtempSync(join(tmpdir(), 'twitchcheck-diff-'));
  try {
    const q = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;
    const lines = ['#!/bin/bash'];
    cases.forEach((c, i) => {
      const base = join(dir, `c${i}`);
      if (c.stdin !== undefined) writeFileSync(`${base}.in`, c.stdin);
      const args = c.args.map((a) => (a === '@FILE' ? q(`${base}.in`) : q(a))).join(' ');
      const input = c.stdin !== undefined && !c.args.includes('@FILE') ? ` <${q(`${base}.in`)}` : ' </dev/null';
      lines.push(`${q(cliPath)} ${args}${input} >${q(`${base}.out`)} 2>${q(`${base}.err`)}; echo $? >${q(`${base}.rc`)}`);
    });
    writeFileSync(join(dir, 'run.sh'), `${lines.join('\n')}\n`);
    const run = spawnSync('bash', [join(dir, 'run.sh')], { encoding: 'utf8' });
    assert.equal(run.status, 0, `CLI batch script failed: ${run.stderr}`);
    return cases.map((_, i) => {
      const base = join(dir, `c${i}`);
      return {
        status: Number(readFileSync(`${base}.rc`, 'utf8')),
        stdout: readFileSync(`${base}.out`),
        stderr: readFileSync(`${base}.err`, 'utf8'),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Same answer from both doors: on success the same bytes; on bad input the module's
// error document says what the CLI's standard error says, and the CLI prints nothing.
function assertSameAnswer(fromWasm, native, label) {
  const isError = fromWasm.startsWith(ERROR_START);
  const doc = isError ? JSON.parse(fromWasm) : null;
  if (isError) {
    assert.equal(native.status, 2, `${label}: wasm gave an error, the CLI exited ${native.status}`);
    assert.equal(native.stdout.length, 0, label);
    assert.equal(native.stderr, `error: ${doc.error.path}: ${doc.error.message}\n`, label);
    return 'error';
  }
  assert.equal(native.status, 0, `${label}: the CLI exited ${native.status} (${native.stderr.trim()}) where wasm answered`);
  assert.ok(native.stdout.equals(Buffer.from(fromWasm, 'utf8')), `${label}: the CLI's bytes differ from wasm's`);
  return 'ok';
}

test(`${ASSESSMENTS} generated assessments, valid and broken, give the same bytes in wasm (both modules) and the CLI`, () => {
  const rng = prng(20261126);
  const cases = Array.from({ length: ASSESSMENTS }, (_, i) => {
    const valid = i % 3 !== 2;  // two valid for each broken one
    return { valid, text: valid ? JSON.stringify(validAssessment(rng)) : brokenAssessmentText(rng) };
  });
  const langOf = (i) => LANGS[i % LANGS.length];
  const native = runBatch(cases.map((c, i) => ({ fn: 'assess', today: langOf(i) || '-', text: c.text })));
  // The CLI on a sample, alternately reading a file and standard input.
  const sample = cases.map((c, i) => ({ c, i })).filter(({ i }) => i % CLI_EVERY === 0);
  const langArgs = (i) => (langOf(i) ? ['--lang', langOf(i)] : []);
  const fromCli = runCli(sample.map(({ c, i }, n) => ({ args: [...(n % 2 ? ['assess', '@FILE'] : ['assess']), ...langArgs(i)], stdin: c.text })));
  const outcomes = { ok: 0, error: 0 };
  const levels = new Set();
  const languages = new Set();
  cases.forEach((c, i) => {
    const lang = langOf(i);
    const fromWasm = lang ? module.assess(c.text, lang) : module.assess(c.text);
    const label = `assessment #${i} in "${lang}" ${c.text.slice(0, 300)}`;
    const outcome = assertSameAsNative(fromWasm, native[i], label);
    assert.equal(lang ? checkerModule.assess(c.text, lang) : checkerModule.assess(c.text), fromWasm,
      `${label}: the widget's checker module differs`);
    if (outcome === 'ok') languages.add(JSON.parse(fromWasm).lang);
    assert.equal(outcome, c.valid ? 'ok' : 'error', `${label}\nwas generated ${c.valid ? 'valid' : 'broken'}; wasm: ${fromWasm.slice(0, 300)}`);
    outcomes[outcome]++;
    if (outcome === 'ok') levels.add(JSON.parse(fromWasm).level);
  });
  sample.forEach(({ c, i }, n) => assertSameAnswer(module.assess(c.text, langOf(i)), fromCli[n], `assessment #${i} (CLI)`));
  assert.ok(sample.length >= ASSESSMENTS / CLI_EVERY - 1);
  assert.deepEqual([...languages].sort(), ['de', 'en', 'es', 'fr'], 'the results came in every language');
  assert.equal(outcomes.ok + outcomes.error, ASSESSMENTS);
  assert.deepEqual([...levels].sort(), [...LEVELS].sort(), 'the generated assessments reach every level');
});

test(`${JOURNALS} generated journals, valid and broken, analyse and export the same in wasm and the CLI`, () => {
  const rng = prng(4242);
  const todayMs = Date.parse(`${TODAY}T00:00:00Z`);
  const cases = Array.from({ length: JOURNALS }, (_, i) => {
    const valid = i % 4 !== 3;  // three valid for each broken one
    const today = dateText(todayMs + rng.int(-5, 40) * DAY_MS);
    return { valid, today, text: valid ? JSON.stringify(validJournal(rng, todayMs)) : brokenJournalText(rng, todayMs) };
  });
  const formats = ['json', 'html', 'csv'];
  const langOf = (i) => LANGS[i % LANGS.length];
  const callsOf = (c, i) => [
    { fn: 'validate', text: c.text },
    { fn: 'analyze', today: c.today, text: c.text },
    ...formats.map((format) => ({ fn: 'report', today: c.today, format: `${format}:${langOf(i)}`, text: c.text })),
  ];
  const native = runBatch(cases.flatMap(callsOf));
  const sample = cases.map((c, i) => ({ c, i })).filter(({ i }) => i % CLI_EVERY === 0);
  const fromCli = runCli(sample.flatMap(({ c, i }) => [
    { args: ['analyze', '@FILE', '--today', c.today], stdin: c.text },
    ...formats.map((format) => ({
      args: ['report', '@FILE', '--today', c.today, '--format', format, ...(langOf(i) ? ['--lang', langOf(i)] : [])],
      stdin: c.text,
    })),
  ]));
  let answered = 0;
  cases.forEach((c, i) => {
    const label = `journal #${i} (today ${c.today}) ${c.text.slice(0, 200)}`;
    const [validated, analysed, ...reports] = native.slice(i * 5, i * 5 + 5);
    const validation = module.validateJournal(c.text);
    assert.equal(assertSameAsNative(validation, validated, `${label} validate`), c.valid ? 'ok' : 'error',
      `${label}: generated ${c.valid ? 'valid' : 'broken'}, validateJournal says ${validation.slice(0, 300)}`);
    const outcome = assertSameAsNative(module.analyze(c.text, c.today), analysed, `${label} analyze`);
    assert.equal(outcome, c.valid ? 'ok' : 'error', label);
    formats.forEach((format, f) => {
      assertSameAsNative(module.report(c.text, c.today, format, langOf(i)), reports[f], `${label} report ${format} in "${langOf(i)}"`);
    });
    if (outcome === 'ok') answered++;
  });
  sample.forEach(({ c, i }, n) => {
    assertSameAnswer(module.analyze(c.text, c.today), fromCli[n * 4], `journal #${i} analyze (CLI)`);
    formats.forEach((format, f) => {
      assertSameAnswer(module.report(c.text, c.today, format, langOf(i)), fromCli[n * 4 + 1 + f], `journal #${i} report ${format} (CLI)`);
    });
  });
  assert.equal(answered, cases.filter((c) => c.valid).length);
});
