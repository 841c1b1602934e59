// The release as a site's web team takes it, in Chromium: the site archive unpacked and
// served by a plain static server (the app gives a result offline after one visit; the
// widget gives a result), and the npm package installed into a new Vite project and a new
// webpack 5 project, each built and served (the widget gives a result; the full module,
// imported by the host's code, gives the CLI's bytes). Every test fails on
// a request to any origin but the host's and on any console error (../browser/fixtures.js).
// The expected result is the CLI's for the same answers, so the test holds whatever the
// rules say.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { test: base, expect, vignette } = require("../browser/fixtures.js");
const { loadMessages, CheckerDriver } = require("../browser/checker-flow.js");
const { serveSite } = require("../browser/site-server.js");

const repoDir = path.resolve(__dirname, "../..");
const buildDir = path.resolve(repoDir, process.env.TWITCHCHECK_BUILD_DIR ?? "build");
const version = /^project\(twitchcheck VERSION (\S+) /m.exec(fs.readFileSync(path.join(repoDir, "CMakeLists.txt"), "utf8"))[1];
const basePort = Number(process.env.TWITCHCHECK_TEST_PORT ?? 8731);
// Pinned: the versions this test proves the package with.
const pinned = { vite: "6.4.6", webpack: "5.113.0", "webpack-cli": "6.0.0" };
// The same strict policy the app carries: what docs/embedding.md tells a site to send.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const temp = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `twitchcheck-${name}-`));
function run(command, args, options = {}) {
  const done = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (done.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${done.status}):\n${done.stdout}\n${done.stderr}`);
  return done.stdout;
}

// One release for the whole file, made from the build (.ci/release, without building).
let release;
function theRelease() {
  if (!release) {
    const dist = path.join(temp("release"), "dist");
    run("bash", [path.join(repoDir, ".ci", "release")], {
      env: { ...process.env, TWITCHCHECK_RELEASE_NO_BUILD: "1", TWITCHCHECK_BUILD_DIR: buildDir, TWITCHCHECK_DIST_DIR: dist },
    });
    release = { dist, tgz: path.join(dist, `twitchcheck-${version}.tgz`), site: path.join(dist, `twitchcheck-${version}-site.tar.gz`) };
  }
  return release;
}

// A host page: a pretend article holding the element, with the strict CSP.
const hostPage = (script) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,">
<title>Muscle twitches: a health article</title>
${script}
</head>
<body><main><h1>Muscle twitches</h1><p>Most twitches are harmless.</p><twitch-check lang="en" share-result></twitch-check></main></body>
</html>
`;

// The CLI's answer for a vignette: what the widget must show.
function expected(name) {
  const input = JSON.stringify(vignette(name).input);
  const result = JSON.parse(run(path.join(buildDir, "native", "twitchcheck"), ["assess"], { input }));
  return { input: vignette(name).input, level: result.level, fired: result.fired.map((f) => (typeof f === "string" ? f : f.id)) };
}

let m;
base.beforeAll(async () => { m = await loadMessages(); });

// Runs a vignette through the element on the page; checks the verdict and what the host heard.
async function widgetGivesResult(page, name) {
  const want = expected(name);
  await page.evaluate(() => {
    window.heard = [];
    addEventListener("twitchcheck:result", (event) => window.heard.push(event.detail));
  });
  const root = page.locator("twitch-check");
  const driver = new CheckerDriver(page, m, { root });
  await driver.press(root.getByRole("button", { name: m.widget.start }));
  await driver.complete(want.input);
  await expect(driver.verdict(want.level)).toBeVisible();
  expect(await page.evaluate(() => window.heard.map((d) => d.level))).toEqual([want.level]);
  expect(await page.evaluate(() => document.querySelector("twitch-check").version)).toBe(version);
}

// The host's own code: the widget, and the full module for its own use (on the window, so
// the test can call it as that code would).
const entry = `import "twitchcheck/widget";
import { createTwitchCheck } from "twitchcheck";
window.hostCreateTwitchCheck = createTwitchCheck;
`;

// The full module from the package, through the bundler: the CLI's bytes for a vignette in German.
async function moduleGivesCliBytes(page, name) {
  const input = JSON.stringify(vignette(name).input);
  const fromPage = await page.evaluate(async (text) => (await window.hostCreateTwitchCheck()).assess(text, "de"), input);
  expect(fromPage).toBe(run(path.join(buildDir, "native", "twitchcheck"), ["assess", "--lang", "de"], { input }));
}

// Serves the folder `dir()` makes on a port of this suite's range, for one test at a time;
// that origin is the host's (the only one a request may go to).
function served(dir, port) {
  const test = base.extend({
    server: async ({}, use) => { // eslint-disable-line no-empty-pattern
      const server = await serveSite(dir(), port);
      await use(server);
      await server.stop();
    },
  });
  test.use({ baseURL: `http://127.0.0.1:${port}` });
  return test;
}

// The site archive, unpacked (a fresh copy per test).
function unpackedSite() {
  const dir = temp("site-archive");
  run("tar", ["xzf", theRelease().site, "-C", dir]);
  const site = path.join(dir, `twitchcheck-${version}-site`, "site");
  fs.writeFileSync(path.join(site, "article.html"), hostPage('<script src="widget.js" defer></script>'));
  return site;
}

base.describe("the site archive, unpacked and served by a plain static server", () => {
  const test = served(unpackedSite, basePort + 15);

  test("after one visit the app gives a checker result with the server stopped and the network off", async ({ page, context, server }) => {
    await page.goto(`${server.origin}/index.html#/check`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.flow.title);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await server.stop();
    await context.setOffline(true);
    await page.reload();
    const want = expected("spreading-ten-days");
    const driver = new CheckerDriver(page, m);
    await driver.complete(want.input);
    await expect(driver.verdict(want.level)).toBeVisible();
  });

  test("the widget from the archive gives a result on an article page with a strict CSP", async ({ page, server }) => {
    await page.goto(`${server.origin}/article.html`);
    await widgetGivesResult(page, "eyelid-few-days");
  });
});

// A new project with the package installed from the release's tarball.
function project(name, dependencies, files) {
  const dir = temp(name);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `${name}-host`, private: true, ...files.packageJson }, null, 2));
  for (const [rel, text] of Object.entries(files.sources)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error",
    ...Object.entries(dependencies).map(([pkg, v]) => `${pkg}@${v}`), theRelease().tgz], { cwd: dir });
  return dir;
}

