// The widget's size budget (issue 6), measured on the built site by cmake/widget-sizes.mjs
// (the same code the build runs to print the table): what a host page loads before the
// person touches the widget must be at most 15 KB gzip; the widget's own code, strings
// and styles at most 25 KB; and everything with the checker module at most 80 KB, by
// either way of embedding, in every language (with that language's engine words). And the
// app's first result (issue 14): the page and module up to the checker's result at most
// 100 KB (the target is 90; tests/browser/first-result.spec.js checks that the list is what
// the browser requests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDir, repoDir } from './module_support.mjs';
import { measureWidget, printWidget, measureFirstResult, printFirstResult, budgets } from '../../cmake/widget-sizes.mjs';

const siteDir = join(buildDir, 'site');
const KB = 1024;
const built = existsSync(join(siteDir, 'widget.js'));
const sizes = built ? measureWidget(siteDir) : null;
const firstResult = built ? measureFirstResult(siteDir) : null;
if (built) {
  printWidget(sizes, relative(repoDir, siteDir) || siteDir);
  printFirstResult(firstResult);
}
const files = (rows) => rows.map((row) => row.file);

test('the widget loads its element up front, and the flow and the checker-only module on first touch', () => {
  assert.ok(built, `no widget.js in ${siteDir}: build the site first`);
  assert.ok(files(sizes.before).includes(sizes.elementFile));
  assert.ok(files(sizes.later).includes('app/checker.js'));
  assert.deepEqual(sizes.moduleFiles, ['twitchcheck-checker.js', 'twitchcheck-checker.wasm', 'engine-words/en.json']);
  assert.deepEqual(sizes.later.slice(-3).map((row) => row.file), sizes.moduleFiles);
  assert.ok(files(sizes.iframe).includes('widget/embed.js') && files(sizes.iframe).includes('twitchcheck-checker.wasm'));
});

test(`what a host page loads before the person touches the widget is at most ${budgets.beforeTouch / KB} KB gzip`, () => {
  assert.ok(sizes.totals.beforeTouch <= budgets.beforeTouch, `${sizes.totals.beforeTouch} bytes gzip`);
});

test(`the widget's own code, strings and styles are at most ${budgets.widgetOwn / KB} KB gzip`, () => {
  assert.ok(sizes.totals.widgetOwn <= budgets.widgetOwn, `${sizes.totals.widgetOwn} bytes gzip`);
});

test(`the custom element with the flow and the checker module is at most ${budgets.inAll / KB} KB gzip in all`, () => {
  assert.ok(sizes.totals.inAll <= budgets.inAll, `${sizes.totals.inAll} bytes gzip`);
});

test(`the iframe page with the flow and the checker module is at most ${budgets.inAll / KB} KB gzip in all`, () => {
  assert.ok(sizes.totals.iframe <= budgets.inAll, `${sizes.totals.iframe} bytes gzip`);
});

test(`in every language, the widget with that language's engine words is at most ${budgets.inAll / KB} KB gzip in all`, () => {
  assert.deepEqual(sizes.languages.map((l) => l.lang), ['de', 'en', 'es', 'fr']);
  for (const l of sizes.languages) {
    assert.ok(l.inAll <= budgets.inAll, `${l.lang}: ${l.inAll} bytes gzip (custom element)`);
    assert.ok(l.iframe <= budgets.inAll, `${l.lang}: ${l.iframe} bytes gzip (iframe)`);
  }
});

test('the app\'s checker screen runs on the checker-only module, not the full one', () => {
  const files = firstResult.files.map((row) => row.file);
  assert.deepEqual(files.slice(-3), ['twitchcheck-checker.js', 'twitchcheck-checker.wasm', 'engine-words/en.json']);
  assert.ok(files.includes('app/checker.js'));
  assert.ok(!files.includes('twitchcheck.wasm') && !files.includes('twitchcheck.js'));
});

test(`the app's page and module up to the checker's first result are at most ${budgets.firstResult / KB} KB gzip`, () => {
  assert.ok(firstResult.total <= budgets.firstResult, `${firstResult.total} bytes gzip`);
});
