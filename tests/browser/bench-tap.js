// Measuring helpers for tests/browser/bench-app.spec.js: tap-to-saved on the Log screen,
// open-to-usable, CPU throttling. They time what a person sees (the status line's text,
// the screen's heading and list), read in the page with performance.now(); nothing in the
// product is instrumented.
const path = require('node:path');

// Today in UTC (the benches run with timezoneId UTC). The benches do not fix the clock:
// Playwright's clock also fakes performance.now() (counted from its install, across
// navigations), which would skew every time measured here.
const TODAY = new Date().toISOString().slice(0, 10);

// A generated journal (tests/bench/journal_generator.mjs) as JSON text.
// `today`: the journal's last day (TODAY by default).
async function journalText(episodes, days = 1100, today = TODAY) {
  const { generateJournal } = await import(path.join(__dirname, '..', 'bench', 'journal_generator.mjs'));
  return generateJournal({ episodes, days, today }).text;
}

// The day before TODAY: a journal that ends there leaves the Log screen's "Today" list to
// the taps being timed, whatever its size (1,100 days of 200,000 twitches put about 180 on
// each day, and a tap's cost follows the rows shown today, not the history).
const YESTERDAY = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);

async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

// Times `taps` presses of "Save twitch": from the click event's timestamp to the moment the
// status line says "Saved: …" (a MutationObserver in the page). A place is chosen before
// each press, outside the timed part.
async function tapToSaved(page, taps) {
  await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save twitch');
    const status = document.querySelector('.tc-log-screen .tc-status');
    const state = { start: 0, times: [] };
    window.benchTaps = state;
    button.addEventListener('click', (event) => { state.start = event.timeStamp; }, { capture: true });
    new MutationObserver(() => {
      if (state.start && status.textContent.startsWith('Saved:')) {
        state.times.push(performance.now() - state.start);
        state.start = 0;
      }
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < taps; i++) {
    await page.getByLabel('Body part').selectOption(i % 2 ? 'neck' : 'tongue');
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await page.waitForFunction((n) => window.benchTaps.times.length === n, i + 1);
  }
  return page.evaluate(() => window.benchTaps.times);
}

// Before any script of the page runs: note the time at which the Log screen is usable
// (its heading, the "Save twitch" button and at least one row of the list are there).
function watchLogUsable(page) {
  return page.addInitScript(() => {
    const check = () => {
      if (window.benchLogUsable) return;
      const screen = document.querySelector('.tc-log-screen');
      if (screen && screen.querySelector('h1') && screen.querySelector('button.tc-primary')
          && screen.querySelector('.tc-entries li')) {
        window.benchLogUsable = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
}

module.exports = { TODAY, YESTERDAY, journalText, throttle, median, fmt, tapToSaved, watchLogUsable };
