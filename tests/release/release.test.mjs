// The release (.ci/release): the same bytes from the same commit, checksums, SRI, what the
// site archives and the npm package hold, and the package's module in Node against the CLI.
// The browser half (the archive served, the widget in Vite and webpack builds) is
// release.spec.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, chmodSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir, cliPath, filesUnder, installPackage, makeRelease, repoDir, run, sharedDir, temp, touchAll, version } from './release_support.mjs';

const repository = 'https://example.org/twitchcheck-test.git';
const first = makeRelease({ env: { TWITCHCHECK_REPOSITORY_URL: repository } });
const siteName = `twitchcheck-${version}-site`;
const shipped = [`${siteName}.tar.gz`, `${siteName}.zip`, `twitchcheck-${version}.tgz`];
const bytes = (dir, name) => readFileSync(join(dir, name));
const sha = (algorithm, data, encoding = 'hex') => createHash(algorithm).update(data).digest(encoding);
const commitTime = Number(process.env.SOURCE_DATE_EPOCH ?? run('git', ['log', '-1', '--format=%ct'], { cwd: repoDir }).trim());
// The site as built, less the demo host (a page for this project's tests, not for sites).
const siteFiles = filesUnder(join(buildDir, 'site')).filter((rel) => !rel.startsWith('demo/'));

test('dist holds exactly the two site archives, the npm package and SHA256SUMS', () => {
  assert.deepEqual(readdirSync(first.dist).sort(), ['SHA256SUMS', ...shipped].sort());
});

test('the release made again from a copy with other file times and modes gives the same bytes', () => {
  const copy = temp('site-copy');
  cpSync(join(buildDir, 'site'), copy, { recursive: true });
  for (const rel of filesUnder(copy)) chmodSync(join(copy, rel), 0o600);
  touchAll(copy, new Date('2001-02-03T04:05:06Z'));
  const second = makeRelease({ siteDir: copy, env: { TWITCHCHECK_REPOSITORY_URL: repository } });
  for (const name of ['SHA256SUMS', ...shipped]) {
    assert.ok(bytes(first.dist, name).equals(bytes(second.dist, name)), `${name} differs between the two releases`);
  }
});

test('SHA256SUMS names the three files with the SHA-256 of their bytes', () => {
  const lines = readFileSync(join(first.dist, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
  assert.deepEqual(lines, shipped.map((name) => `${sha('sha256', bytes(first.dist, name))}  ${name}`));
  // And sha256sum itself agrees.
  assert.match(run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: first.dist }), new RegExp(`${siteName}.zip: OK`));
});

const unpacked = temp('site-archive');
run('tar', ['xzf', join(first.dist, `${siteName}.tar.gz`), '-C', unpacked]);

test('it prints the sha384 integrity (SRI) of widget.js and the two module scripts, as the archive holds them', () => {
  for (const file of ['widget.js', 'twitchcheck-checker.js', 'twitchcheck.js']) {
    const integrity = `sha384-${sha('sha384', readFileSync(join(unpacked, siteName, 'site', file)), 'base64')}`;
    assert.match(first.stdout, new RegExp(`^  ${file.replace('.', '\\.')} +${integrity.replace(/[+/]/g, '\\$&')}$`, 'm'), file);
  }
});

test('the site archives hold the site without the demo host, the embedding guide, licence, notices and changelog', () => {
  const inTar = filesUnder(join(unpacked, siteName));
  assert.deepEqual(inTar, [...['CHANGELOG.md', 'EMBEDDING.md', 'LICENSE', 'THIRD-PARTY-NOTICES'], ...siteFiles.map((rel) => `site/${rel}`)].sort());
  for (const rel of siteFiles) {
    assert.ok(readFileSync(join(unpacked, siteName, 'site', rel)).equals(readFileSync(join(buildDir, 'site', rel))), rel);
  }
  assert.equal(readFileSync(join(unpacked, siteName, 'EMBEDDING.md'), 'utf8'), readFileSync(join(repoDir, 'docs', 'embedding.md'), 'utf8'));
  assert.equal(readFileSync(join(unpacked, siteName, 'LICENSE'), 'utf8'), readFileSync(join(repoDir, 'LICENSE'), 'utf8'));
  // The zip holds the same files, byte for byte.
  const unzipped = temp('site-zip');
  run('unzip', ['-q', join(first.dist, `${siteName}.zip`), '-d', unzipped]);
  assert.deepEqual(filesUnder(join(unzipped, siteName)), inTar);
  for (const rel of inTar) assert.ok(readFileSync(join(unzipped, siteName, rel)).equals(readFileSync(join(unpacked, siteName, rel))), rel);
});

test('every entry of the tar archive has owner 0/0, mode 644 or 755 and the commit\'s time', () => {
  const listing = run('tar', ['--numeric-owner', '--full-time', '-tvzf', join(first.dist, `${siteName}.tar.gz`)], { env: { ...process.env, TZ: 'UTC' } })
    .trimEnd().split('\n');
  const when = new Date(commitTime * 1000).toISOString().replace('T', ' ').slice(0, 19);
  assert.ok(listing.length > siteFiles.length);
  for (const line of listing) {
    assert.match(line, /^(-rw-r--r--|drwxr-xr-x) 0\/0 /, line);
    assert.ok(line.includes(` ${when} `), `${line} (expected ${when})`);
  }
});

const pkg = temp('npm-package');
run('tar', ['xzf', join(first.dist, `twitchcheck-${version}.tgz`), '-C', pkg]);
const manifest = JSON.parse(readFileSync(join(pkg, 'package', 'package.json'), 'utf8'));

