// The project's one version where a person and a host page see it: the About card of the
// Privacy page (the app's version and the rules' own, in every language) with its links
// to the licence and the third-party notices, and the widget's `version` property.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, expectNoAxeViolations } = require('./fixtures.js');
const { pageWords, pageLanguages, format } = require('./checker-flow.js');

const repoDir = path.resolve(__dirname, '../..');
const version = /^project\(twitchcheck VERSION (\S+) /m.exec(fs.readFileSync(path.join(repoDir, 'CMakeLists.txt'), 'utf8'))[1];
const rulesVersion = JSON.parse(fs.readFileSync(path.join(repoDir, 'core', 'rules', 'checker-rules.json'), 'utf8')).version;

for (const tag of Object.keys(pageLanguages)) {
  test(`the Privacy page's About card in ${tag} shows the app's version ${version} and the rules version`, async ({ page }) => {
    const s = pageWords(tag, 'journal').settings;
    await page.goto(`./?lang=${tag}#/settings`);
    await page.getByRole('heading', { level: 1, name: s.title }).waitFor();
    const about = page.getByRole('region', { name: s.aboutTitle });
    await expect(about.locator('.tc-version')).toHaveText(format(s.about, { version, rules: rulesVersion }));
    await expect(about.getByText(s.licence, { exact: true })).toBeVisible();
    await expect(about.getByRole('link', { name: s.licenceLink })).toHaveAttribute('href', 'LICENSE.txt');
    await expect(about.getByRole('link', { name: s.noticesLink })).toHaveAttribute('href', 'THIRD-PARTY-NOTICES.txt');
    if (tag === 'en') await expectNoAxeViolations(page, 'settings with the About card');
  });
}

test('the About card\'s links lead to the licence and the third-party notices, served as text', async ({ page }) => {
  const s = pageWords('en', 'journal').settings;
  await page.goto('./#/settings');
  const about = page.getByRole('region', { name: s.aboutTitle });
  // Fetched rather than opened: a plain text page makes the browser ask for /favicon.ico.
  const open = async (name) => {
    const href = await about.getByRole('link', { name }).evaluate((a) => a.href);
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    return response.text();
  };
  const licence = await open(s.licenceLink);
  expect(licence).toBe(fs.readFileSync(path.join(repoDir, 'LICENSE'), 'utf8'));
  const notices = await open(s.noticesLink);
  expect(notices).toBe(fs.readFileSync(path.join(repoDir, 'THIRD-PARTY-NOTICES'), 'utf8'));
  for (const part of ['nlohmann/json', 'Emscripten', 'musl', 'libc++abi', 'compiler-rt']) expect(notices).toContain(part);
});

test(`the widget element's version property is ${version}`, async ({ page }) => {
  await page.goto('./index.html');
  const got = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.src = 'widget.js';
    document.head.append(script);
    await customElements.whenDefined('twitch-check');
    return document.createElement('twitch-check').version;
  });
  expect(got).toBe(version);
});
