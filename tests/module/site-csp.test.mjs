// Every HTML page the site ships carries the app's strict Content Security Policy as its
// first policy, and the site holds no demo host (issue 24: the demo page, with no policy,
// let a link run any script on the site's origin; it is built apart, in build/demo).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDir } from './module_support.mjs';

const siteDir = join(buildDir, 'site');
const strict = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "object-src 'none'; base-uri 'none'; form-action 'self'";

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return /\.html?$/i.test(entry.name) ? [full] : [];
  });
}

test('every .html in build/site carries the strict CSP, in a <meta> before any script or link', () => {
  const pages = htmlFiles(siteDir).map((file) => relative(siteDir, file)).sort();
  assert.deepEqual(pages, ['embed.html', 'index.html']);
  for (const page of pages) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]);
    assert.deepEqual(policies, [strict], page);
    const at = html.indexOf('http-equiv="Content-Security-Policy"');
    const firstLoad = html.search(/<(script|link|style)\b/);
    assert.ok(firstLoad === -1 || at < firstLoad, `${page}: the policy comes before the first script, link or style`);
  }
});

test('the site holds no demo host page: it is built apart, in build/demo', () => {
  assert.equal(existsSync(join(siteDir, 'demo')), false);
  assert.equal(existsSync(join(buildDir, 'demo', 'host.html')), true);
  const demo = readFileSync(join(buildDir, 'demo', 'host.html'), 'utf8');
  assert.match(demo, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'[^"]*'wasm-unsafe-eval';/);
});
