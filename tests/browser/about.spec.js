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

test('the About card\'s links open the licence and the third-party notices as text', async ({ page }) => {
  const s = pageWords('en', 'journal').settings;
  await page.goto('./#/settings');
  const about = page.getByRole('region', { name: s.aboutTitle });
  await about.getByRole('link', { name: s.licenceLink }).click();
  await expect(page).toHaveURL(/\/LICENSE\.txt$/);
  await expect(page.locator('body')).toContainText('Apache License');
  await expect(page.locator('body')).toContainText('Version 2.0, January 2004');
  await page.goBack();
  await page.getByRole('region', { name: s.aboutTitle }).getByRole('link', { name: s.noticesLink }).click();
  await expect(page).toHaveURL(/\/THIRD-PARTY-NOTICES\.txt$/);
  await expect(page.locator('body')).toContainText('nlohmann/json');
  await expect(page.locator('body')).toContainText('libc++abi');
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
