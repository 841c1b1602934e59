// The checker's result and the widget as docs/screens shows them (README's "Screens"): each
// view reached by a person's clicks, checked with axe in its size and colour scheme. With
// TWITCHCHECK_SCREENSHOTS=1 the run also writes those screenshots (the journal screens'
// are written by a11y-app.spec.js).
const path = require("node:path");
const { test, expect, vignette, expectNoAxeViolations } = require("./fixtures.js");
const { loadMessages, CheckerDriver, levelWords, headlineFor } = require("./checker-flow.js");
const { serveDemo } = require("./site-server.js");

const shots = process.env.TWITCHCHECK_SCREENSHOTS === "1";
const shotDir = path.resolve(__dirname, "../../docs/screens");

let m;
test.beforeAll(async () => { m = await loadMessages(); });

test.use({ locale: "en-US", timezoneId: "Europe/Berlin" });

const results = [
  ["checker-result", "calf-thumb-month", { width: 900, height: 900 }, "light"],
  ["checker-result-emergency", "sudden-face-droop", { width: 900, height: 900 }, "light"],
  ["checker-result-dark", "weakness-family", { width: 900, height: 900 }, "dark"],
  ["checker-result-narrow", "tingling-feet", { width: 400, height: 800 }, "light"],
];

for (const [file, name, viewport, colorScheme] of results) {
  test(`${file}: the ${name} result at ${viewport.width} px in ${colorScheme} says "${levelWords[vignette(name).expect.level]}" and has no axe violations`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.goto("/index.html#/check");
    await expect(page.getByRole("heading", { level: 1, name: m.flow.title })).toBeVisible();
    await new CheckerDriver(page, m).complete(vignette(name).input);
    const result = page.getByRole("region", { name: m.result.title });
    await expect(result.getByText(headlineFor(m, vignette(name).expect), { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, `${file} result`);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (shots) await page.screenshot({ path: path.join(shotDir, `${file}.png`), fullPage: true });
  });
}

test.describe("the demo host page", () => {
  // The demo host (outside the site), with its own copy of the site.
  let demo;
  test.beforeAll(async () => {
    demo = await serveDemo(path.resolve(__dirname, "../..", process.env.TWITCHCHECK_SITE_DIR ?? "build/site"));
  });
  test.afterAll(async () => demo?.stop());
  test.use({ allowedOrigins: async ({}, use) => use([demo.origin]) }); // eslint-disable-line no-empty-pattern
  test.use({ bypassCSP: true }); // axe-core writes inline styles, which the demo page's policy refuses

test("the widget in a host page: its start card, then an emergency result, with no axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 940, height: 900 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${demo.origin}/host.html`);
  const element = page.locator("twitch-check");
  const start = element.getByRole("button", { name: m.widget.start });
  await expect(start).toBeVisible();
  await expectNoAxeViolations(page, "widget start card", "twitch-check"); // the widget, not the demo host
  if (shots) await element.screenshot({ path: path.join(shotDir, "widget-start-card.png") });
  await start.click();
  const v = vignette("sudden-face-droop");
  await new CheckerDriver(page, m, { root: element }).complete(v.input);
  await expect(element.getByText(headlineFor(m, v.expect), { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "widget emergency result", "twitch-check");
  await page.setViewportSize({ width: 600, height: 900 });
  if (shots) await element.screenshot({ path: path.join(shotDir, "widget-result.png") });
});
});
