// The widget's sizes on a built site (issue 6 budget): what a host page loads before the
// person touches the widget, and everything with the flow and the checker module, for
// both ways (custom element and iframe). The files are found by following the widget's
// own imports, so a new import is counted without editing this file; the module is the
// one the widget's engine names. Also the app's first result (issue 14): what a first
// visit to the checker screen downloads up to the checker's result. Run by the build
// (prints the table) and imported by tests/module/widget-size.test.mjs (checks the
// budgets) and tests/browser/first-result.spec.js (checks the list against what the
// browser really requests).
//   node cmake/widget-sizes.mjs SITE_DIR
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
// firstResult: the app's page and module up to the checker's first result (the target is
// 90 KB; the test fails above 100).
export const budgets = { beforeTouch: 15 * KB, widgetOwn: 25 * KB, inAll: 80 * KB, firstResult: 100 * KB };
export const firstResultTarget = 90 * KB;
const total = (rows) => rows.reduce((sum, row) => sum + row.gzip, 0);

// Reading a built site: files, their gzip -9 sizes, and the module graph of its scripts.
function site(siteDir) {
  const read = (rel) => readFileSync(join(siteDir, rel));
  const text = (rel) => read(rel).toString('utf8');
  const sizeOf = (rel) => ({ file: rel, raw: read(rel).length, gzip: gzipSync(read(rel), { level: 9 }).length });

  // Relative module specifiers in `rel`: static imports, and dynamic ones when `dynamic`
  // (only an import() of a literal path: the app's journal screens are imported by a
  // variable, so they count only when the browser test sees them requested).
  const importsOf = (rel, { dynamic }) => {
    const source = text(rel);
    const found = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']/gm)].map((x) => x[1]);
    if (dynamic) found.push(...[...source.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((x) => x[1]));
    return found.map((spec) => posix.normalize(posix.join(posix.dirname(rel), spec)));
  };
  // Every module reachable from `entries` (through import() too when `dynamic`).
  const graph = (entries, { dynamic }) => {
    const seen = new Set();
    const queue = [...entries];
    while (queue.length > 0) {
      const rel = queue.shift();
      if (seen.has(rel)) continue;
      seen.add(rel);
      queue.push(...importsOf(rel, { dynamic }));
    }
    return [...seen];
  };
  // The checker-only module, as engine.js's checkerEngineAt names it (script, then wasm),
  // and the checker words its glue fetches for a page in English (wasm/checker-post.js).
  const moduleScript = text('app/engine.js').match(/export function checkerEngineAt[^]*?new URL\("([\w.-]+\.js)"/)[1];
  const moduleFiles = [moduleScript, moduleScript.replace(/\.js$/, '.wasm'), 'engine-words/en.json'];
  // A page's stylesheets, icon and module scripts, from its markup.
  const pageParts = (rel) => {
    const page = text(rel);
    return {
      styles: [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((x) => x[1]),
      icons: [...page.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((x) => x[1]),
      scripts: [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map((x) => x[1]),
    };
  };
  return { text, sizeOf, graph, moduleFiles, pageParts };
}

export function measureWidget(siteDir) {
  const { text, sizeOf, graph, moduleFiles, pageParts } = site(siteDir);

  // The custom element: widget.js imports define.js by URL; the element names its stylesheets.
  const elementFile = 'widget/twitch-check-element.js';
  const entry = text('widget.js').match(/new URL\("([^"]+\.js)"/)[1];
  const styles = [...text(elementFile).matchAll(/"([\w/-]+\.css)"/g)].map((x) => x[1]);
  const eager = graph([entry], { dynamic: false });
  const before = ['widget.js', ...eager, ...styles].map(sizeOf);
  const later = [...graph([entry], { dynamic: true }).filter((rel) => !eager.includes(rel)), ...moduleFiles].map(sizeOf);

  // The iframe: embed.html, its stylesheets and its module script's graph.
  const embed = pageParts('embed.html');
  const iframe = ['embed.html', ...embed.styles, ...graph(embed.scripts, { dynamic: true }), ...moduleFiles].map(sizeOf);

  const totals = {
    beforeTouch: total(before),
    widgetOwn: total(before) + total(later.filter((row) => !moduleFiles.includes(row.file))),
    inAll: total(before) + total(later),
    iframe: total(iframe),
  };
  // Per language: a page in German has the module fetch German's words (engine-words/de.json)
  // in place of English's.
  const english = sizeOf('engine-words/en.json').gzip;
  const languages = readdirSync(join(siteDir, 'engine-words')).filter((name) => name.endsWith('.json')).sort()
    .map((name) => {
      const words = sizeOf(`engine-words/${name}`);
      const swap = words.gzip - english;
      return { lang: name.replace(/\.json$/, ''), words, inAll: totals.inAll + swap, iframe: totals.iframe + swap };
    });
  return { elementFile, moduleFiles, before, later, iframe, totals, languages };
}

// The app's first result: opening index.html at the checker screen and answering it, with
// no service worker (a first visit's precache runs beside this, in the background): the
// page, its stylesheets and icon, its module graph (static imports, and the checker
// screen's import()), and the checker-only module the screen runs on.
export function measureFirstResult(siteDir) {
  const { sizeOf, graph, moduleFiles, pageParts } = site(siteDir);
  const page = pageParts('index.html');
  const modules = graph(page.scripts, { dynamic: true });
  const files = ['index.html', ...page.styles, ...page.icons, ...modules, ...moduleFiles].map(sizeOf);
  return { files, moduleFiles, total: total(files) };
}

export function printFirstResult(sizes) {
  const line = (row) => `  ${String(row.raw).padStart(8)} ${String(row.gzip).padStart(7)}  ${row.file}`;
  console.log('app, opening the checker screen up to its first result (no service worker):');
  sizes.files.forEach((row) => console.log(line(row)));
  const over = sizes.total > budgets.firstResult ? '  OVER BUDGET' : '';
  console.log(`  = ${(sizes.total / KB).toFixed(1)} KB gzip (target ${firstResultTarget / KB} KB, budget ${budgets.firstResult / KB} KB)${over}`);
}

export function printWidget(sizes, siteDir) {
  const line = (row) => `  ${String(row.raw).padStart(8)} ${String(row.gzip).padStart(7)}  ${row.file}`;
  const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB gzip`;
  const over = (bytes, budget) => (bytes > budget ? '  OVER BUDGET' : '');
  const { beforeTouch, widgetOwn, inAll, iframe } = sizes.totals;
  console.log(`Widget sizes in ${siteDir} (bytes: raw, gzip -9)`);
  console.log('custom element, before the person touches it:');
  sizes.before.forEach((row) => console.log(line(row)));
  console.log(`  = ${kb(beforeTouch)} (budget ${budgets.beforeTouch / KB} KB)${over(beforeTouch, budgets.beforeTouch)}`);
  console.log('custom element, loaded on first touch (the flow and the checker module):');
  sizes.later.forEach((row) => console.log(line(row)));
  console.log(`  = ${kb(widgetOwn)} the widget's own code (budget ${budgets.widgetOwn / KB} KB)${over(widgetOwn, budgets.widgetOwn)}`);
  console.log(`  = ${kb(inAll)} in all (budget ${budgets.inAll / KB} KB)${over(inAll, budgets.inAll)}`);
  console.log('iframe (embed.html), everything:');
  sizes.iframe.forEach((row) => console.log(line(row)));
  console.log(`  = ${kb(iframe)} in all (budget ${budgets.inAll / KB} KB)${over(iframe, budgets.inAll)}`);
  console.log('per language, with its engine words in place of English\'s:');
  for (const l of sizes.languages) {
    console.log(`  ${l.lang}: ${String(l.words.gzip).padStart(5)} words; custom element ${kb(l.inAll)}${over(l.inAll, budgets.inAll)}, ` +
      `iframe ${kb(l.iframe)}${over(l.iframe, budgets.inAll)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const siteDir = process.argv[2];
  printWidget(measureWidget(siteDir), siteDir);
  printFirstResult(measureFirstResult(siteDir));
}
