// The release's browser tests (release.spec.js): the site archive served by a plain static
// server, and the npm package inside a new Vite and a new webpack 5 project. Chromium from
// Debian, as tests/browser; one worker (each test builds or serves its own copy).
const { defineConfig } = require("@playwright/test");
const chromium = require("../browser/chromium.js");

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
    ...chromium,
  },
});
