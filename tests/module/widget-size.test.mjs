// The widget's size budget (issue 6), measured on the built site: what a host page loads
// before the person touches the widget must be at most 15 KB gzip, and that plus the flow
// and the WebAssembly module at most 80 KB gzip. The files are found by following the
// widget's own imports, so a new import is counted without editing this test; the module
// is the one the widget's engine names (the checker-only twitchcheck-checker.js/.wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, relative, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const siteDir = join(process.env.TWITCHCHECK_BUILD_DIR ?? join(repoDir, 'build'), 'site');
const KB = 1024;
const budgetBeforeModule = 15 * KB;
const budgetInAll = 80 * KB;

const read = (rel) => readFileSync(join(siteDir, rel));
const sizeOf = (rel) => ({ file: rel, raw: read(rel).length, gzip: gzipSync(read(rel), { level: 9 }).length });

// Relative module specifiers in `rel`: static imports, and dynamic ones when `dynamic`.
function importsOf(rel, { dynamic }) {
  const text = read(rel).toString('utf8');
  const found = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']/gm)].map((x) => x[1]);
  if (dynamic) found.push(...[...text.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((x) => x[1]));
  return found.map((spec) => posix.normalize(posix.join(posix.dirname(rel), spec)));
}

// Every module reachable from `entries` through static imports (what the browser loads
// at once), and the ones reached only through import() (loaded later).
function graph(entries, { dynamic }) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    queue.push(...importsOf(rel, { dynamic }));
  }
  return [...seen];
}

const total = (rows) => rows.reduce((sum, row) => sum + row.gzip, 0);

const built = existsSync(join(siteDir, 'widget.js'));
const elementFile = 'widget/twitch-check-element.js';
let before = [];
let later = [];
let moduleFiles = [];
if (built) {
  // widget.js imports define.js by URL; the element's stylesheets are named in its file.
  const entry = read('widget.js').toString('utf8').match(/new URL\("([^"]+\.js)"/)[1];
  const styles = [...read(elementFile).toString('utf8').matchAll(/"([\w/-]+\.css)"/g)].map((x) => x[1]);
  const moduleScript = read('app/engine.js').toString('utf8')
    .match(/export function checkerEngineAt[^]*?new URL\("([\w.-]+\.js)"/)[1];
  moduleFiles = [moduleScript, moduleScript.replace(/\.js$/, '.wasm')];
  const eager = graph([entry], { dynamic: false });
  const everything = graph([entry], { dynamic: true });
  before = ['widget.js', ...eager, ...styles].map(sizeOf);
  later = [...everything.filter((rel) => !eager.includes(rel)), ...moduleFiles].map(sizeOf);

  const line = (row) => `  ${String(row.raw).padStart(8)} ${String(row.gzip).padStart(7)}  ${row.file}`;
  console.log(`Widget sizes in ${relative(repoDir, siteDir) || siteDir} (bytes: raw, gzip -9)`);
  console.log('before the person touches it:');
  before.forEach((row) => console.log(line(row)));
  console.log(`  = ${(total(before) / KB).toFixed(1)} KB gzip (budget ${budgetBeforeModule / KB} KB)`);
  console.log('loaded on first touch (the flow and the WebAssembly module):');
  later.forEach((row) => console.log(line(row)));
  console.log(`  = ${((total(before) + total(later)) / KB).toFixed(1)} KB gzip in all (budget ${budgetInAll / KB} KB)`);
}

test('the built site has the widget script, its modules and the WebAssembly module', () => {
  assert.ok(built, `no widget.js in ${siteDir}: build the site first`);
  assert.ok(before.some((row) => row.file === elementFile), 'the element class is loaded up front');
  assert.ok(later.some((row) => row.file === 'app/checker.js'), 'the flow is loaded on first touch');
  assert.ok(later.some((row) => row.file === 'twitchcheck-checker.wasm'), 'the widget loads the checker-only module');
});

test(`what a host page loads before the person touches the widget is at most ${budgetBeforeModule / KB} KB gzip`, () => {
  assert.ok(total(before) <= budgetBeforeModule, `${total(before)} bytes gzip`);
});

// The widget's own share (its code, strings and styles, before and after the touch) has
// its own cap, so that the module keeps at least 55 KB of the 80.
const budgetWidgetOwn = 25 * KB;
const own = () => total(before) + total(later.filter((row) => !moduleFiles.includes(row.file)));

test(`the widget's own code, strings and styles are at most ${budgetWidgetOwn / KB} KB gzip`, () => {
  assert.ok(own() <= budgetWidgetOwn, `${own()} bytes gzip`);
});

test(`the widget with the flow and the WebAssembly module is at most ${budgetInAll / KB} KB gzip in all`, () => {
  assert.ok(total(before) + total(later) <= budgetInAll, `${total(before) + total(later)} bytes gzip`);
});
