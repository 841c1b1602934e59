// One version for the project: CMake's project(VERSION) is the source, and every other
// place that says a version says the same (the About line and the widget's `version`
// property read build/site/version.js; the browser tests check them on screen). Also the
// licence and the third-party notices the site carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildDir, repoDir, cli } from './module_support.mjs';

const read = (...parts) => readFileSync(join(...parts), 'utf8');
const version = /^project\(twitchcheck VERSION (\S+) /m.exec(read(repoDir, 'CMakeLists.txt'))?.[1];

test('the project version is semantic versioning (MAJOR.MINOR.PATCH)', () => {
  assert.match(version, /^\d+\.\d+\.\d+$/);
});

test('both package.json files, the lock file, the CLI, the site and the service worker\'s cache name say the project version', () => {
  assert.equal(JSON.parse(read(repoDir, 'package.json')).version, version, 'package.json');
  const lock = JSON.parse(read(repoDir, 'package-lock.json'));
  assert.equal(lock.version, version, 'package-lock.json');
  assert.equal(lock.packages[''].version, version, 'package-lock.json packages[""]');
  assert.equal(JSON.parse(read(repoDir, 'packages', 'twitchcheck', 'package.json')).version, version, 'packages/twitchcheck/package.json');
  const rules = JSON.parse(cli(['rules']).stdout).version;
  const run = cli(['--version']);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, `twitchcheck ${version} (rules ${rules})\n`);
  // The About line and the widget's version property read this module.
  assert.equal(read(buildDir, 'site', 'version.js').split('\n').find((line) => line.startsWith('export')), `export const version = "${version}";`);
  // The service worker's cache: twitchcheck-<version>-<content hash>.
  const precache = /version: "([^"]+)"/.exec(read(buildDir, 'site', 'precache.js'))[1];
  assert.match(precache, new RegExp(`^${version.replace(/\./g, '\\.')}-[0-9a-f]{12}$`));
  assert.match(read(buildDir, 'site', 'sw.js'), /const CACHE = `twitchcheck-\$\{version\}`;/);
});

test('CHANGELOG.md has a section for the project version, and an Unreleased one above it', () => {
  const headings = read(repoDir, 'CHANGELOG.md').split('\n').filter((line) => line.startsWith('## ['));
  assert.equal(headings[0], '## [Unreleased]');
  assert.match(headings[1], new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`));
});

test('the licence is Apache-2.0 in the repository, both package.json files and the site', () => {
  const licence = read(repoDir, 'LICENSE');
  assert.match(licence, /^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
  if (existsSync('/usr/share/common-licenses/Apache-2.0')) assert.equal(licence, readFileSync('/usr/share/common-licenses/Apache-2.0', 'utf8'));
  assert.equal(JSON.parse(read(repoDir, 'package.json')).license, 'Apache-2.0');
  assert.equal(JSON.parse(read(repoDir, 'packages', 'twitchcheck', 'package.json')).license, 'Apache-2.0');
  assert.equal(read(buildDir, 'site', 'LICENSE.txt'), licence);
  assert.equal(read(buildDir, 'site', 'THIRD-PARTY-NOTICES.txt'), read(repoDir, 'THIRD-PARTY-NOTICES'));
});

// The notices are copied from the installed packages' copyright files; written again here,
// they must be the same (else a package changed, and the file must be written anew).
const debianCopyright = ['emscripten', 'nlohmann-json3-dev'].every((pkg) => existsSync(`/usr/share/doc/${pkg}/copyright`));
test('THIRD-PARTY-NOTICES is what cmake/third-party-notices.mjs writes from the installed packages', { skip: !debianCopyright && 'no Debian copyright files here' }, () => {
  const run = spawnSync(process.execPath, [join(repoDir, 'cmake', 'third-party-notices.mjs')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, read(repoDir, 'THIRD-PARTY-NOTICES'));
  for (const part of ['nlohmann/json', 'Emscripten', 'musl', 'dlmalloc', 'libc++ ', 'libc++abi', 'compiler-rt']) {
    assert.ok(run.stdout.includes(part), part);
  }
});
