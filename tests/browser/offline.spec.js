// Offline and updates. Each test serves its own copy of the site on its own port, so it
// can stop the server (Chromium's offline emulation does not cover a service worker's own
// fetches, so setOffline alone could pass by accident) or publish a new version.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./fixtures.js');
const { serveSite, copySite } = require('./site-server.js');

const siteDir = path.resolve(__dirname, '../..', process.env.TWITCHCHECK_SITE_DIR ?? 'build/site');
// Beside the suite's own server (playwright.config.js), so that two suites run at once on
// one machine with different TWITCHCHECK_TEST_PORTs do not take each other's ports.
const basePort = Number(process.env.TWITCHCHECK_TEST_PORT ?? 8731);
const offlinePort = basePort + 10;
const updatePort = basePort + 11;

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function logLeftCalf(page) {
  await page.locator('.tc-fig-part[data-region="calf"][data-side="left"]').first().click();
  await page.getByRole('button', { name: 'Save twitch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();
}

test.describe('offline', () => {
  test.use({ allowedOrigins: [`http://127.0.0.1:${offlinePort}`], timezoneId: 'Europe/Berlin' });

  test('after one visit the app opens with no network, on a reload and in a new tab, and logs a twitch', async ({ page, context }) => {
    const server = await serveSite(copySite(siteDir), offlinePort);
    await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
    await page.goto(`${server.origin}/#/log`);
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await controlled(page);
    await server.stop();
    await context.setOffline(true);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await logLeftCalf(page);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem')).toContainText('08:15 · Left calf or lower leg');

    // A cold start: a new tab, nothing in memory, every file from the cache.
    await page.close();
    const fresh = await context.newPage();
    await fresh.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
    await fresh.goto(`${server.origin}/#/insights`);
    await expect(fresh.locator('.tc-summary')).toHaveText('You logged 1 twitch, on Friday, November 20.');
    await fresh.goto(`${server.origin}/#/check`);
    await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Check your muscle twitches');
  });
});

test.describe('updates', () => {
  test.use({ allowedOrigins: [`http://127.0.0.1:${updatePort}`] });

  test('a new version waits, is announced, and is applied only when the person presses "Update now"', async ({ page, context }) => {
    const dir = copySite(siteDir);
    const server = await serveSite(dir, updatePort);
    await page.goto(`${server.origin}/#/log`);
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await controlled(page);
    const other = await context.newPage();
    await other.goto(`${server.origin}/#/plan`);
    await other.getByRole('heading', { level: 1, name: 'Your self-care plan' }).waitFor();
    await controlled(other);
    await other.evaluate(() => { window.sameDocument = true; });
    const oldCaches = await page.evaluate(() => caches.keys());
    expect(oldCaches).toHaveLength(1);
    await expect(page.getByText('A new version of TwitchCheck is ready.')).toHaveCount(0);

    // Publish a new version: a changed precache list means a changed service worker.
    const precache = path.join(dir, 'precache.js');
    fs.writeFileSync(precache, fs.readFileSync(precache, 'utf8').replace(/version: "[^"]+"/, 'version: "test-new-version"'));
    await page.evaluate(() => { window.sameDocument = true; });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

    await expect(page.getByText('A new version of TwitchCheck is ready.')).toBeVisible();
    // It waits: the old version still runs this page, and nothing reloaded.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null))).toBe(true);
    expect(await page.evaluate(() => window.sameDocument)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([...oldCaches, 'twitchcheck-test-new-version']));

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    expect(await page.evaluate(() => window.sameDocument)).toBeUndefined();
    expect(await page.evaluate(() => caches.keys())).toEqual(['twitchcheck-test-new-version']);
    await expect(page.getByText('A new version of TwitchCheck is ready.')).toHaveCount(0);
    // The other tab is told, and reloads only when its person says so.
    await expect(other.getByText('TwitchCheck was updated in another tab. Reload this page to use the new version.')).toBeVisible();
    expect(await other.evaluate(() => window.sameDocument)).toBe(true);
    await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: 'Reload' }).click()]);
    await other.getByRole('heading', { level: 1, name: 'Your self-care plan' }).waitFor();
    await expect(other.getByText('TwitchCheck was updated in another tab.')).toHaveCount(0);
    await server.stop();
  });
});

test.describe('install', () => {
  test('Chromium finds the app installable: manifest, icons and a service worker that controls the page', async ({ page }) => {
    await page.goto('./#/log');
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // The test profile is incognito-like, which alone blocks installing; nothing of the app does.
    expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
    // The page links its own language's manifest (one per language, the same app).
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest.en.webmanifest');
    const manifest = await (await page.request.get('./manifest.en.webmanifest')).json();
    expect(manifest).toMatchObject({ short_name: 'TwitchCheck', display: 'standalone', start_url: './', id: './', theme_color: '#1f6f6b', lang: 'en' });
    expect(manifest.icons.map((i) => `${i.src} ${i.sizes} ${i.purpose}`)).toEqual([
      'icons/icon.svg any any', 'icons/icon-192.png 192x192 any', 'icons/icon-512.png 512x512 any', 'icons/maskable-512.png 512x512 maskable',
    ]);
    for (const icon of manifest.icons) expect((await page.request.get(`./${icon.src}`)).status()).toBe(200);
  });
});
