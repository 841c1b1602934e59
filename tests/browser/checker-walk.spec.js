// The second walk's checker points (issue 23, ../shared/reviews/walk-2026-12-06.md): what
// the result says first when a sign of an emergency is not sure, the self-care part of a
// result that sends the person to a doctor, Back / reload / language switch keeping the
// check (in this tab only), calm words on calm results, the call above "Change my
// answers", the next steps after a calm result, and the Check again screen's heading.
const { test, expect, vignette } = require("./fixtures.js");
const { loadMessages, CheckerDriver, signGroups, format } = require("./checker-flow.js");
const { loadJournalMessages } = require("./checker-steps.js");
const { example, seed, stored } = require("./journal-helpers.js");

let m;
let jm;
test.beforeAll(async () => {
  m = await loadMessages();
  jm = await loadJournalMessages();
});

const sessionKey = "twitchcheck.check";
const question = (page, key) => page.getByRole("group", { name: m.findings[key], exact: true });
const signGroup = (page, group) => page.getByRole("region", { name: m.signs.groups[group], exact: true });
const next = (page) => page.getByRole("button", { name: m.flow.next, exact: true }).click();
const stepHeading = (page, title) => page.getByRole("heading", { name: title, exact: true });

async function openChecker(page) {
  await page.goto("/index.html#/check");
  await expect(page.getByRole("heading", { level: 1, name: m.flow.title })).toBeVisible();
}

// Steps 1 to 3: the calf for `days` days, nothing tried; ends on step 3 ("tried") when
// `stop` is "tried", else on the step of the signs of an emergency.
async function firstSteps(page, { region = "calf", days = 3, stop = "now" } = {}) {
  await page.getByRole("checkbox", { name: m.regions[region], exact: true }).click();
  await next(page);
  await page.getByLabel(m.howLong.daysLabel).fill(String(days));
  await next(page);
  await expect(stepHeading(page, m.tried.title)).toBeVisible();
  if (stop === "tried") return;
  await next(page);
  await expect(stepHeading(page, m.now.title)).toBeFocused();
}

