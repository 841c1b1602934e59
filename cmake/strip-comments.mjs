// The site's JavaScript is shipped without its comment lines: the source keeps every
// comment, the copy a browser downloads leaves out each line that is nothing but a `//`
// comment (about 30% of the widget's gzip bytes; docs/decisions.md). Nothing else changes:
// no renaming, no joining of files, each module stays as written, line for line but the
// comments. A line inside a template literal or a block comment is never touched.
//
//   node cmake/strip-comments.mjs FILE...   (rewrites each file in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Where each line starts: true when it starts in plain code (not inside a template
// literal, a block comment or a string). Strings, regular expressions, template literals
// with their ${} parts and comments are followed so that a backtick or a slash inside
// them is not taken for code.
function codeAtLineStarts(source) {
  const starts = [true];
  const stack = []; // what each open { or template belongs to: 'brace', 'template' (a ${), 'literal'
  let state = 'code'; // code | line | block | single | double | template | regex | class
  let previous = ''; // the last significant character of code, to tell a regex from a division
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '\n') {
      if (state === 'line') state = 'code';
      starts.push(state === 'code');
      continue;
    }
    switch (state) {
      case 'line':
        break;
      case 'block':
        if (c === '*' && next === '/') { state = 'code'; i += 1; }
        break;
      case 'single':
      case 'double':
        if (c === '\\') i += 1;
        else if ((state === 'single' && c === "'") || (state === 'double' && c === '"')) { state = 'code'; previous = 'x'; }
        break;
      case 'regex':
        if (c === '\\') i += 1;
        else if (c === '[') state = 'class';
        else if (c === '/') { state = 'code'; previous = 'x'; }
        break;
      case 'class':
        if (c === '\\') i += 1;
        else if (c === ']') state = 'regex';
        break;
      case 'template':
        if (c === '\\') i += 1;
        else if (c === '`') { stack.pop(); state = 'code'; previous = 'x'; }
        else if (c === '$' && next === '{') { stack.push('template'); state = 'code'; i += 1; previous = '('; }
        break;
      default: // code
        if (c === '/' && next === '/') state = 'line';
        else if (c === '/' && next === '*') { state = 'block'; i += 1; }
        else if (c === "'") state = 'single';
        else if (c === '"') state = 'double';
        else if (c === '`') { state = 'template'; stack.push('literal'); }
        else if (c === '/') {
          // A regex where an expression may start; else a division.
          if (previous === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(previous) || /\b(return|typeof|case|in|of|void|await|yield)$/.test(source.slice(Math.max(0, i - 8), i).trimEnd())) state = 'regex';
          else previous = '/';
        } else if (c === '{') { stack.push('brace'); previous = c; }
        else if (c === '}') {
          const open = stack.pop();
          if (open === 'template') state = 'template';
          previous = c;
        } else if (!/\s/.test(c)) previous = c;
    }
  }
  return starts;
}

// `source` less every line that holds only a `//` comment and starts in plain code.
export function stripCommentLines(source) {
  const lines = source.split('\n');
  const code = codeAtLineStarts(source);
  return lines.filter((line, i) => !(code[i] && /^\s*\/\//.test(line))).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) writeFileSync(file, stripCommentLines(readFileSync(file, 'utf8')));
}
