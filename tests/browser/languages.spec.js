// The app in every language it offers (web/lang/languages.json) and in the pseudo-language
// en-XA (tests only): the language the browser asks for, the picker, ?lang=, the checker
// by mouse and by keyboard reaching English's results, every screen with axe, nothing left
// in English and nothing sideways at 320 px, the printed report on one page, and every
// language offline. One browser context per language walks every screen, to keep the run
// short.
const { test, expect, vignette, expectNoAxeViolations } = require("./fixtures.js");

// Each page load starts a fresh check: the app keeps a check in progress for the tab
// (sessionStorage; checker-walk.spec.js tests that), and these tests run several in one tab.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    try {
      sessionStorage.removeItem("twitchcheck.check");
    } catch {
      // about:blank has no storage of its own
    }
  });
});
const { pageWords, engineWords, pageLanguages, format, CheckerDriver, rulesIn, headlineFor } = require("./checker-flow.js");
const { example, seed } = require("./journal-helpers.js");
const { PSEUDO, servePseudoLanguage, readableTexts, englishLeft, notBracketed, patterns, englishTexts, siteDir } = require("./language-helpers.js");
const { serveSite, copySite } = require("./site-server.js");

const translated = Object.keys(pageLanguages).filter((tag) => tag !== "en");
const localeOf = { de: "de-DE", es: "es-ES", fr: "fr-FR" };
const words = (tag) => ({ m: pageWords(tag, "checker"), jm: pageWords(tag, "journal") });
const english = words("en");

// A month of journal entries, the Insights, Plan and Report screens' worked example.
function sampleJournal() {
  const { journal, today } = example("08-rising-asymmetric-spreading-plan");
  journal.episodes[0].note = "After three coffees and a short night.";
  return { journal, today };
}

async function go(page, hash, query = "") {
  await page.goto(`./${query}#${hash}`);
}

// Visits every view of the app in language `tag` (its words `m`, `jm`), calling
// `look(name)` on each: the checker's steps (one with its message), a result with open
// questions, an emergency result with its closed part opened, every journal screen with a
// month of entries, and the page for an unknown address. `query` keeps the address's
// ?lang= on every visit.
async function everyView(page, tag, { m, jm }, look, query = "") {
  await go(page, "/check", query);
  await expect(page.getByRole("heading", { level: 1, name: m.flow.title })).toBeVisible();
  await page.getByRole("button", { name: m.flow.next, exact: true }).click();
  await expect(page.getByText(m.where.needOne, { exact: true })).toBeVisible();
  await look("checker: the where step with its message");
  const driver = new CheckerDriver(page, m, { language: tag, onStep: (step) => look(`checker: ${step}`) });
  await driver.complete(vignette("partly-answered").input, { findingAnswers: { spreading: m.answers.notSure } });
  await page.getByRole("button", { name: m.result.startAgain, exact: true }).click();
  // A twitching tongue for three weeks, then a sudden change: an emergency with more in
  // its closed part; then back to the step that asked, its call showing.
  await new CheckerDriver(page, m, { language: tag }).complete({
    schema: "twitchcheck.assessment/1", duration_days: 21, lifestyle_changes_tried: true,
    regions: [{ region: "tongue", side: "midline" }], findings: { sudden_onset_neuro: true }, triggers: [],
  });
  await page.getByText(m.result.alsoTitle, { exact: true }).click();
  await look("checker: the emergency result, its closed part open");
  await page.getByRole("button", { name: m.result.change, exact: true }).click();
  for (let step = 0; step < 3; step += 1) await page.getByRole("button", { name: m.flow.next, exact: true }).click();
  await expect(page.locator(".tc-now-call")).toBeVisible();
  await look("checker: the step of the signs of an emergency, its call showing");

  const { journal, today } = sampleJournal();
  await page.clock.setFixedTime(new Date(`${today}T18:40:00Z`));
  await seed(page, journal, { createdAt: "2024-02-15T10:00:00.000Z" });
  const screens = [["/log", jm.log.title], ["/day", jm.day.title], ["/insights", jm.insights.title], ["/plan", jm.plan.title],
    ["/recheck", jm.recheck.title], ["/report", jm.report.title], ["/settings", jm.settings.title], ["/nowhere", m.app.notFoundTitle]];
  for (const [hash, heading] of screens) {
    await go(page, hash, query);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    if (hash === "/log") await page.locator('.tc-fig-part[data-region="calf"][data-side="left"]').first().click();
    await look(hash);
  }
}