for (const width of [320, 412]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 }, locale: "en-US" });

    // Issue 23 [high]: as the review did it: face, 0 days, "Not sure" to the sudden change
    // and to slurred speech, everything else "No".
    test("\"Not sure\" to the sudden change and to slurred speech: the first thing on screen says to call now, nothing says harmless", async ({ page }) => {
      await openChecker(page);
      await firstSteps(page, { region: "face", days: 0 });
      await question(page, "sudden_onset_neuro").getByRole("radio", { name: m.answers.notSure, exact: true }).click();
      await question(page, "breathing_hard_now").getByRole("radio", { name: m.answers.no, exact: true }).click();
      await next(page);
      for (const group of Object.keys(signGroups)) {
        for (const key of signGroups[group]) {
          const answer = key === "slurred_speech" ? m.answers.notSure : m.answers.no;
          await question(page, key).getByRole("radio", { name: answer, exact: true }).click();
        }
      }
      await next(page);
      await page.getByRole("button", { name: m.flow.seeResult }).click();
      const result = page.getByRole("region", { name: m.result.title });
      await expect(result.getByRole("heading", { level: 1, name: m.result.title })).toBeFocused();
      // Right under the title, and in sight without scrolling: the call to make now.
      const first = result.locator(".tc-result-title + *");
      await expect(first).toHaveClass(/tc-if-true tc-urgent-box tc-level-emergency/);
      await expect(first.locator(".tc-headline")).toHaveText(m.result.ifTrueEmergency);
      await expect(first.getByRole("listitem").first()).toHaveText(m.findingNames.sudden_onset_neuro);
      await expect(first.getByRole("link", { name: "Call 911" })).toBeInViewport();
      await expect(first.locator(".tc-headline")).toBeInViewport();
      await expect(result).not.toContainText("harmless");
      await expect(result.locator(".tc-verdict .tc-headline")).toHaveText(m.result.selfCareIfNone);
    });

    // Issue 23 [medium]: Back, reload and a language switch keep the check, for this tab.
    test("the browser's Back on step 3 goes to step 2 with its answer; a reload and a language switch keep the step and every answer", async ({ page }) => {
      await openChecker(page);
      const before = await page.evaluate(() => Object.keys(localStorage).sort());
      await firstSteps(page, { days: 12, stop: "tried" });
      await page.getByRole("radio", { name: m.answers.yes, exact: true }).first().click();
      await page.goBack();
      await expect(stepHeading(page, m.howLong.title)).toBeVisible();
      await expect(page).toHaveURL(/#\/check$/);
      await expect(page.getByLabel(m.howLong.daysLabel)).toHaveValue("12");
      await page.goBack();
      await expect(stepHeading(page, m.where.title)).toBeVisible();
      await expect(page.getByRole("checkbox", { name: m.regions.calf, exact: true })).toBeChecked();
      await page.goForward();
      await page.goForward();
      await expect(stepHeading(page, m.tried.title)).toBeVisible();
      // The "yes" on step 3 was on screen when Back was pressed: it is kept too.
      await expect(page.getByRole("radio", { name: m.answers.yes, exact: true }).first()).toBeChecked();

      await page.reload();
      await expect(stepHeading(page, m.tried.title)).toBeVisible();
      await expect(page.getByText(m.flow.stepOf.replace("{n}", "3").replace("{total}", "6"), { exact: true })).toBeVisible();
      await expect(page.getByRole("radio", { name: m.answers.yes, exact: true }).first()).toBeChecked();

      const de = await loadMessages("de");
      await page.getByLabel(m.app.language).selectOption("de");
      await expect(page.getByRole("heading", { name: de.tried.title, exact: true })).toBeVisible();
      await expect(page.getByText("Schritt 3 von 6", { exact: true })).toBeVisible();
      await expect(page.getByRole("radio", { name: de.answers.yes, exact: true }).first()).toBeChecked();
      await page.getByRole("button", { name: de.flow.back, exact: true }).click();
      await expect(page.getByLabel(de.howLong.daysLabel)).toHaveValue("12");

      // Kept in this tab only: nothing new in localStorage, one sessionStorage entry.
      const now = await page.evaluate(() => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage) }));
      expect(now.local.filter((key) => !before.includes(key) && key !== "twitchcheck-lang")).toEqual([]);
      expect(now.session).toEqual([sessionKey]);
    });
  });
}

