// The shape of web/'s JavaScript (issue 21): every file at most 400 lines, no function
// above 80 lines, a comment first that says what the file is for, and no import cycle
// (static imports and import('…') of a literal path). Parsed with acorn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDir = join(repoDir, 'web');
const MAX_LINES = 400;
const MAX_FUNCTION_LINES = 80;

// Every .js file under web/, as a path relative to it with '/' between folders. Nothing
// under web/ is generated (version.js, lang/languages.js and precache.js are written
// into the built site, not here).
function sourceFiles(dir = webDir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.js') ? [relative(webDir, path).split(sep).join('/')] : [];
  }).sort();
}

const parse = (text) => acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', locations: true });

// Calls visit(node) for every node of the tree.
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value.type === 'string') walk(value, visit);
  }
}

// → [{name, line, lines}] for each function (declaration, expression, arrow, method)
// longer than `max` lines.
export function longFunctions(text, max = MAX_FUNCTION_LINES) {
  const out = [];
  walk(parse(text), (node) => {
    if (!/Function/.test(node.type)) return;
    const lines = node.loc.end.line - node.loc.start.line + 1;
    if (lines > max) out.push({ name: node.id?.name ?? '(anonymous)', line: node.loc.start.line, lines });
  });
  return out;
}

// Whether the text opens with a comment (after an optional #! line and blank lines).
export function opensWithComment(text) {
  return /^(#![^\n]*\n)?\s*(\/\/|\/\*)/.test(text);
}

// The relative module paths `text` imports: import and export … from, and import() of a
// string literal (a computed path cannot be followed).
export function importsOf(text) {
  const out = [];
  walk(parse(text), (node) => {
    const source = ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression']
      .includes(node.type) ? node.source : null;
    if (source?.type === 'Literal' && typeof source.value === 'string' && source.value.startsWith('.')) out.push(source.value);
  });
  return out;
}

// → every cycle in the graph {file: [file it imports]}, each as [a, b, …, a], found by a
// depth-first search (each cycle once, from its first file in sorted order).
export function importCycles(graph) {
  const cycles = [];
  const done = new Set();
  const stack = [];
  const onStack = new Set();
  const visit = (file) => {
    stack.push(file);
    onStack.add(file);
    for (const next of graph[file] ?? []) {
      if (onStack.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  for (const file of Object.keys(graph).sort()) if (!done.has(file)) visit(file);
  return cycles;
}

const files = sourceFiles();
const texts = Object.fromEntries(files.map((file) => [file, readFileSync(join(webDir, file), 'utf8')]));

// The import graph among web/'s files (an import of a file built into the site, such as
// version.js, is not an edge: it imports nothing back).
function importGraph() {
  const graph = {};
  for (const file of files) {
    graph[file] = importsOf(texts[file])
      .map((spec) => relative(webDir, resolve(webDir, dirname(file), spec)).split(sep).join('/'))
      .filter((target) => target in texts);
  }
  return graph;
}

test('the checks find what they look for: a long function, a missing first comment, a cycle', () => {
  const body = Array.from({ length: 79 }, (_, i) => `  const x${i} = ${i};`).join('\n');
  assert.deepEqual(longFunctions(`// f\nfunction f() {\n${body}\n}\n`), [{ name: 'f', line: 2, lines: 81 }]);
  assert.deepEqual(longFunctions(`// f\nconst f = () => {\n${body.split('\n').slice(1).join('\n')}\n};\n`), []);
  assert.equal(opensWithComment('import { h } from "./dom.js";\n// later\n'), false);
  assert.equal(opensWithComment('\n/* what this is */\nexport const a = 1;\n'), true);
  assert.deepEqual(importsOf('import a from "./a.js"; export { b } from "../b.js"; import("./c.js"); import(name); import "x";'),
    ['./a.js', '../b.js', './c.js']);
  assert.deepEqual(importCycles({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }), [['a', 'b', 'c', 'a']]);
  assert.deepEqual(importCycles({ a: ['b', 'c'], b: ['c'], c: [] }), []);
});

test('web/ holds the files this test reads: the app, the storage, the widget, the demo host', () => {
  for (const file of ['app/main.js', 'app/storage/journal-store.js', 'app/journal/journal.js', 'app/shared/screens.js',
    'app/checker/checker.js', 'app/journal/log/log.js',
    'widget.js', 'sw.js']) {
    assert.ok(files.includes(file), file);
  }
  assert.ok(files.some((file) => file.startsWith('demo/')), 'web/demo/');
});

test(`no file in web/ is longer than ${MAX_LINES} lines`, () => {
  const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const long = files.filter((file) => lineCount(texts[file]) > MAX_LINES)
    .map((file) => `${file}: ${lineCount(texts[file])} lines`);
  assert.deepEqual(long, []);
});

test(`no function in web/ is longer than ${MAX_FUNCTION_LINES} lines`, () => {
  const long = files
    .flatMap((file) => longFunctions(texts[file]).map((f) => `${file}:${f.line} ${f.name}: ${f.lines} lines`));
  assert.deepEqual(long, []);
});

test('every file in web/ opens with a comment that says what it is for', () => {
  assert.deepEqual(files.filter((file) => !opensWithComment(texts[file])), []);
});

test("no two of web/'s modules import each other, directly or through others", () => {
  const graph = importGraph();
  assert.deepEqual(importCycles(graph).map((cycle) => cycle.join(' → ')), []);
  // The graph is the real one: the entry reaches the journal's store through the screens.
  assert.ok(graph['app/journal/journal.js'].includes('app/storage/journal-store.js'));
  assert.ok(graph['app/main.js'].includes('app/shared/screens.js'));
});
