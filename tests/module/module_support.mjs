// Loading the built WebAssembly module and running the native CLI, for tests and benches.
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoDir = join(here, '..', '..');
export const buildDir = process.env.TWITCHCHECK_BUILD_DIR ?? join(repoDir, 'build');
export const sharedDir = process.env.TWITCHCHECK_SHARED_DIR ?? join(repoDir, '..', 'shared');
export const cliPath = join(buildDir, 'native', 'twitchcheck');

export async function loadModule() {
  const require = createRequire(import.meta.url);
  const factory = require(join(buildDir, 'site', 'twitchcheck.js'));
  return factory({ wasmBinary: readFileSync(join(buildDir, 'site', 'twitchcheck.wasm')) });
}

// The widget's checker-only module. It is built for browsers only (no Node glue), so its
// classic script runs in a fresh context, as a page would run it, given its wasm bytes
// and, as a page's fetch would, the checker words of one language (English by default).
// (`words: null`: none, as a page whose fetch fails.)
export async function loadCheckerModule({ lang = 'en', words } = {}) {
  const context = vm.createContext({ WebAssembly, TextDecoder, console });
  vm.runInContext(readFileSync(join(buildDir, 'site', 'twitchcheck-checker.js'), 'utf8'), context);
  const factory = context.createTwitchCheckChecker;
  return factory({
    wasmBinary: readFileSync(join(buildDir, 'site', 'twitchcheck-checker.wasm')),
    words: words === undefined ? readFileSync(join(buildDir, 'site', 'engine-words', `${lang}.json`), 'utf8') : words,
  });
}

// Runs the CLI with `args`, feeding `input` on standard input.
export function cli(args, input = '') {
  const run = spawnSync(cliPath, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function sharedJsonFiles(folder) {
  const dir = join(sharedDir, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, path: join(dir, name), json: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}
