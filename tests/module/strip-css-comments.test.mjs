// The site's stylesheets ship without their comments (cmake/strip-css-comments.mjs, run
// by web/assemble.cmake): each comment goes, a line that held only a comment goes with it,
// and nothing else changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripCssComments } from '../../cmake/strip-css-comments.mjs';

test('a comment alone on its lines goes with its lines; the rules stay as written', () => {
  const source = '/* The palette. */\n:root {\n  /* a colour,\n     on two lines */\n  --a: #fff;\n}\n';
  assert.equal(stripCssComments(source), ':root {\n  --a: #fff;\n}\n');
});

test('a comment after a declaration goes, and the declaration and its line stay', () => {
  assert.equal(stripCssComments('a { color: red; /* why */\n}\n'), 'a { color: red; \n}\n');
});

test('"/*" inside a quoted string is text, not a comment', () => {
  const source = '.x::before { content: "/* not a comment */"; }\n.y { content: \'a\\\'/*\'; }\n';
  assert.equal(stripCssComments(source), source);
});

test('a comment that is never closed is an error, not a silently cut stylesheet', () => {
  assert.throws(() => stripCssComments('a { color: red; } /* open'), /never closed/);
});
