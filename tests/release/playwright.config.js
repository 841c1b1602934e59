// The release's browser tests (release.spec.js): the site archive served by a plain static
// server, and the npm package inside a new Vite and a new webpack 5 project. Chromium from
// Debian, as tests/browser; one worker (each test builds or serves its own copy).
const { defineConfig } = require("@playwright/test");

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: /\.spec\.js$/,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 900_000, // npm install and a bundler build on a busy 2-core machine
  expect: { timeout: 20_000 },
  reporter: [["list"], ["../browser/count-reporter.js"]],
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: process.env.TWITCHCHECK_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
