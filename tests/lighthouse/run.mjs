// The `lighthouse` ctest: Lighthouse 12 against the built site on localhost, fully offline,
// with Debian's Chromium. Prints the four category scores and fails unless accessibility
// and best practices are 1.00 and performance is at least 0.95 (SEO is printed).
//   TWITCHCHECK_SITE_DIR=build/site node tests/lighthouse/run.mjs [PAGE]
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { throttling } from 'lighthouse/core/config/constants.js';

const here = dirname(fileURLToPath(import.meta.url));
const siteDir = resolve(process.env.TWITCHCHECK_SITE_DIR ?? join(here, '..', '..', 'build', 'site'));
const page = process.argv[2] ?? '/';
const GATES = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Lighthouse's 4x CPU slowdown assumes a host with a benchmark index of about 1,500 (a
// high-end desktop) and lands on a mid-tier phone (about 375). On a slower or busy host it
// would emulate a much slower phone, so the multiplier is calibrated to the host as
// Lighthouse's throttling guide recommends (docs/quality.md).
const TARGET_INDEX = 375;

if (!existsSync(join(siteDir, 'index.html'))) {
  console.error(`lighthouse: no site at ${siteDir} (build first)`);
  process.exit(1);
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the site server did not answer at ${url}`);
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', siteDir],
  { stdio: 'ignore' });
let chrome;
let failed = false;
try {
  await waitForServer(`${origin}/index.html`);
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-default-apps', '--disable-extensions'],
    logLevel: 'silent',
  });
  const url = `${origin}${page}`;
  let multiplier = Number(process.env.TWITCHCHECK_LIGHTHOUSE_CPU ?? 0);
  let benchmarkIndex = null;
  if (!multiplier) {
    // A quick first run (one cheap audit) only to measure the host's benchmark index.
    const probe = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyAudits: ['viewport'] });
    benchmarkIndex = probe.lhr.environment.benchmarkIndex;
    multiplier = Math.min(4, Math.max(1, Math.round((benchmarkIndex / TARGET_INDEX) * 10) / 10));
  }
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: multiplier },
  });
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not run: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const reportFile = join(dirname(siteDir), 'lighthouse-report.json');
  writeFileSync(reportFile, result.report);

  console.log(`Lighthouse ${lhr.lighthouseVersion} on ${url} (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling, `
    + `CPU slowdown ${lhr.configSettings.throttling.cpuSlowdownMultiplier}x for a host benchmark index of ${benchmarkIndex ?? lhr.environment.benchmarkIndex}`
    + `${benchmarkIndex === null ? ', set by TWITCHCHECK_LIGHTHOUSE_CPU' : ''})`);
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    const gate = GATES[id];
    const score = category.score;
    const ok = gate === undefined || (score !== null && score >= gate);
    if (!ok) failed = true;
    console.log(`  ${category.title.padEnd(16)} ${score === null ? ' n/a' : score.toFixed(2)}${gate === undefined ? '' : `  (gate ≥ ${gate.toFixed(2)}) ${ok ? 'ok' : 'FAILED'}`}`);
    // The audits that cost points, so a failure says exactly what to fix.
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative') {
        const detail = audit.displayValue ? ` — ${audit.displayValue}` : '';
        console.log(`      ${audit.id} (score ${audit.score.toFixed(2)}): ${audit.title}${detail}`);
      }
    }
  }
  const foreign = (lhr.audits['network-requests']?.details?.items ?? [])
    .map((item) => item.url).filter((u) => /^(https?|wss?):/.test(u) && new URL(u).origin !== origin);
  if (foreign.length > 0) {
    failed = true;
    console.log(`  requests to other origins: ${foreign.join(', ')}`);
  }
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
  console.log(`  metrics: ${metrics.map((m) => `${m} ${lhr.audits[m]?.displayValue ?? '?'}`).join(', ')}`);
  console.log(`  full report: ${reportFile}`);
} catch (error) {
  failed = true;
  console.error(`lighthouse: ${error.stack ?? error}`);
} finally {
  if (chrome) await chrome.kill();
  server.kill();
}
console.log(`lighthouse: ${failed ? 'FAILED' : 'passed'}`);
process.exit(failed ? 1 : 0);