test.describe("the check kept for the tab", () => {
  test.use({ locale: "en-US" });

  test("a reload on the result shows the result again; \"Start again\" and leaving a finished check forget it", async ({ page }) => {
    await openChecker(page);
    await new CheckerDriver(page, m).complete(vignette("calf-after-run").input);
    await expect(page.getByRole("heading", { level: 1, name: m.result.title })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: m.result.title })).toBeVisible();
    await expect(page.getByText(`${m.result.levelLabel} ${m.levels.self_care.name}`, { exact: true })).toBeVisible();
    // The browser's Back from the result goes to the last step, its answers kept.
    await page.goBack();
    await expect(stepHeading(page, m.triggers.title)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: m.triggers.intense_exercise })).toBeChecked();
    await page.goForward();
    await expect(page.getByRole("heading", { level: 1, name: m.result.title })).toBeVisible();

    await page.getByRole("button", { name: m.result.startAgain }).click();
    await expect(page.getByRole("heading", { level: 2, name: m.where.title })).toBeFocused();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), sessionKey)).toBeNull();

    await new CheckerDriver(page, m).complete(vignette("calf-after-run").input);
    await expect(page.getByRole("heading", { level: 1, name: m.result.title })).toBeVisible();
    expect(await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key)).view, sessionKey)).toBe("result");
    await page.getByRole("navigation").getByRole("link", { name: m.nav.log }).click();
    await expect(page).toHaveURL(/#\/log$/);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), sessionKey)).toBeNull();
    await page.getByRole("navigation").getByRole("link", { name: m.nav.check }).click();
    await expect(page.getByRole("heading", { level: 2, name: m.where.title })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: m.regions.calf, exact: true })).not.toBeChecked();
  });

  // Each case in a tab of its own, the value there before the page's first script runs
  // (a reload would first keep what the page shows).
  async function openWith(context, value) {
    const page = await context.newPage();
    await page.addInitScript(([key, text]) => {
      if (location.protocol.startsWith("http")) sessionStorage.setItem(key, text);
    }, [sessionKey, value]);
    await page.goto("/index.html#/check");
    return page;
  }

  test("answers in sessionStorage that this page did not write are ignored, and the check starts afresh", async ({ context }) => {
    let page = await openWith(context, "{not json");
    await expect(page.getByRole("heading", { level: 2, name: m.where.title })).toBeVisible();
    await page.close();
    page = await openWith(context, JSON.stringify({ view: 9, answers: { regions: "calf" } }));
    await expect(page.getByRole("heading", { level: 2, name: m.where.title })).toBeVisible();
    await page.close();
    page = await openWith(context, JSON.stringify({ view: 1, answers: { regions: [["calf", "left"], [3, {}]], days: 5, findings: { weakness: "maybe" } } }));
    await expect(stepHeading(page, m.howLong.title)).toBeVisible();
    await expect(page.getByLabel(m.howLong.daysLabel)).toHaveValue("");
    await page.getByRole("button", { name: m.flow.back, exact: true }).click();
    await expect(page.getByRole("checkbox", { name: m.regions.calf, exact: true })).toBeChecked();
    await expect(page.getByRole("combobox", { name: `${m.where.side} for ${m.regions.calf}` })).toHaveValue("left");
  });
});

// Issue 23 [medium]: within days, a specialist soon, a doctor visit: self-care is what to
// do while waiting, never "for 3 to 4 weeks, then check again".
test.describe("a result that sends the person to a doctor", () => {
  test.use({ locale: "en-US" });
  for (const name of ["tingling-feet", "spreading-ten-days", "eyelid-three-weeks"]) {
    const v = vignette(name);
    test(`${name} (${v.expect.level}): the self-care part is framed as what to do while waiting for the appointment`, async ({ page }) => {
      await openChecker(page);
      await new CheckerDriver(page, m).complete(v.input);
      const result = page.getByRole("region", { name: m.result.title });
      await expect(result.locator(".tc-verdict .tc-level-name")).toHaveText(m.levels[v.expect.level].name);
      const selfCare = result.locator(".tc-rule-self_care");
      await expect(selfCare.locator(".tc-rule-level")).toHaveText("While you wait for your appointment");
      await expect(selfCare).toContainText(`${m.result.whatToDo} Until you see the doctor, the tips below may help. Do not put off the visit to try them first.`);
      await expect(result.getByRole("heading", { level: 2, name: "While you wait for your appointment" })).toBeVisible();
      await expect(result.getByRole("heading", { name: m.result.adviceTitle, exact: true })).toHaveCount(0);
      await expect(result).not.toContainText("3 to 4 weeks");
      await expect(result).not.toContainText("then check again");
    });
  }

  test("a self-care result still says to follow the plan for 3 to 4 weeks, then check again", async ({ page }) => {
    await openChecker(page);
    await new CheckerDriver(page, m).complete(vignette("calf-after-run").input);
    const result = page.getByRole("region", { name: m.result.title });
    await expect(result.locator(".tc-rule-self_care")).toContainText("Follow the five-step self-care plan for 3 to 4 weeks, then check again.");
    await expect(result.getByRole("heading", { level: 2, name: m.result.adviceTitle })).toBeVisible();
  });
});

