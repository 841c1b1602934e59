// The shared test fixture: every test's page is watched, and the test FAILS when the page
// (any frame, worker or script in it) requests an origin other than the allowed ones,
// breaks its Content Security Policy, or logs an error. `allowedOrigins` defaults to the
// test server's own origin; the widget tests add the widget's origin.
const { test: base, expect } = require("@playwright/test");
const { default: AxeBuilder } = require("@axe-core/playwright");
const fs = require("node:fs");
const path = require("node:path");

const sharedDir = path.resolve(__dirname, "../..", process.env.TWITCHCHECK_SHARED_DIR ?? "../shared");

function vignette(name) {
  const dir = path.join(sharedDir, "vignettes");
  const file = fs.readdirSync(dir).find((f) => f.endsWith(`-${name}.json`));
  if (!file) throw new Error(`no vignette named ${name} in ${dir}`);
  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
}

const test = base.extend({
  allowedOrigins: [[], { option: true }],

  // Everything the page asked the network for, as "METHOD URL".
  requests: async ({ context, baseURL, allowedOrigins }, use) => {
    const seen = [];
    const foreign = [];
    const allowed = new Set([new URL(baseURL).origin, ...allowedOrigins]);
    context.on("request", (request) => {
      const url = new URL(request.url());
      // A service worker's own fetches (e.g. precaching) are marked apart from the page's.
      seen.push(`${request.serviceWorker() ? "service-worker " : ""}${request.method()} ${request.url()}`);
      if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:")
          && !allowed.has(url.origin)) {
        foreign.push(request.url());
      }
    });
    await use(seen);
    expect(foreign, "requests to an origin other than the test server's").toEqual([]);
  },

  // Console errors, CSP violations and uncaught exceptions, from every page of the test.
  problems: async ({ context }, use) => {
    const problems = [];
    const watch = (page) => {
      page.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" || /Content Security Policy/i.test(text)) {
          problems.push(`console ${message.type()}: ${text}`);
        }
      });
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    };
    context.pages().forEach(watch);
    context.on("page", watch);
    await use(problems);
    expect(problems, "console errors, CSP violations or uncaught exceptions").toEqual([]);
  },

  page: async ({ page, requests, problems }, use) => {
    void requests;
    void problems;
    await use(page);
  },
});

// axe-core on the page (or on `include`, e.g. the widget's host element); every rule axe
// runs by default, best practices included.
async function expectNoAxeViolations(page, label, include) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

// axe-core inside one frame's own document, e.g. a cross-origin iframe (AxeBuilder does
// not reach into frames of another origin: axe only talks to same-origin frames).
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
async function expectNoAxeViolationsInFrame(frame, label) {
  if (!(await frame.evaluate(() => typeof window.axe === "object"))) await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => (await window.axe.run(document)).violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`));
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

module.exports = { test, expect, vignette, expectNoAxeViolations, expectNoAxeViolationsInFrame, sharedDir };
