// The widget's sizes on a built site (issue 6 budget): what a host page loads before the
// person touches the widget, and everything with the flow and the checker module, for
// both ways (custom element and iframe). The files are found by following the widget's
// own imports, so a new import is counted without editing this file; the module is the
// one the widget's engine names. Run by the build (prints the table) and imported by
// tests/module/widget-size.test.mjs (checks the budgets).
//   node cmake/widget-sizes.mjs SITE_DIR
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
export const budgets = { beforeTouch: 15 * KB, widgetOwn: 25 * KB, inAll: 80 * KB };
const total = (rows) => rows.reduce((sum, row) => sum + row.gzip, 0);

export function measureWidget(siteDir) {
  const read = (rel) => readFileSync(join(siteDir, rel));
  const text = (rel) => read(rel).toString('utf8');
  const sizeOf = (rel) => ({ file: rel, raw: read(rel).length, gzip: gzipSync(read(rel), { level: 9 }).length });

  // Relative module specifiers in `rel`: static imports, and dynamic ones when `dynamic`.
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

  const moduleScript = text('app/engine.js').match(/export function checkerEngineAt[^]*?new URL\("([\w.-]+\.js)"/)[1];
  const moduleFiles = [moduleScript, moduleScript.replace(/\.js$/, '.wasm')];

  // The custom element: widget.js imports define.js by URL; the element names its stylesheets.
  const elementFile = 'widget/twitch-check-element.js';
  const entry = text('widget.js').match(/new URL\("([^"]+\.js)"/)[1];
  const styles = [...text(elementFile).matchAll(/"([\w/-]+\.css)"/g)].map((x) => x[1]);
  const eager = graph([entry], { dynamic: false });
  const before = ['widget.js', ...eager, ...styles].map(sizeOf);
  const later = [...graph([entry], { dynamic: true }).filter((rel) => !eager.includes(rel)), ...moduleFiles].map(sizeOf);

  // The iframe: embed.html, its stylesheets and its module script's graph.
  const page = text('embed.html');
  const pageStyles = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((x) => x[1]);
  const pageScripts = [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map((x) => x[1]);
  const iframe = ['embed.html', ...pageStyles, ...graph(pageScripts, { dynamic: true }), ...moduleFiles].map(sizeOf);

  const totals = {
    beforeTouch: total(before),
    widgetOwn: total(before) + total(later.filter((row) => !moduleFiles.includes(row.file))),
    inAll: total(before) + total(later),
    iframe: total(iframe),
  };
  // Per language: a page in German hands the checker-only module German's words
  // (engine-words/de.json, through addLanguage); English's are built into the module.
  const languages = readdirSync(join(siteDir, 'engine-words')).filter((name) => name.endsWith('.json')).sort()
    .map((name) => {
      const words = name === 'en.json' ? { file: `engine-words/${name}`, raw: 0, gzip: 0 } : sizeOf(`engine-words/${name}`);
      return { lang: name.replace(/\.json$/, ''), words, inAll: totals.inAll + words.gzip, iframe: totals.iframe + words.gzip };
    });
  return { elementFile, moduleFiles, before, later, iframe, totals, languages };
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
  console.log('per language, with its engine words (English\'s are in the module):');
  for (const l of sizes.languages) {
    console.log(`  ${l.lang}: ${String(l.words.gzip).padStart(5)} words; custom element ${kb(l.inAll)}${over(l.inAll, budgets.inAll)}, ` +
      `iframe ${kb(l.iframe)}${over(l.iframe, budgets.inAll)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const siteDir = process.argv[2];
  printWidget(measureWidget(siteDir), siteDir);
}
