// The widget's size budget (issue 6), measured on the built site by cmake/widget-sizes.mjs
// (the same code the build runs to print the table): what a host page loads before the
// person touches the widget must be at most 15 KB gzip; the widget's own code, strings
// and styles at most 25 KB; and everything with the checker module at most 80 KB, by
// either way of embedding, in every language (with that language's engine words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDir, repoDir } from './module_support.mjs';
import { measureWidget, printWidget, budgets } from '../../cmake/widget-sizes.mjs';

const siteDir = join(buildDir, 'site');
const KB = 1024;
const built = existsSync(join(siteDir, 'widget.js'));
const sizes = built ? measureWidget(siteDir) : null;
if (built) printWidget(sizes, relative(repoDir, siteDir) || siteDir);
const files = (rows) => rows.map((row) => row.file);

test('the widget loads its element up front, and the flow and the checker-only module on first touch', () => {
  assert.ok(built, `no widget.js in ${siteDir}: build the site first`);
  assert.ok(files(sizes.before).includes(sizes.elementFile));
  assert.ok(files(sizes.later).includes('app/checker.js'));
  assert.deepEqual(sizes.moduleFiles, ['twitchcheck-checker.js', 'twitchcheck-checker.wasm']);
  assert.deepEqual(sizes.later.slice(-2).map((row) => row.file), sizes.moduleFiles);
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
