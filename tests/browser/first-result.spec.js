// The first result (issue 14): the checker screen runs on the checker-only module and the
// journal screens on the full one; what a first visit downloads from opening the page to
// the checker's result, measured here (service workers blocked) and compared file by file
// with the size table the build prints (cmake/widget-sizes.mjs, whose budget
// tests/module/widget-size.test.mjs enforces); and both screens offline after one visit.
const path = require('node:path');
const { test: base, expect, vignette } = require('./fixtures.js');
const { loadMessages, levelWords, CheckerDriver } = require('./checker-flow.js');
const { serveSite, copySite } = require('./site-server.js');

const siteDir = path.resolve(__dirname, '../..', process.env.TWITCHCHECK_SITE_DIR ?? 'build/site');
const sizesModule = path.resolve(__dirname, '../../cmake/widget-sizes.mjs');
const KB = 1024;

const test = base.extend({
  // Its own copy of the site on its own port, which the offline test can stop.
  server: async ({}, use) => { // eslint-disable-line no-empty-pattern
    const server = await serveSite(copySite(siteDir), 0);
    await use(server);
    await server.stop();
  },
  allowedOrigins: async ({ server }, use) => use([server.origin]),
});

let m;
test.beforeAll(async () => { m = await loadMessages(); });

const v = vignette('eyelid-few-days');

async function checkToResult(page) {
  await new CheckerDriver(page, m).complete(v.input);
  await expect(page.getByText(`${m.result.levelLabel} ${levelWords[v.expect.level]}`, { exact: true })).toBeVisible();
}

// The site files the page itself asked for ("/" is index.html), in order, without repeats.
function pageFiles(requests, origin) {
  const files = requests.filter((r) => r.startsWith(`GET ${origin}/`))
    .map((r) => new URL(r.slice(4)).pathname.slice(1) || 'index.html');
  return [...new Set(files)];
}

const moduleRequests = (requests) => requests.filter((r) => /\/twitchcheck(-checker)?\.(js|wasm)$/.test(r));

test.describe('with no service worker (a first visit, before anything is cached)', () => {
  test.use({ serviceWorkers: 'block' });

  test('bench: opening the checker and answering it downloads exactly the files the size table counts, at most 100 KB gzip', async ({ page, requests, server }) => {
    const { measureFirstResult, budgets, firstResultTarget } = await import(sizesModule);
    await page.goto(`${server.origin}/#/check`);
    await expect(page.getByRole('heading', { level: 1, name: m.flow.title })).toBeVisible();
    await checkToResult(page);

    const table = measureFirstResult(siteDir);
    const requested = pageFiles(requests, server.origin);
    expect([...requested].sort()).toEqual(table.files.map((row) => row.file).sort());
    console.log('bench first result: opening #/check and answering it, service workers blocked (bytes raw, gzip -9):');
    for (const row of table.files) console.log(`  ${String(row.raw).padStart(8)} ${String(row.gzip).padStart(7)}  ${row.file}`);
    console.log(`  = ${(table.total / KB).toFixed(1)} KB gzip in ${table.files.length} files (target ${firstResultTarget / KB} KB)`);
    expect(table.total).toBeLessThanOrEqual(budgets.firstResult);
  });

  test('the checker screen loads only the checker-only module; a journal screen loads the full module, and Check again runs on it', async ({ page, requests, server }) => {
    const { origin } = server;
    await page.goto(`${origin}/#/check`);
    await checkToResult(page);
    expect(moduleRequests(requests)).toEqual([`GET ${origin}/twitchcheck-checker.js`, `GET ${origin}/twitchcheck-checker.wasm`]);

    await page.getByRole('link', { name: 'Log', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log a twitch' })).toBeVisible();
    const both = [`GET ${origin}/twitchcheck-checker.js`, `GET ${origin}/twitchcheck-checker.wasm`,
      `GET ${origin}/twitchcheck.js`, `GET ${origin}/twitchcheck.wasm`];
    expect(moduleRequests(requests)).toEqual(both);

    // Check again (inside the journal) answers with the full module it already has.
    await page.getByRole('link', { name: 'Check again', exact: true }).click();
    await checkToResult(page);
    await expect(page.getByRole('button', { name: 'Save this result in my journal' })).toBeVisible();
    expect(moduleRequests(requests)).toEqual(both);
  });

  test('a first visit straight to Check again loads only the full module', async ({ page, requests, server }) => {
    const { origin } = server;
    await page.goto(`${origin}/#/recheck`);
    await checkToResult(page);
    expect(moduleRequests(requests)).toEqual([`GET ${origin}/twitchcheck.js`, `GET ${origin}/twitchcheck.wasm`]);
  });
});

test('after one visit to the checker screen, the checker reaches its result and the journal opens with no network', async ({ page, context, server }) => {
  await page.goto(`${server.origin}/#/check`);
  await expect(page.getByRole('heading', { level: 1, name: m.flow.title })).toBeVisible();
  // The service worker has precached every file, both modules included, once it controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await server.stop();
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: m.flow.title })).toBeVisible();
  await checkToResult(page);
  await page.getByRole('link', { name: 'Log', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a twitch' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save twitch' })).toBeEnabled();
});
