// Proof that the zero-third-party-traffic guard works: every spec takes `test` from the
// shared fixture (so every page is watched), the fixture sees a request the page makes to
// another origin, and such a request fails the test. No real network: the foreign request
// is answered by a page route.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect } = require("./fixtures");

const FOREIGN = "http://example.invalid/probe.json";

// Answers the foreign request locally; the fixture's request listener still sees it.
async function fetchForeign(page) {
  await page.route(FOREIGN, (route) => route.fulfill({
    status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: "{}",
  }));
  await page.goto("about:blank");
  return page.evaluate(async (url) => (await fetch(url)).status, FOREIGN);
}

test("every spec file takes test from the shared fixture, never from @playwright/test", () => {
  const specs = fs.readdirSync(__dirname).filter((f) => f.endsWith(".spec.js"));
  expect(specs.length).toBeGreaterThanOrEqual(5);
  const offenders = specs.filter((file) => {
    const text = fs.readFileSync(path.join(__dirname, file), "utf8");
    const usesFixture = /require\(\s*["']\.\/fixtures(\.js)?["']\s*\)|from\s+["']\.\/fixtures(\.js)?["']/.test(text);
    const bypasses = /\btest\b[^;\n]*=\s*require\(\s*["']@playwright\/test["']\s*\)|import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*["']@playwright\/test["']/.test(text);
    return !usesFixture || bypasses;
  });
  expect(offenders, "spec files that bypass the request-watching fixture").toEqual([]);
});

test.describe("with example.invalid allowed", () => {
  test.use({ allowedOrigins: ["http://example.invalid"] });

  test("the fixture's request log records a fetch to another origin", async ({ page, requests }) => {
    expect(await fetchForeign(page)).toBe(200);
    expect(requests).toContain(`GET ${FOREIGN}`);
  });
});

// The same page as above with the default allowed origins: the fixture must fail the
// test at teardown, so Playwright reports this expected failure as a pass. If the guard
// stopped working, this test would pass unexpectedly, which Playwright reports as a failure.
test("a fetch to another origin fails the test", async ({ page, requests }) => {
  test.fail(true, "the fixture must flag the request to http://example.invalid");
  expect(await fetchForeign(page)).toBe(200);
  expect(requests).toContain(`GET ${FOREIGN}`);
});
