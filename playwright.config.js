// Browser tests: Playwright with Debian's Chromium (no browser download), against the
// built site served as static files over localhost. ctest sets TWITCHCHECK_SITE_DIR.
const path = require("node:path");
const { defineConfig } = require("@playwright/test");
const chromium = require("./tests/browser/chromium.js");

const siteDir = path.resolve(__dirname, process.env.TWITCHCHECK_SITE_DIR ?? "build/site");
const port = Number(process.env.TWITCHCHECK_TEST_PORT ?? 8731);

module.exports = defineConfig({
  testDir: "tests/browser",
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000, // the machines running CI are shared and often busy
  expect: { timeout: 10_000 },
  reporter: [["list"], ["./tests/browser/count-reporter.js"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...chromium,
  },
  webServer: [
    {
      command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory "${siteDir}"`,
      url: `http://127.0.0.1:${port}/index.html`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
    },
  ],
  metadata: { siteDir },
});
