// Writes the pseudo-language en-XA (tests/module/pseudo_language.cjs) from the engine's
// English file, for language_test.cpp; the Node tests import its functions from here.
//   node tests/module/pseudo_language.mjs core/lang/en.json OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pseudoLanguageModule from './pseudo_language.cjs';

export const { pseudoText, pseudoLanguage, outsideBrackets } = pseudoLanguageModule;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [from, to] = process.argv.slice(2);
  writeFileSync(to, `${JSON.stringify(pseudoLanguage(JSON.parse(readFileSync(from, 'utf8'))), null, 2)}\n`);
}