async function noSidewaysScroll(page, where) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${where}: width`).toBeLessThanOrEqual(320);
}

for (const tag of translated) {
  test.describe(`${pageLanguages[tag]} (${tag})`, () => {
    test.use({ locale: localeOf[tag] ?? tag, timezoneId: "UTC" });
    const { m, jm } = words(tag);
    const rules = rulesIn(tag);
    const causes = (ids) => ids.map((id) => rules.rules.find((rule) => rule.id === id).cause);

    test(`a browser asking for ${localeOf[tag] ?? tag} gets every screen in ${tag}: axe finds nothing, nothing is left in English, nothing scrolls sideways at 320 px`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width: 320, height: 720 });
      const left = [];
      await everyView(page, tag, { m, jm }, async (name) => {
        await expect(page.locator("html")).toHaveAttribute("lang", tag);
        await expectNoAxeViolations(page, `${name} in ${tag}`);
        left.push(...englishLeft(await readableTexts(page), tag).map((text) => `${name}: ${text}`));
        await noSidewaysScroll(page, name);
      });
      expect(left, "English text on a screen in another language").toEqual([]);
    });

    test(`by mouse, every worked case reaches the same level, reasons and open questions as in English, in ${tag}`, async ({ page }) => {
      test.setTimeout(300_000);
      await go(page, "/check");
      for (const name of ["eyelid-few-days", "eyelid-three-weeks", "eyelid-and-cheek", "calf-after-run", "calf-thumb-month",
        "month-getting-worse", "visible-wasting", "tingling-feet", "spreading-ten-days", "weakness-family",
        "sudden-face-droop", "plan-no-better", "partly-answered"]) {
        const v = vignette(name);
        const driver = new CheckerDriver(page, m, { language: tag });
        await driver.complete(v.input);
        await expect(driver.verdict(v.expect.level)).toBeVisible();
        await expect(page.getByText(headlineFor(m, v.expect), { exact: true })).toBeVisible();
        const urgent = ["emergency", "immediate"].includes(v.expect.level);
        const shown = urgent ? v.expect.fired.filter((id) => rules.rules.find((r) => r.id === id).level === v.expect.level) : v.expect.fired;
        await expect(page.getByRole("region", { name: m.result.whyTitle }).getByRole("heading", { level: 3 })).toHaveText(causes(shown));
        const open = page.getByRole("region", { name: m.result.unansweredTitle });
        if (v.expect.unanswered.length === 0) await expect(open).toHaveCount(0);
        else await expect(open.getByRole("button")).toHaveText(v.expect.unanswered.map((key) => format(m.result.answerThis, { question: m.findingNames[key] })));
        if (!urgent) {
          await expect(page.getByRole("region", { name: m.result.disclaimerTitle })).toContainText(rules.disclaimer);
          // On a result that sends the person to a doctor the tips are for while they wait (issue 23).
          const waiting = ["urgent", "prompt", "consult"].includes(v.expect.level);
          const tips = waiting ? m.result.adviceWaitTitle : m.result.adviceTitle;
          await expect(page.getByRole("region", { name: tips, exact: true }).getByRole("listitem").first()).toBeVisible();
        }
        await page.getByRole("button", { name: m.result.startAgain, exact: true }).click();
      }
    });

    test(`by keyboard only, Tab, Space, arrows and Enter reach the results in ${tag}`, async ({ page }) => {
      test.setTimeout(180_000);
      for (const name of ["spreading-ten-days", "sudden-face-droop"]) {
        const v = vignette(name);
        await page.goto("about:blank");
        await go(page, "/check");
        const driver = new CheckerDriver(page, m, { language: tag, keyboard: true });
        await driver.complete(v.input);
        await expect(driver.verdict(v.expect.level)).toBeVisible();
        await expect(page.getByRole("heading", { name: m.result.title })).toBeFocused();
      }
    });

    test(`the report for a typical month prints on one A4 page in ${tag}`, async ({ page }) => {
      const { journal, today } = sampleJournal();
      await page.clock.setFixedTime(new Date(`${today}T18:40:00Z`));
      await go(page, "/check");
      await seed(page, journal, { createdAt: "2024-02-15T10:00:00.000Z" });
      await go(page, "/report");
      await expect(page.getByRole("heading", { level: 2, name: jm.reportView.title })).toBeVisible();
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    });
  });
}

// Issue 22: the lines the page builds from parts take their order and punctuation from
// each language's file: a link's factor and strength, a place alone (lower case inside a
// line in Spanish and French, as a place with a side), a note's moment, the last saved
// result; and at 320 px the time-of-day meters stay inside their card.
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function patternRe(template, values) {
  const parts = template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) return escapeRe(part);
    return values[name] ? `(?:${values[name].map(escapeRe).join("|")})` : ".+";
  });
  return new RegExp(`^${parts.join("")}$`, "u");
}
const momentOf = {
  de: /^\p{L}+, \d{1,2}\. \p{L}+ \d{4}, \d\d:\d\d Uhr, \p{Lu}/u,
  es: /^\p{L}+, \d{1,2} de \p{L}+ de \d{4}, \d\d:\d\d, \p{Ll}/u,
  fr: /^\p{L}+ \d{1,2} \p{L}+ \d{4} à \d\d:\d\d, \p{Ll}/u,
};
for (const tag of translated) {
  test(`${tag}: lines built from parts follow the language's file; the time-of-day meters fit their card at 320 px`, async ({ browser }) => {
    const context = await browser.newContext({ locale: localeOf[tag], timezoneId: "UTC", viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    const { m, jm } = words(tag);
    const { journal, today } = sampleJournal();
    const check = vignette("calf-after-run");
    journal.assessments = [{ at: `${today}T09:00:00Z`, input: check.input, level: check.expect.level, rules_version: "2" }];
    await page.clock.setFixedTime(new Date(`${today}T18:40:00Z`));
    await go(page, "/check");
    await seed(page, journal, { createdAt: "2024-02-15T10:00:00.000Z" });

    await go(page, "/insights");
    await expect(page.getByRole("heading", { level: 1, name: jm.insights.title })).toBeVisible();
    await expect(page.locator(".tc-link .tc-entry-title").first()).toBeVisible();
    await expect(page.locator(".tc-places li").first()).toBeVisible();
    const link = patternRe(jm.insights.linkTitle, { factor: Object.values(jm.insights.factor), strength: Object.values(jm.insights.strength) });
    const titles = await page.locator(".tc-link .tc-entry-title").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(link);
    const places = await page.locator(".tc-places li").allTextContents();
    expect(places.length).toBeGreaterThan(1);
    for (const place of places) expect(place, "a place starts its line with a capital").toMatch(/^\p{Lu}/u);
    const overflow = await page.locator(".tc-meters").evaluate((list) => {
      const card = list.closest(".tc-card");
      const style = getComputedStyle(card);
      const inner = card.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      return Math.max(...[...list.querySelectorAll("dt, dd, meter")].map((el) => el.getBoundingClientRect().right)) - inner;
    });
    expect(overflow, "the meters end inside the card's padding").toBeLessThanOrEqual(0.5);

    await go(page, "/log");
    await expect(page.locator(".tc-entry-title").first()).toBeVisible();
    const entries = await page.locator(".tc-entry-title").allTextContents();
    expect(entries.length).toBeGreaterThan(0);
    const inLine = tag === "de" ? /· \p{Lu}/u : /· \p{Ll}/u;
    for (const entry of entries) expect(entry).toMatch(inLine);
    expect(entries.some((entry) => entry.endsWith(`· ${jm.placeNames.chest}`)), "the chest, alone, as the language writes a place").toBe(true);

    await go(page, "/report");
    await expect(page.getByRole("heading", { level: 2, name: jm.reportView.title })).toBeVisible();
    await expect(page.locator(".tc-own-words li > p.tc-hint")).toHaveText(momentOf[tag]);

    await go(page, "/recheck");
    await expect(page.locator(".tc-recheck-intro .tc-hint")).toHaveText(patternRe(jm.recheck.savedLevel, { level: [m.levels[check.expect.level].name] }));
    await context.close();
  });
}

