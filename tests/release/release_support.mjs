// Making the release (.ci/release, without building again) from a built site, for the
// release tests. Each call packs into a folder of its own.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoDir = join(here, '..', '..');
export const buildDir = process.env.TWITCHCHECK_BUILD_DIR ?? join(repoDir, 'build');
export const sharedDir = process.env.TWITCHCHECK_SHARED_DIR ?? join(repoDir, '..', 'shared');
export const cliPath = join(buildDir, 'native', 'twitchcheck');

// The project's version, from its one source (CMakeLists.txt).
export const version = /^project\(twitchcheck VERSION (\S+) /m.exec(readFileSync(join(repoDir, 'CMakeLists.txt'), 'utf8'))[1];

export const temp = (name) => mkdtempSync(join(tmpdir(), `twitchcheck-${name}-`));

// Runs .ci/release on `siteDir` (default: the build's site) into a new dist folder.
// Returns { dist, stdout }.
export function makeRelease({ siteDir = join(buildDir, 'site'), env = {} } = {}) {
  const build = temp('release-build');
  cpSync(siteDir, join(build, 'site'), { recursive: true });
  const dist = join(temp('release-dist'), 'dist');
  const run = spawnSync('bash', [join(repoDir, '.ci', 'release')], {
    encoding: 'utf8',
    env: { ...process.env, TWITCHCHECK_RELEASE_NO_BUILD: '1', TWITCHCHECK_BUILD_DIR: build, TWITCHCHECK_DIST_DIR: dist, ...env },
  });
  if (run.status !== 0) throw new Error(`.ci/release failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { dist, stdout: run.stdout, build };
}

// Every file under `dir`, as relative paths in sorted order.
export function filesUnder(dir) {
  const walk = (at) => readdirSync(at).flatMap((name) => {
    const full = join(at, name);
    return statSync(full).isDirectory() ? walk(full) : [full.slice(dir.length + 1)];
  });
  return walk(dir).sort();
}

// Sets every file's and folder's time under `dir` to `when` (a Date).
export function touchAll(dir, when) {
  for (const rel of filesUnder(dir)) utimesSync(join(dir, rel), when, when);
  utimesSync(dir, when, when);
}

// Runs a command; throws with its output when it fails.
export function run(command, args, options = {}) {
  const done = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${done.status}):\n${done.stdout}\n${done.stderr}`);
  return done.stdout;
}

// npm install with no network: the package has no dependencies.
export function installPackage(projectDir, tgz) {
  mkdirSync(projectDir, { recursive: true });
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tgz], { cwd: projectDir });
}
