// The widget's size budget (issue 6), measured on the built site by cmake/widget-sizes.mjs
// (the same code the build runs to print the table): what a host page loads before the
// person touches the widget must be at most 15 KB gzip; the widget's own code, strings
// and styles at most 27 KB; and everything with the checker module at most 82 KB, by
// either way of embedding, in every language (the widget fetches its own language's words
// only). And the app's first result (issue 14): the page, its words and the module up to
// the checker's result at most 100 KB in every language (the target is 90;
// tests/browser/first-result.spec.js checks that the list is what the browser requests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDir, repoDir } from './module_support.mjs';
import {
  measureWidget, printWidget, measureWidgetLanguages, printWidgetLanguages, measureFirstResult, printFirstResult,
  siteLanguages, budgets,
} from '../../cmake/widget-sizes.mjs';

const siteDir = join(buildDir, 'site');
const KB = 1024;
const built = existsSync(join(siteDir, 'widget.js'));
const sizes = built ? measureWidget(siteDir) : null;
const languages = built ? measureWidgetLanguages(siteDir) : [];
const firstResults = built ? siteLanguages(siteDir).map((tag) => measureFirstResult(siteDir, tag)) : [];
if (built) {
  printWidget(sizes, relative(repoDir, siteDir) || siteDir);
  printFirstResult(firstResults[0]);
  printWidgetLanguages(languages, firstResults);
}
const files = (rows) => rows.map((row) => row.file);

test('the widget loads its element up front, and the flow and the checker-only module on first touch', () => {
  assert.ok(built, `no widget.js in ${siteDir}: build the site first`);
  assert.ok(files(sizes.before).includes(sizes.elementFile));
  assert.ok(files(sizes.later).includes('app/checker/checker.js'));
  assert.deepEqual(sizes.moduleFiles, ['twitchcheck-checker.js', 'twitchcheck-checker.wasm']);
  assert.deepEqual(sizes.later.slice(-2).map((row) => row.file), sizes.moduleFiles);
  assert.ok(files(sizes.iframe).includes('widget/embed.js') && files(sizes.iframe).includes('twitchcheck-checker.wasm'));
});

for (const { tag, totals } of languages) {
  test(`what a host page loads before the person touches the widget is at most ${budgets.beforeTouch / KB} KB gzip (${tag})`, () => {
    assert.ok(totals.beforeTouch <= budgets.beforeTouch, `${totals.beforeTouch} bytes gzip`);
  });

  test(`the widget's own code, strings and styles are at most ${budgets.widgetOwn / KB} KB gzip (${tag})`, () => {
    assert.ok(totals.widgetOwn <= budgets.widgetOwn, `${totals.widgetOwn} bytes gzip`);
  });

  test(`the custom element with the flow and the checker module is at most ${budgets.inAll / KB} KB gzip in all (${tag})`, () => {
    assert.ok(totals.inAll <= budgets.inAll, `${totals.inAll} bytes gzip`);
  });

  test(`the iframe page with the flow and the checker module is at most ${budgets.inAll / KB} KB gzip in all (${tag})`, () => {
    assert.ok(totals.iframe <= budgets.inAll, `${totals.iframe} bytes gzip`);
  });
}

test('the app\'s checker screen runs on the checker-only module, not the full one', () => {
  const files = firstResults[0].files.map((row) => row.file);
  assert.deepEqual(files.slice(-2), ['twitchcheck-checker.js', 'twitchcheck-checker.wasm']);
  assert.ok(files.includes('app/checker/checker.js'));
  assert.ok(!files.includes('twitchcheck.wasm') && !files.includes('twitchcheck.js'));
});

for (const { tag, total } of firstResults) {
  test(`the app's page, words and module up to the checker's first result are at most ${budgets.firstResult / KB} KB gzip (${tag})`, () => {
    assert.ok(total <= budgets.firstResult, `${total} bytes gzip`);
  });
}
