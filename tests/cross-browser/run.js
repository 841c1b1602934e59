// Runs the cross-browser suite in one engine and ends with its count line, e.g.
//   node tests/cross-browser/run.js firefox   ->  "firefox: 19 passed, 0 failed, 0 skipped"
// (TWITCHCHECK_SITE_DIR: the built site, default build/site; TWITCHCHECK_SHARED_DIR:
// ../shared; TWITCHCHECK_CROSS_BROWSER_PORT: the site's port, default any free one.)
// Exit status 1 when anything failed. Every process the run starts is stopped by it.
const path = require("node:path");
const { run } = require("node:test");
const { spec } = require("node:test/reporters");

const engine = process.argv[2];
if (!["firefox", "webkit"].includes(engine)) {
  console.error("usage: node tests/cross-browser/run.js firefox|webkit");
  process.exit(2);
}

const started = Date.now();
const counts = { passed: 0, failed: 0, skipped: 0 };
let anyFailure = false;
const stream = run({ files: [path.join(__dirname, `${engine}.test.js`)], concurrency: 1 });
stream.on("test:pass", (data) => {
  if (data.details?.type === "suite") return;
  if (data.skip !== undefined && data.skip !== false) counts.skipped += 1;
  else counts.passed += 1;
});
stream.on("test:fail", (data) => {
  anyFailure = true;
  if (data.details?.type !== "suite") counts.failed += 1;
});
const report = stream.compose(new spec());
report.pipe(process.stdout);
report.on("end", () => {
  // A failure outside any test (a hook, a crashed file) still fails the run.
  if (anyFailure && counts.failed === 0) counts.failed = 1;
  console.log(`${engine}: run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${engine}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  process.exitCode = counts.failed > 0 || counts.passed === 0 ? 1 : 0;
});