test('the npm package says its name, version, licence, repository, types, exports and files', () => {
  assert.equal(manifest.name, 'twitchcheck');
  assert.equal(manifest.version, version);
  assert.equal(manifest.license, 'Apache-2.0');
  assert.deepEqual(manifest.repository, { type: 'git', url: repository, directory: 'packages/twitchcheck' });
  assert.equal(manifest.types, './index.d.ts');
  assert.deepEqual(Object.keys(manifest.exports), ['.', './widget', './site/*', './custom-elements.json', './package.json']);
  assert.deepEqual(manifest.exports['.'], { types: './index.d.ts', node: './index.node.mjs', default: './index.browser.mjs' });
  assert.deepEqual(manifest.exports['./widget'], { types: './widget.d.ts', default: './widget.mjs' });
  for (const entry of manifest.files) assert.ok(existsSync(join(pkg, 'package', entry)), entry);
  const elements = JSON.parse(readFileSync(join(pkg, 'package', 'custom-elements.json'), 'utf8'));
  const element = elements.modules[0].declarations[0];
  assert.equal(element.tagName, 'twitch-check');
  assert.deepEqual(element.attributes.map((a) => a.name), ['theme', 'accent', 'lang', 'base', 'share-result']);
  assert.ok(existsSync(join(pkg, 'package', elements.modules[0].path)), elements.modules[0].path);
});

test('npm pack --dry-run lists no test, build or source-only file and no native program', () => {
  const listed = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(pkg, 'package') }))[0].files.map((f) => f.path).sort();
  assert.deepEqual(listed, filesUnder(join(pkg, 'package')).sort());
  const sourceOnly = /(^|\/)(tests?|build[^/]*|core|wasm|cmake|\.ci|demo)\/|CMakeLists\.txt$|\.(cpp|hpp|cmake|mjs\.map|spec\.js|test\.mjs)$/;
  assert.deepEqual(listed.filter((path) => sourceOnly.test(path)), []);
  for (const path of listed) {
    const head = readFileSync(join(pkg, 'package', path)).subarray(0, 4);
    assert.notDeepEqual([...head], [0x7f, 0x45, 0x4c, 0x46], `${path} is a native program`);
  }
  // The whole site is in it (less the demo host), and the licence and notices.
  for (const rel of siteFiles) assert.ok(listed.includes(`site/${rel}`), `site/${rel}`);
  for (const doc of ['LICENSE', 'THIRD-PARTY-NOTICES', 'CHANGELOG.md', 'EMBEDDING.md', 'README.md', 'index.d.ts', 'widget.d.ts']) assert.ok(listed.includes(doc), doc);
});

test('the bundler entry names every file the widget fetches with a literal new URL(…, import.meta.url), and no other module uses import.meta', () => {
  const bundle = join(pkg, 'package', 'bundle');
  const siteFilesModule = readFileSync(join(bundle, 'app', 'site-files.js'), 'utf8');
  const named = [...siteFilesModule.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]).sort();
  const tags = readdirSync(join(buildDir, 'site', 'lang')).filter((tag) => existsSync(join(buildDir, 'site', 'lang', tag, 'checker.json'))).sort();
  assert.deepEqual(named, [
    '../../site/twitchcheck-checker.js', '../../site/twitchcheck-checker.wasm',
    ...tags.map((tag) => `../../site/engine-words/${tag}.json`), ...tags.map((tag) => `../../site/lang/${tag}/checker.json`),
    '../widget-styles.css'].sort());
  for (const rel of filesUnder(bundle).filter((f) => f.endsWith('.js') && f !== 'app/site-files.js')) {
    assert.ok(!readFileSync(join(bundle, rel), 'utf8').includes('import.meta'), rel);
  }
});

test('import { createTwitchCheck } from "twitchcheck" in Node gives the CLI\'s bytes for every vignette in every language', () => {
  const project = temp('node-project');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'node-host', private: true, type: 'module' }));
  installPackage(project, join(first.dist, `twitchcheck-${version}.tgz`));
  const vignettes = readdirSync(join(sharedDir, 'vignettes')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.stringify(JSON.parse(readFileSync(join(sharedDir, 'vignettes', f), 'utf8')).input));
  assert.ok(vignettes.length >= 13);
  const langs = ['en', 'de', 'es', 'fr'];
  writeFileSync(join(project, 'inputs.json'), JSON.stringify(vignettes));
  writeFileSync(join(project, 'check.mjs'), [
    'import { readFileSync } from "node:fs";',
    'import { createTwitchCheck, version } from "twitchcheck";',
    'const tc = await createTwitchCheck();',
    'const inputs = JSON.parse(readFileSync("inputs.json", "utf8"));',
    `const out = { version, rules: tc.rulesVersion(), results: inputs.flatMap((input) => ${JSON.stringify(langs)}.map((lang) => tc.assess(input, lang))) };`,
    'process.stdout.write(JSON.stringify(out));',
  ].join('\n'));
  const out = JSON.parse(run(process.execPath, ['check.mjs'], { cwd: project }));
  assert.equal(out.version, version);
  let i = 0;
  for (const input of vignettes) {
    for (const lang of langs) {
      const native = spawnSync(cliPath, ['assess', '--lang', lang], { input, encoding: 'utf8' });
      assert.equal(native.status, 0);
      assert.equal(out.results[i], native.stdout, `vignette ${Math.floor(i / langs.length) + 1} in ${lang}`);
      i += 1;
    }
  }
  assert.equal(out.rules, JSON.parse(run(cliPath, ['rules'])).version);
});