base.describe("the npm package in a new Vite project", () => {
  const test = served(() => {
    const dir = project("vite", { vite: pinned.vite }, {
      packageJson: { type: "module" },
      sources: {
        "index.html": hostPage('<script type="module" src="/src/main.js"></script>'),
        "src/main.js": entry,
      },
    });
    run("npx", ["vite", "build"], { cwd: dir });
    return path.join(dir, "dist");
  }, basePort + 16);

  test(`vite@${pinned.vite} build: the widget gives a result and the imported module the CLI's bytes, with no request to another origin and no console error`, async ({ page, server }) => {
    await page.goto(`${server.origin}/index.html`);
    await widgetGivesResult(page, "spreading-ten-days");
    await moduleGivesCliBytes(page, "calf-thumb-month");
  });
});

base.describe("the npm package in a new webpack 5 project", () => {
  const test = served(() => {
    const dir = project("webpack", { webpack: pinned.webpack, "webpack-cli": pinned["webpack-cli"] }, {
      packageJson: {},
      sources: { "src/index.js": entry },
    });
    // webpack's defaults (no configuration file): src/index.js to dist/main.js.
    run("npx", ["webpack", "--mode", "production"], { cwd: dir });
    fs.writeFileSync(path.join(dir, "dist", "index.html"), hostPage('<script src="main.js" defer></script>'));
    return path.join(dir, "dist");
  }, basePort + 17);

  test(`webpack@${pinned.webpack} build: the widget gives a result and the imported module the CLI's bytes, with no request to another origin and no console error`, async ({ page, server }) => {
    await page.goto(`${server.origin}/index.html`);
    await widgetGivesResult(page, "sudden-face-droop");
    await moduleGivesCliBytes(page, "weakness-family");
  });
});