// Issue 23 [low]: calm words on calm results.
test.describe("the checklist on a calm result", () => {
  test.use({ locale: "en-US" });

  // Weak muscles for 3 days in one calf, every other sign "No": "Book a doctor visit",
  // the one checklist sign sourced to the checklist for help at once.
  const allSigns = ["spreading", "muscle_wasting", "weakness", "weakness_progressive", "asymmetric", "numbness_tingling",
    "coordination_changes", "slurred_speech", "swallowing_difficulty", "family_history", "worsening", "cramps",
    "sudden_onset_neuro", "breathing_hard_now", "breathing_problems", "function_loss", "behaviour_changes", "stiffness", "medicine_suspected"];
  const weakCalf = {
    schema: "twitchcheck.assessment/1", duration_days: 3, lifestyle_changes_tried: false, self_care_weeks: 0,
    regions: [{ region: "calf", side: "left" }],
    findings: Object.fromEntries(allSigns.map((key) => [key, key === "weakness"])), triggers: [],
  };

  test("\"Book a doctor visit\": the checklist's signs and its source are named calmly", async ({ page }) => {
    await openChecker(page);
    await new CheckerDriver(page, m).complete(weakCalf);
    await expect(page.locator(".tc-verdict .tc-level-name")).toHaveText(m.levels.consult.name);
    const why = page.getByRole("region", { name: m.result.whyTitle });
    await expect(why.getByText("Signs from the checklist that fit you: 1 of 6.", { exact: true })).toBeVisible();
    await expect(why).not.toContainText("Warning signs from the checklist");
    await expect(why.locator(".tc-source").filter({ hasText: "Checklist" }).first())
      .toHaveText("Where this comes from: Checklist: signs to tell a doctor about");
    await expect(why).not.toContainText("when to get medical help at once");
  });

  test("\"See a specialist soon\": the checklist keeps its warning words", async ({ page }) => {
    await openChecker(page);
    await new CheckerDriver(page, m).complete(vignette("weakness-family").input);
    const why = page.getByRole("region", { name: m.result.whyTitle });
    await expect(why.getByText("Warning signs from the checklist that fit you: 2 of 6.", { exact: true })).toBeVisible();
  });
});

// Issue 23 [low]: after an emergency or same-day verdict, nothing outshines the call.
test.describe("the ways back on an urgent result are quiet", () => {
  test.use({ locale: "en-US", viewport: { width: 412, height: 800 } });
  for (const [name, level] of [["sudden-face-droop", "emergency"], ["visible-wasting", "immediate"]]) {
    test(`${level}: "Change my answers" and "Start again" are plain outlined buttons; the call is the one filled button`, async ({ page }) => {
      await openChecker(page);
      await new CheckerDriver(page, m).complete(vignette(name).input);
      const result = page.getByRole("region", { name: m.result.title });
      for (const label of [m.result.change, m.result.startAgain]) {
        const button = result.getByRole("button", { name: label, exact: true });
        await expect(button).toHaveClass("tc-secondary");
        expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
      }
      await expect(result.locator(".tc-primary")).toHaveCount(0);
      if (level === "emergency") await expect(result.locator(".tc-verdict").getByRole("link", { name: "Call 911" })).toBeInViewport();
    });
  }

  test("a calm result keeps \"Change my answers\" as its main button", async ({ page }) => {
    await openChecker(page);
    await new CheckerDriver(page, m).complete(vignette("eyelid-three-weeks").input);
    await expect(page.getByRole("button", { name: m.result.change, exact: true })).toHaveClass("tc-primary");
  });
});

