// Debian's Chromium as every Playwright config here launches it (no browser download):
// tests/browser (playwright.config.js) and the release's tests (tests/release).
module.exports = {
  browserName: "chromium",
  headless: true,
  launchOptions: {
    executablePath: process.env.TWITCHCHECK_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};