test.describe("choosing the language", () => {
  test.use({ locale: "en-US" });
  const other = translated[0] ?? PSEUDO;

  test.beforeEach(async ({ context }) => {
    if (other === PSEUDO) await servePseudoLanguage(context);
  });
  test.use({ serviceWorkers: "block" }); // the pseudo-language's routes answer, not a cache

  test("the picker names every language in itself, remembers the choice, and the page follows it", async ({ page }) => {
    await go(page, "/check");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const picker = page.getByLabel(english.m.app.language, { exact: true });
    const names = await picker.locator("option").evaluateAll((options) => options.map((o) => [o.value, o.lang, o.textContent]));
    expect(names.filter(([tag]) => tag in pageLanguages)).toEqual(Object.entries(pageLanguages).map(([tag, name]) => [tag, tag, name]));
    await expect(picker).toHaveValue("en");

    await picker.selectOption(other);
    const theirs = other === PSEUDO ? null : words(other);
    await expect(page.locator("html")).toHaveAttribute("lang", other);
    if (theirs) await expect(page.getByRole("heading", { level: 1 })).toHaveText(theirs.m.flow.title);
    else await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\[/);
    // Focus is back on the picker after the reload, and the address has no ?lang=.
    await expect(page.locator("#app-language")).toBeFocused();
    expect(new URL(page.url()).searchParams.get("lang")).toBeNull();

    // A new visit, without anything in the address, is in the chosen language.
    await page.goto("about:blank");
    await go(page, "/log");
    await expect(page.locator("html")).toHaveAttribute("lang", other);
    await expect(page.locator("#app-language")).toHaveValue(other);
    if (theirs) await expect(page.getByRole("heading", { level: 1 })).toHaveText(theirs.jm.log.title);
  });

  test("?lang= in the address wins over the remembered choice and the browser's languages, for that visit", async ({ page }) => {
    await go(page, "/check", `?lang=${other}`);
    await expect(page.locator("html")).toHaveAttribute("lang", other);
    await expect(page.locator("#app-language")).toHaveValue(other);
    await go(page, "/check", "?lang=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(english.m.flow.title);
    // A language the app does not have changes nothing.
    await go(page, "/check", "?lang=pt-BR");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test.describe("the browser's languages, matched by their first part", () => {
  for (const [locale, tag] of [["de-AT", "de"], ["es-MX", "es"], ["fr-CA", "fr"], ["pt-BR", "en"], ["en-GB", "en"]]) {
    if (!(tag in pageLanguages)) continue;
    test.describe(locale, () => {
      test.use({ locale });
      test(`a browser asking for ${locale} gets ${tag}`, async ({ page }) => {
        await go(page, "/check");
        await expect(page.locator("html")).toHaveAttribute("lang", tag);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(words(tag).m.flow.title);
        await expect(page.locator("#app-language")).toHaveValue(tag);
      });
    });
  }
});

// The views answered by the app's full module (engineAt()), which has no run-time languages.
const fullModuleViews = ["/recheck", "/report"];

test.describe("the pseudo-language en-XA (every text bracketed and 40% longer)", () => {
  test.use({ locale: "en-US", timezoneId: "UTC", serviceWorkers: "block" });

  test("every text on every screen comes from the words files, and nothing scrolls sideways at 320 px", async ({ page, context }) => {
    test.setTimeout(300_000);
    await servePseudoLanguage(context);
    await page.setViewportSize({ width: 320, height: 720 });
    const left = [];
    const query = `?lang=${PSEUDO}`;
    // The pseudo-language's own words, read from the page as it got them.
    await go(page, "/check", query);
    const served = await page.evaluate(async () => Promise.all(["checker", "journal"].map(async (part) =>
      (await fetch(`lang/en-XA/${part}.json`)).json())));
    // The browser's own month and weekday names (Intl has no en-XA words of its own).
    const calendar = await page.evaluate((tag) => {
      const names = new Set();
      for (let month = 0; month < 12; month += 1) {
        for (const style of ["long", "short"]) names.add(new Date(Date.UTC(2026, month, 1)).toLocaleDateString(tag, { month: style, timeZone: "UTC" }));
      }
      for (let day = 1; day <= 7; day += 1) {
        for (const style of ["long", "short"]) names.add(new Date(Date.UTC(2026, 1, day)).toLocaleDateString(tag, { weekday: style, timeZone: "UTC" }));
      }
      return [...names].sort((a, b) => b.length - a.length);
    }, PSEUDO);
    // The app's full module (the journal screens) has its languages built in and takes
    // none at run time, so its own words stay English in en-XA: the engine's English texts
    // are expected there, and only there (every real language is built in).
    const engineEnglish = patterns(englishTexts.engine);
    const fromEngine = [];
    await everyView(page, PSEUDO, { m: served[0], jm: served[1] }, async (name) => {
      await expect(page.locator("html")).toHaveAttribute("lang", PSEUDO);
      for (const found of notBracketed(await readableTexts(page), calendar)) {
        const engine = fullModuleViews.some((view) => name.startsWith(view)) && engineEnglish.some((e) => e.pattern.test(found.text));
        (engine ? fromEngine : left).push(`${name}: ${found.text} (${found.where})`);
      }
      await noSidewaysScroll(page, name);
    }, query);
    console.log(`en-XA: ${fromEngine.length} texts of the full module left in English:\n  ${fromEngine.join("\n  ")}`);
    expect(left, "text a words file did not give").toEqual([]);
  });
});

// Offline in every language: the service worker caches every language's words, manifest
// and engine words with the first visit. A copy of the site on a server of its own, which
// the test stops (the browser's offline switch alone does not reach the worker's fetches).
const offline = test.extend({
  site: async ({}, use) => { // eslint-disable-line no-empty-pattern
    const server = await serveSite(copySite(siteDir), 0);
    await use(server);
    await server.stop().catch(() => {});
  },
  allowedOrigins: async ({ site }, use) => use([site.origin]),
});

offline.describe("offline", () => {
  offline.use({ locale: "en-US", timezoneId: "UTC" });

  offline("after one visit in English, every language opens with no network: the checker, a journal screen and a result", async ({ page, context, site }) => {
    test.setTimeout(180_000);
    await page.goto(`${site.origin}/#/check`);
    await expect(page.getByRole("heading", { level: 1, name: english.m.flow.title })).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The precache is complete once the worker controls the page (install waits for it).
    await site.stop();
    await context.setOffline(true);
    for (const tag of translated) {
      const { m, jm } = words(tag);
      await page.locator("#app-language").selectOption(tag);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.flow.title);
      await page.goto(`${site.origin}/#/log`);
      await expect(page.getByRole("heading", { level: 1, name: jm.log.title })).toBeVisible();
      await page.goto(`${site.origin}/#/check`);
      const v = vignette("spreading-ten-days");
      await new CheckerDriver(page, m, { language: tag }).complete(v.input);
      await expect(page.getByRole("region", { name: m.result.whyTitle }).getByRole("heading", { level: 3 }))
        .toHaveText(v.expect.fired.map((id) => rulesIn(tag).rules.find((r) => r.id === id).cause));
    }
  });
});
