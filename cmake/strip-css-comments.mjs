// The site's stylesheets are shipped without their comments, as its JavaScript is
// (strip-comments.mjs): the source keeps every comment; the copy a browser downloads leaves
// out each /* … */ comment (a line that held nothing else goes with it). Nothing else
// changes: no rule, selector or value is touched, and a "/*" inside a quoted string stays.
//
//   node cmake/strip-css-comments.mjs FILE...   (rewrites each file in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `source` without its comments.
export function stripCssComments(source) {
  let out = '';
  let quote = null;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quote) {
      out += c;
      if (c === '\\') out += source[++i] ?? '';
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new Error('a comment that is never closed');
      i = end + 1;
      // A comment alone on its line takes the line with it.
      const lineStart = out.lastIndexOf('\n') + 1;
      if (out.slice(lineStart).trim() === '' && (source[i + 1] === '\n' || i + 1 === source.length)) {
        out = out.slice(0, lineStart);
        i += 1;
      }
    } else {
      out += c;
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) writeFileSync(file, stripCssComments(readFileSync(file, 'utf8')));
}
