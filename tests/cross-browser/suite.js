// The browser tests that run in Firefox and in WebKit (Chromium runs the full Playwright
// suite in tests/browser). Everything is found by role, label and text read from the
// app's messages files, so a change of wording changes the tests with it. Every test
// also fails on a console error, an uncaught exception or a request to an origin other
// than the test servers'.
//
// Run one engine: `node tests/cross-browser/run.js firefox` (or webkit); see run.js.
const fs = require("node:fs");
const path = require("node:path");
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { engines } = require("./engines.js");
const { Scope, until } = require("./page.js");
const { playChecker } = require("./checker.js");
const { serveSite, copySite, serveDemo } = require("../browser/site-server.js");
const { loadMessages, loadJournalMessages, format, levelWords, verdictText, headlineFor } = require("../browser/checker-steps.js");

const root = path.resolve(__dirname, "../..");
const siteDir = path.resolve(root, process.env.TWITCHCHECK_SITE_DIR ?? "build/site");
const sharedDir = path.resolve(root, process.env.TWITCHCHECK_SHARED_DIR ?? "../shared");
const sitePort = Number(process.env.TWITCHCHECK_CROSS_BROWSER_PORT ?? 0); // 0: any free port

const vignettes = fs.readdirSync(path.join(sharedDir, "vignettes")).filter((f) => f.endsWith(".json")).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(sharedDir, "vignettes", f), "utf8")));
const vignette = (name) => vignettes.find((v) => v.name === name);
// The rules the widget's host hears where the page asks fewer questions than the vignette answers.
const heardRules = { "sudden-face-droop": ["SAFETY-SUDDEN", "SELF-CARE"] };
// A rule's cause in the engine's English words (core/lang/en.json).
const english = JSON.parse(fs.readFileSync(path.join(root, "core/lang/en.json"), "utf8"));
const causeOf = (id) => english.checker.rules[id].cause;
// An emergency or same-day result shows only the reasons at its own level; the others
// wait under the closed "Also in your answers" (as tests/browser/checker-flow.js reads it).
const ruleFile = JSON.parse(fs.readFileSync(path.join(root, "core/rules/checker-rules.json"), "utf8"));
const levelOf = (id) => ruleFile.rules.find((rule) => rule.id === id).level;
const shownReasons = ({ level, fired }) =>
  (["emergency", "immediate"].includes(level) ? fired.filter((id) => levelOf(id) === level) : fired);

// Tests an engine skips, by name, with the reason (README lists them). None today: both
// engines run service workers under automation, and both can block storage (Firefox by
// a profile preference, WebKit by MiniBrowser's settings; see firefox.js and webkit.js).
const skips = {
  firefox: {},
  webkit: {},
};

const TEST_TIME = 300_000; // per test: busy, shared 2-core machines