// Issue 23 [low]: the app's calm result says what to do next, and can be saved.
test.describe("the next steps after a calm result", () => {
  test.use({ locale: "en-US" });

  test("self-care: links to the plan and the log, and \"Save this check in my journal\" saves it (the journal loads only then)", async ({ page, requests }) => {
    await openChecker(page);
    await new CheckerDriver(page, m).complete(vignette("calf-after-run").input);
    const result = page.getByRole("region", { name: m.result.title });
    await expect(result.getByRole("link", { name: "Start the self-care plan" })).toHaveAttribute("href", "#/plan");
    await expect(result.getByRole("link", { name: "Log a twitch" })).toHaveAttribute("href", "#/log");
    // The next steps sit right under the verdict.
    await expect(result.locator(".tc-verdict + .tc-next")).toHaveCount(1);
    // (The service worker precaches every file, marked apart; the page's own requests count.)
    const journalFiles = (list) => list.filter((r) => !r.startsWith("service-worker ")
      && /\/app\/(journal|store|checker\/save-check)\.js$|\/lang\/en\/journal\.json$|twitchcheck\.wasm$/.test(r));
    expect(journalFiles(requests)).toEqual([]);
    await result.getByRole("button", { name: "Save this check in my journal" }).click();
    await expect(result.getByRole("status").filter({ hasText: jm.recheck.saved })).toHaveText(jm.recheck.saved);
    await expect(result.getByRole("button", { name: "Save this check in my journal" })).toBeDisabled();
    expect(journalFiles(requests).length).toBeGreaterThan(0);
    const doc = await stored(page);
    expect(doc.assessments).toHaveLength(1);
    expect(doc.assessments[0].level).toBe("self_care");
    expect(doc.assessments[0].input.regions).toEqual([{ region: "calf", side: "both" }]);
    // The plan link opens the plan.
    await result.getByRole("link", { name: "Start the self-care plan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: jm.plan.title })).toBeVisible();
  });

  test("a doctor visit: no plan or log links, but the check can be saved", async ({ page }) => {
    await openChecker(page);
    await new CheckerDriver(page, m).complete(vignette("eyelid-three-weeks").input);
    const result = page.getByRole("region", { name: m.result.title });
    await expect(result.getByRole("link", { name: "Start the self-care plan" })).toHaveCount(0);
    await expect(result.getByRole("button", { name: "Save this check in my journal" })).toBeVisible();
  });
});

// Issue 23 [low]: the Check again screen says what it is, and promises nothing it breaks.
test("Check again: its own title is the page heading, no \"nothing is saved\" line, and its intro goes once the result shows", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 800 });
  const { journal, today } = example("10-rising-with-plan");
  await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
  await page.goto("./");
  await seed(page, journal);
  await page.goto("./#/recheck");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(jm.recheck.title);
  await expect(page.getByRole("heading", { level: 1, name: m.flow.title })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(m.flow.introPrivacy);
  await expect(page.getByText(jm.recheck.intro)).toBeVisible();
  for (let step = 1; step <= 3; step++) await next(page);
  for (const radio of await page.getByRole("radio", { name: m.answers.no, exact: true }).all()) await radio.check();
  await next(page);
  for (const none of await page.getByRole("button", { name: m.signs.none, exact: true }).all()) await none.click();
  await next(page);
  await page.getByRole("button", { name: m.flow.seeResult }).click();
  await expect(page.getByRole("heading", { level: 2, name: m.result.title })).toBeFocused();
  await expect(page.getByText(jm.recheck.intro)).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(jm.recheck.title);
  await page.getByRole("button", { name: m.result.change }).click();
  await expect(page.getByText(jm.recheck.intro)).toBeVisible();
});

// The walk of 2026-11-29, still open on 2026-12-06: "In the middle" was offered for parts
// that come in pairs. The checker's side list now offers only the sides a part has.
test("the side list offers left, right and both for a calf or an eyelid, and only the middle for the tongue", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 800 });
  await openChecker(page);
  const sideOptions = async (region) => {
    await page.getByRole("checkbox", { name: m.regions[region], exact: true }).click();
    const select = page.getByRole("combobox", { name: `${m.where.side} ${format(m.where.sideFor, { region: m.regions[region] })}` });
    return { options: await select.locator("option").allTextContents(), value: await select.inputValue() };
  };
  const paired = { options: [m.sides.left, m.sides.right, m.sides.both], value: "both" };
  expect(await sideOptions("calf")).toEqual(paired);
  expect(await sideOptions("eyelid")).toEqual(paired);
  expect(await sideOptions("tongue")).toEqual({ options: [m.sides.midline], value: "midline" });
});
