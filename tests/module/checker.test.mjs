// The checker through the WebAssembly module and the native CLI: same bytes, same errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadModule, loadCheckerModule, cli, sharedJsonFiles } from './module_support.mjs';

const module = await loadModule();
const checkerModule = await loadCheckerModule();  // the widget's checker-only module
const vignettes = sharedJsonFiles('vignettes');

test('every vignette gives its expected result in wasm, byte for byte the same as the CLI', () => {
  assert.ok(vignettes.length >= 13);
  for (const { name, json } of vignettes) {
    const input = JSON.stringify(json.input);
    const fromWasm = module.assess(input);
    const native = cli(['assess'], input);
    assert.equal(native.status, 0, name);
    assert.equal(fromWasm, native.stdout, name);
    const result = JSON.parse(fromWasm);
    assert.equal(result.level, json.expect.level, name);
    assert.deepEqual(result.fired.map((f) => f.id), json.expect.fired, name);
    assert.deepEqual(result.checklist, json.expect.checklist, name);
    assert.equal(result.checklist_count, json.expect.checklist_count, name);
    assert.deepEqual(result.unanswered, json.expect.unanswered, name);
    assert.deepEqual(result.if_true, json.expect.if_true, name);
    assert.deepEqual(Object.keys(result.if_true), result.unanswered, `${name}: if_true in unanswered's order`);
    assert.equal(checkerModule.assess(input), fromWasm, `${name}: the checker-only module`);
  }
});

test('the CLI reads an assessment from a file as well as from standard input', () => {
  const { json } = vignettes[0];
  const dir = mkdtempSync(join(tmpdir(), 'assess-'));
  const file = join(dir, 'assessment.json');
  writeFileSync(file, JSON.stringify(json.input));
  const fromFile = cli(['assess', file]);
  assert.equal(fromFile.status, 0);
  assert.equal(fromFile.stdout, module.assess(JSON.stringify(json.input)));
  assert.equal(fromFile.stdout, cli(['assess'], JSON.stringify(json.input)).stdout);
});

const base = '{"schema": "twitchcheck.assessment/1", "duration_days": 3';
const badInputs = [
  ['not JSON', 'twitch', '', 'this is not valid JSON text'],
  ['wrong schema', '{"schema": "twitchcheck.journal/1", "duration_days": 3}', 'schema', 'expected "twitchcheck.assessment/1"'],
  ['wrong type', `${base}, "findings": {"weakness": "yes"}}`, 'findings.weakness', 'expected true or false'],
  ['out of range', '{"schema": "twitchcheck.assessment/1", "duration_days": 40000}', 'duration_days', 'must be a whole number from 0 to 36500'],
  ['unknown key', `${base}, "mood": "low"}`, 'mood', 'unknown field'],
  ['unknown region', `${base}, "regions": [{"region": "ear", "side": "left"}]}`, 'regions[0].region',
    'expected a known body region: eyelid, face, tongue, shoulder, upper_arm, forearm, hand, neck, chest, back, abdomen, thigh, calf or foot'],
  ['unknown side', `${base}, "regions": [{"region": "calf", "side": "front"}]}`, 'regions[0].side', 'expected a known side: left, right, both or midline'],
  ['unknown trigger', `${base}, "triggers": ["alcohol"]}`, 'triggers[0]',
    'expected a known trigger: caffeine, stress, fatigue, dehydration, intense_exercise or poor_sleep'],
  ['arrays 100,000 levels deep', `${base}, "regions": ${'['.repeat(100000)}${']'.repeat(100000)}}`, 'regions[0]',
    'expected an object with a region and a side'],
  ['a 10 MB string', `${base}, "triggers": ["${'x'.repeat(10 * 1024 * 1024)}"]}`, 'triggers[0]',
    'expected a known trigger: caffeine, stress, fatigue, dehydration, intense_exercise or poor_sleep'],
];

for (const [what, text, path, message] of badInputs) {
  test(`bad input (${what}) gives the error document at "${path}" and the next call still works`, () => {
    const doc = JSON.parse(module.assess(text));
    assert.deepEqual(doc, { schema: 'twitchcheck.error/1', error: { path, message } });
    const native = cli(['assess'], text);
    assert.equal(native.status, 2);
    assert.equal(native.stdout, '');
    assert.equal(native.stderr, `error: ${path}: ${message}\n`);
    const next = JSON.parse(module.assess(JSON.stringify(vignettes[0].json.input)));
    assert.equal(next.level, vignettes[0].json.expect.level);
  });
}

test('the widget\'s checker module answers every vignette and every bad input with the app module\'s bytes', () => {
  for (const { name, json } of vignettes) {
    const input = JSON.stringify(json.input);
    assert.equal(checkerModule.assess(input), module.assess(input), name);
  }
  for (const [what, text] of badInputs) assert.equal(checkerModule.assess(text), module.assess(text), what);
  // Text Embind and the C door must both carry as UTF-8: accents, emoji, a lone surrogate, NUL.
  for (const text of [`${base}, "mood": "café 😀"}`, `${base}, "mood\ud800": 1}`, `${base}}\u0000{}`, '']) {
    assert.equal(checkerModule.assess(text), module.assess(text), JSON.stringify(text));
  }
  assert.equal(checkerModule.rulesVersion(), module.rulesVersion());
});

test('the widget\'s checker module offers assess and rulesVersion and none of the journal functions', () => {
  assert.equal(typeof checkerModule.assess, 'function');
  assert.equal(typeof checkerModule.rulesVersion, 'function');
  for (const name of ['analyze', 'validateJournal', 'report']) assert.equal(checkerModule[name], undefined, name);
});

test('rulesVersion matches the version in the CLI\'s built-in rule file', () => {
  const rules = cli(['rules']);
  assert.equal(rules.status, 0);
  assert.equal(module.rulesVersion(), JSON.parse(rules.stdout).version);
  assert.match(module.rulesVersion(), /^\d{4}\.\d{2}\.\d{2}/);
});

test('rules --check accepts the built-in file and refuses a broken one naming rule and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  const good = JSON.parse(cli(['rules']).stdout);
  writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
  const ok = cli(['rules', '--check', join(dir, 'good.json')]);
  assert.equal(ok.status, 0);
  assert.equal(JSON.parse(ok.stdout).ok, true);
  delete good.rules[7].source;
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(good));
  const bad = cli(['rules', '--check', join(dir, 'bad.json')]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'error: rules[7].source: rule RF-SPREADING: every rule must cite its source\n');
});

test('the CLI exits 1 with usage for unknown commands and unreadable files', () => {
  assert.equal(cli(['diagnose']).status, 1);
  assert.equal(cli([]).status, 1);
  const missing = cli(['assess', '/nonexistent/file.json']);
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout, '');
});