function defineSuite(engineName) {
  const engine = new engines[engineName]();
  let site;
  let m;
  let jm;
  const open = new Set(); // tabs not yet closed

  before(async () => {
    m = await loadMessages();
    jm = await loadJournalMessages();
    site = await serveSite(siteDir, sitePort);
    await engine.start();
    console.log(`${engineName}: site at ${site.origin}`);
  });

  after(async () => {
    for (const tab of open) await tab.close().catch(() => {});
    await engine.stop();
    await site?.stop();
  });

  // TWITCHCHECK_CROSS_ONLY=regex runs only the tests whose names match (by hand, not CI).
  const only = process.env.TWITCHCHECK_CROSS_ONLY ? new RegExp(process.env.TWITCHCHECK_CROSS_ONLY) : null;
  const test = (name, fn) => {
    if (only && !only.test(name)) return;
    const reason = skips[engineName][name];
    it(name, { timeout: TEST_TIME, skip: reason ? `${engineName}: ${reason}` : false }, fn);
  };

  async function newTab(options = {}) {
    const tab = await engine.newTab(options);
    open.add(tab);
    return tab;
  }

  async function closeTab(tab) {
    open.delete(tab);
    await tab.close();
  }

  // Fails on console errors or uncaught exceptions since the last check (but those that
  // match `tolerate`), and on any request to an origin not in `allowed`.
  async function expectQuiet(tab, allowed = [site.origin], tolerate = []) {
    const activity = await tab.takeActivity();
    const problems = activity.problems.filter((p) => !tolerate.some((pattern) => pattern.test(p)));
    const { requests } = activity;
    const foreign = requests.filter((url) => /^(https?|wss?):/.test(url) && !allowed.includes(new URL(url).origin));
    assert.deepEqual(problems, [], "console errors or uncaught exceptions");
    assert.deepEqual(foreign, [], "requests to an origin other than the test servers'");
  }

  // Runs `fn(tab, page)` in a fresh tab (a new, empty profile) that is always closed.
  async function withTab(options, fn) {
    const tab = await newTab(options);
    try {
      await fn(tab, new Scope(tab));
      await expectQuiet(tab, options.allowed, options.tolerate);
    } finally {
      await closeTab(tab);
    }
  }

  // A messages template as a regular expression: each `{slot}` captures its text.
  const templatePattern = (template) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{(\w+)\}/g, (_, slot) => `(?<${slot}>.+?)`)}$`);

  async function openLog(tab, page, origin) {
    await tab.goto(`${origin}/#/log`);
    await logHeading(page).toBeVisible();
  }
  const logHeading = (page) => page.getByRole("heading", { level: 1, name: jm.log.title, exact: true });

  // A copy of the site on a server of its own (the test may stop it, or change the copy),
  // open at the Log screen in a tab once a service worker controls the page.
  async function onOwnServer(fn) {
    const copy = copySite(siteDir);
    const server = await serveSite(copy, 0);
    try {
      await withTab({ allowed: [server.origin] }, async (tab, page) => {
        await openLog(tab, page, server.origin);
        await page.waitForFunction("a service worker controlling the page",
          () => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller));
        await fn({ tab, page, server, copy });
      });
    } finally {
      await server.stop();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }

  // Logs a twitch in the left calf, chosen from the list and the side radios. Returns
  // the place's words as the page shows them ("Left calf or lower leg") and the time from
  // the status line (the page's own clock, e.g. "08:15").
  async function logLeftCalf(page, { stored = true } = {}) {
    await page.getByLabel(jm.log.regionLabel, { exact: true }).selectOption(m.regions.calf);
    await page.getByRole("group", { name: jm.log.sideLegend, exact: true })
      .getByRole("radio", { name: m.sides.left, exact: true }).check();
    const chosen = templatePattern(jm.log.chosen);
    const [chosenLine] = await until(`the choice shown as ${chosen}`,
      () => page.getByText(jm.log.chosen.split("{")[0].trim()).texts(), (texts) => texts.length === 1 && chosen.test(texts[0]));
    const { where } = chosen.exec(chosenLine).groups;
    assert.match(where, new RegExp(m.regions.calf, "i"));
    await page.getByRole("button", { name: jm.log.save, exact: true }).click();
    // Stored: "Saved: …"; kept on the screen only: "Not saved yet: … It stays here on the screen."
    const saved = templatePattern(format(stored ? jm.log.saved : jm.log.notSaved, { where, time: "{time}" }));
    // (The status line's own text, without the "Undo" button inside it.)
    const statusTexts = () => page.getByRole("status").evaluateAll((els) => els.map((el) => {
      const copy = el.cloneNode(true);
      for (const button of copy.querySelectorAll("button")) button.remove();
      return copy.textContent.replace(/\s+/g, " ").trim();
    }));
    const lines = await until(`a status line matching ${saved}`, statusTexts, (texts) => texts.some((t) => saved.test(t)));
    const { time } = saved.exec(lines.find((t) => saved.test(t))).groups;
    assert.match(time, /^\d\d:\d\d$/);
    return { where, time };
  }

  // A logged twitch, by its own "Delete" button, which names its time and place.
  const entry = (page, { where, time }) => page.getByRole("button", { name: format(jm.log.deleteLabel, { time, where }), exact: true });

  // The result as the page shows it: the verdict, the headline, one reason (its cause as
  // a heading) per fired rule, and the questions left open.
  async function expectResult(page, expected) {
    await page.getByText(verdictText(m, expected.level), { exact: true }).toBeVisible();
    await page.getByText(headlineFor(m, expected), { exact: true }).toBeVisible();
    await page.getByRole("region", { name: m.result.whyTitle, exact: true }).getByRole("heading", { level: 3 })
      .toHaveTexts(shownReasons(expected).map(causeOf));
    const unanswered = page.getByRole("region", { name: m.result.unansweredTitle, exact: true });
    if (expected.unanswered.length === 0) await unanswered.toHaveCount(0);
    else {
      await unanswered.getByRole("button").toHaveTexts(
        expected.unanswered.map((key) => format(m.result.answerThis, { question: m.findingNames[key] })));
    }
  }

  // The watch every test relies on really sees what it must fail on, in this engine.
  describe("the watch", () => {
    test("sees a console error, an uncaught exception and a request to another origin", async () => {
      const other = await serveSite(siteDir, 0);
      // The demo host page (built apart from the site) allows the other origin's files.
      const demo = await serveDemo(siteDir, [`${other.origin}/`]);
      const tab = await newTab();
      try {
        await tab.goto(`${demo.origin}/host.html`);
        await new Scope(tab).waitForFunction("the other origin's picture to load", (url) => new Promise((resolve) => {
          console.error("a console error");
          setTimeout(() => { throw new Error("an uncaught exception"); }, 0);
          const img = document.createElement("img");
          img.onload = () => resolve(true);
          img.src = url;
          document.body.append(img);
        }), `${other.origin}/icons/icon.svg`);
        const seen = { problems: [], requests: [] };
        const { problems, requests } = await until("the watch to report all three", async () => {
          const activity = await tab.takeActivity();
          seen.problems.push(...activity.problems);
          seen.requests.push(...activity.requests);
          return seen;
        }, (all) => all.problems.length >= 2 && all.requests.some((url) => url.startsWith(other.origin)));
        assert.deepEqual(problems.map((p) => p.replace(/^(uncaught|console error): (Error: )?/, "")),
          ["a console error", "an uncaught exception"]);
        assert.deepEqual(requests.filter((url) => url.startsWith(other.origin)), [`${other.origin}/icons/icon.svg`]);
      } finally {
        await closeTab(tab);
        await other.stop();
        await demo.stop();
      }
    });
  });

  describe("the checker, every vignette", () => {
    let tab;
    let page;
    before(async () => {
      tab = await newTab();
      page = new Scope(tab);
    });
    after(async () => closeTab(tab));

    for (const v of vignettes) {
      test(`${v.name}: "${v.story}" reaches "${levelWords[v.expect.level]}" with the rules ${v.expect.fired.join(", ")}`, async () => {
        // A fresh check each time: the app keeps the last one for the tab (sessionStorage).
        await tab.evaluate(null, String(() => {
          try {
            sessionStorage.removeItem("twitchcheck.check");
          } catch {
            // not on the site yet
          }
        })).catch(() => {});
        await tab.goto("about:blank"); // a fresh page load each time
        await tab.goto(`${site.origin}/index.html#/check`);
        await page.getByRole("heading", { level: 1, name: m.flow.title, exact: true }).toBeVisible();
        await playChecker(page, m, v.input);
        await expectResult(page, v.expect);
        await expectQuiet(tab);
      });
    }
  });

  describe("the checker, by keyboard only", () => {
    for (const name of ["spreading-ten-days", "sudden-face-droop"]) {
      const v = vignette(name);
      test(`${name}: Tab, Space, arrows, a letter and Enter alone reach "${levelWords[v.expect.level]}", and the focus lands on the result`, () => withTab({}, async (tab, page) => {
        await tab.goto(`${site.origin}/index.html#/check`);
        await page.getByRole("heading", { level: 1, name: m.flow.title, exact: true }).toBeVisible();
        await playChecker(page, m, v.input, { keyboard: true });
        await expectResult(page, v.expect);
        await page.getByRole("heading", { name: m.result.title, exact: true }).toBeFocused();
      }));
    }
  });

  describe("the journal", () => {
    test("a twitch logged from the list is still there after a reload", () => withTab({}, async (tab, page) => {
      await openLog(tab, page, site.origin);
      await page.getByRole("heading", { name: jm.store.memoryTitle, exact: true }).toHaveCount(0);
      const twitch = await logLeftCalf(page);
      await entry(page, twitch).toBeVisible();
      await tab.reload();
      await logHeading(page).toBeVisible();
      await page.getByRole("region", { name: jm.log.todayTitle, exact: true }).getByRole("listitem").toHaveCount(1);
      await entry(page, twitch).toHaveCount(1);
    }));

    // Issue 23: once a part is tapped on the picture, "Save twitch" and the "Chosen" line are
    // on the screen without a scroll, and the bar that holds them covers nothing tapped.
    test("a part tapped on the body picture brings \"Save twitch\" into view, over nothing tapped", () => withTab({}, async (tab, page) => {
      await openLog(tab, page, site.origin);
      const calf = '.tc-log .tc-figure > g:first-of-type .tc-fig-part[data-region="calf"][data-side="left"]';
      // The picture is a pointer shortcut, hidden from assistive technology (aria-hidden).
      await page.narrow({ css: calf, includeHidden: true }).click();
      await page.getByText(format(jm.log.chosen, { where: format(jm.where, { side: jm.sideWords.left, region: jm.placeNames.calf }) }), { exact: true }).toBeVisible();
      const boxes = await until("the save bar to settle at the bottom of the window", () => page.evaluate((selector) => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
        const save = [...document.querySelectorAll(".tc-savebar button")].find((b) => !b.hidden);
        return { save: box(save), chosen: box(document.querySelector(".tc-savebar .tc-chosen")),
          bar: box(document.querySelector(".tc-savebar")), part: box(document.querySelector(selector)), height: innerHeight };
      }, calf), (b) => b.save.top >= 0 && b.save.bottom <= b.height + 0.5 && b.chosen.top >= 0 && b.part.bottom <= b.bar.top + 0.5);
      assert.ok(boxes.chosen.bottom <= boxes.height);
      await page.getByRole("button", { name: jm.log.save, exact: true }).click();
      await page.getByRole("region", { name: jm.log.todayTitle, exact: true }).getByRole("listitem").toHaveCount(1);
    }));

    // Firefox logs a refused service worker registration as an error even though the app
    // handles the refusal (offline.js); nothing else may be logged.
    const refusedWorker = /^uncaught: Failed to register\/update a ServiceWorker for scope .*: Storage access is restricted in this context due to user settings or private browsing mode\.$/;
    test("with storage blocked the app says so, keeps the twitch on screen, and offers a backup", () => withTab({ blockStorage: true, tolerate: engineName === "firefox" ? [refusedWorker] : [] }, async (tab, page) => {
      await openLog(tab, page, site.origin);
      await page.getByRole("heading", { name: jm.store.memoryTitle, exact: true }).toBeVisible();
      const twitch = await logLeftCalf(page, { stored: false });
      await entry(page, twitch).toHaveCount(1);
      await page.getByRole("button", { name: jm.store.downloadBackup, exact: true }).toBeVisible();
      await page.getByRole("navigation").getByRole("link", { name: m.nav.settings, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: jm.settings.title, exact: true }).toBeVisible();
      await page.getByText(jm.settings.unavailable, { exact: true }).toBeVisible();
    }));
  });

  describe("offline", () => {
    test("after one visit the app opens with the server gone, logs a twitch and runs the checker", () => onOwnServer(async ({ tab, page, server }) => {
      // The server stopped halfway: truly offline.
      await server.stop();
      await tab.reload();
      await logHeading(page).toBeVisible();
      const twitch = await logLeftCalf(page);
      await tab.reload();
      await logHeading(page).toBeVisible();
      await entry(page, twitch).toHaveCount(1);
      await page.getByRole("navigation").getByRole("link", { name: m.nav.check, exact: true }).click();
      const v = vignette("eyelid-few-days");
      await playChecker(page, m, v.input);
      await expectResult(page, v.expect);
    }));
  });

  describe("updates", () => {
    test("a new version waits, is announced, and is applied only when the person presses the update button", () => onOwnServer(async ({ page, copy }) => {
      const oldCaches = await page.evaluate(() => caches.keys());
      assert.equal(oldCaches.length, 1);
      await page.getByText(jm.update.ready, { exact: true }).toHaveCount(0);

      // Publish a new version: a changed precache list means a changed service worker.
      const precache = path.join(copy, "precache.js");
      fs.writeFileSync(precache, fs.readFileSync(precache, "utf8").replace(/version: "[^"]+"/, 'version: "test-new-version"'));
      await page.evaluate(() => {
        window.sameDocument = true;
        return navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true);
      });
      await page.getByText(jm.update.ready, { exact: true }).toBeVisible();
      // It waits: the old version still runs this page, and nothing reloaded.
      assert.deepEqual(await page.evaluate(() => navigator.serviceWorker.getRegistration()
        .then((r) => ({ waiting: r.waiting !== null, sameDocument: window.sameDocument }))), { waiting: true, sameDocument: true });

      await page.getByRole("button", { name: jm.update.button, exact: true }).click();
      await page.waitForFunction("the page to reload into the new version",
        () => window.sameDocument === undefined && document.readyState === "complete");
      await logHeading(page).toBeVisible();
      await until("only the new version's cache", () => page.evaluate(() => caches.keys()),
        (keys) => keys.length === 1 && keys[0] === "twitchcheck-test-new-version");
      await page.getByText(jm.update.ready, { exact: true }).toHaveCount(0);
    }));
  });

  describe("the widget on another origin", () => {
    let widget;
    let demo;
    before(async () => {
      // The widget's files on a second origin; CORS as docs/embedding.md asks of hosts.
      widget = await serveSite(siteDir, 0, { "Access-Control-Allow-Origin": "*" });
      // The demo host page on a third, built with the widget's origin as the one it may use.
      demo = await serveDemo(siteDir, [`${widget.origin}/`]);
    });
    after(async () => {
      await widget?.stop();
      await demo?.stop();
    });

    // The demo host page with the widget from the second origin, and a record of what the
    // host hears from the custom element.
    async function openHost(tab) {
      await tab.goto(`${demo.origin}/host.html?widget=${encodeURIComponent(`${widget.origin}/`)}`);
      await new Scope(tab).evaluate(() => {
        window.heard = [];
        addEventListener("twitchcheck:result", (event) => window.heard.push(event.detail));
      });
    }

    for (const name of ["eyelid-few-days", "sudden-face-droop"]) {
      const v = vignette(name);

      test(`custom element: ${name} shows "${levelWords[v.expect.level]}" and the host hears only {level, rules}`, () => withTab({ allowed: [site.origin, widget.origin, demo.origin] }, async (tab, host) => {
        await openHost(tab);
        const element = new Scope(tab, { chain: [{ css: "twitch-check" }] });
        await element.getByRole("button", { name: m.widget.start, exact: true }).click();
        await playChecker(element, m, v.input);
        await element.getByText(verdictText(m, v.expect.level), { exact: true }).toBeVisible();
        await element.getByText(headlineFor(m, v.expect), { exact: true }).toBeVisible();
        const heard = await until("the host to hear the result", () => host.evaluate(() => window.heard), (h) => h.length > 0);
        // A "yes" to a sign of an emergency goes straight to the result: the face droop's
        // slurred speech (asked later) is never asked, so its rule is not among the page's.
        assert.deepEqual(heard, [{ level: v.expect.level, rules: heardRules[name] ?? v.expect.fired }]);
      }));

      test(`iframe: ${name} shows "${levelWords[v.expect.level]}" inside the frame and the host hears nothing of it`, () => withTab({ allowed: [site.origin, widget.origin, demo.origin] }, async (tab, host) => {
        await openHost(tab);
        const frame = new Scope(tab, { frame: [{ css: `iframe[src^="${widget.origin}/embed.html"]` }] });
        await playChecker(frame, m, v.input);
        await frame.getByText(verdictText(m, v.expect.level), { exact: true }).toBeVisible();
        await frame.getByText(headlineFor(m, v.expect), { exact: true }).toBeVisible();
        assert.deepEqual(await host.evaluate(() => window.heard), []);
        // The frame asked for its top to be in view and the host (docs/embedding.md's
        // snippet, in the demo's host.js) scrolled: the result's title is on the screen, in
        // the frame's view and the host's. (Firefox also lets the frame's own scrolling
        // move the host page, so the frame's top itself may be just above.)
        await until("the result's title to be in view on the host page", async () => {
          const { frameTop, viewport } = await host.evaluate(() =>
            ({ frameTop: document.querySelector("iframe").getBoundingClientRect().top, viewport: innerHeight }));
          const inner = await frame.evaluate(() => document.querySelector(".tc-result-title").getBoundingClientRect().top);
          return inner >= 0 && frameTop + inner >= 0 && frameTop + inner < viewport;
        }, (inView) => inView === true);
      }));
    }
  });
}

module.exports = { defineSuite, skips };
