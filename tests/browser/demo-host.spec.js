// The widget's demo host page (web/demo, build/demo) as a person on a phone reads it
// (issue 23, second walk): after the custom element's result, the page's own log line
// (the result it was told, as JSON) wraps instead of pushing the page sideways.
const path = require("node:path");
const { test: base, expect, vignette } = require("./fixtures.js");
const { loadMessages, CheckerDriver } = require("./checker-flow.js");
const { serveDemo } = require("./site-server.js");

const siteDir = path.resolve(__dirname, "../..", process.env.TWITCHCHECK_SITE_DIR ?? "build/site");

// The demo page on an origin of its own, with its own copy of the site.
const test = base.extend({
  demoServer: [async ({}, use) => { // eslint-disable-line no-empty-pattern
    const server = await serveDemo(siteDir);
    await use(server);
    await server.stop();
  }, { scope: "worker" }],
  allowedOrigins: async ({ demoServer }, use) => use([demoServer.origin]),
});

let m;
test.beforeAll(async () => { m = await loadMessages(); });

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [320, 412]) {
  test(`at ${width} px the demo host page does not scroll sideways after the element's result`, async ({ page, demoServer }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${demoServer.origin}/host.html`);
    const root = page.locator("twitch-check");
    await expect(root.getByRole("button", { name: m.widget.start })).toBeVisible();
    expect(await sideways(page)).toBe(0);
    const driver = new CheckerDriver(page, m, { root });
    await driver.press(root.getByRole("button", { name: m.widget.start }));
    await driver.complete(vignette("eyelid-few-days").input);
    await expect(page.locator("#host-log")).toHaveText('The page was told: {"level":"self_care","rules":["EYELID-BENIGN","SELF-CARE"]}');
    expect(await sideways(page)).toBe(0);
  });
}
