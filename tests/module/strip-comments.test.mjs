// The site's JavaScript ships without its comment lines (cmake/strip-comments.mjs): only
// lines that are nothing but a `//` comment in plain code go; a template literal, a
// string, a regular expression or a block comment keeps every line it has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripCommentLines } from '../../cmake/strip-comments.mjs';

test('a line that is only a // comment goes, with its line break; code and end-of-line comments stay', () => {
  assert.equal(stripCommentLines('// one\nconst a = 1; // two\n  // three\nconst b = a / 2; // four\n'),
    'const a = 1; // two\nconst b = a / 2; // four\n');
});

test('lines inside a template literal stay, even one that looks like a comment, through ${} parts', () => {
  const source = 'const t = `first\n// not a comment\n${a ? `x\n// inner` : {}.b}\n// still text`;\n// gone\nf();\n';
  assert.equal(stripCommentLines(source), 'const t = `first\n// not a comment\n${a ? `x\n// inner` : {}.b}\n// still text`;\nf();\n');
});

test('a block comment, a string and a regular expression with // or a backtick in them change nothing around them', () => {
  const source = [
    '/* a block',
    '// inside the block',
    '*/',
    'const url = "http://example.org/`"; const q = \'`\';',
    'const re = /\\/\\/`[/`]/g, half = x / 2 / y;',
    '// gone',
    'const after = `ok`;',
    '',
  ].join('\n');
  assert.equal(stripCommentLines(source), source.replace('// gone\n', ''));
});
