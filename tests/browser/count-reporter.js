// Ends the run with one plain line CI can read: "playwright: N passed, N failed, N skipped".
// Counted per test (its final outcome), so a retried test is counted once.
class CountReporter {
  onBegin(config, suite) {
    this.suite = suite;
  }

  printsToStdio() {
    return true;
  }

  onEnd(result) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const test of this.suite.allTests()) {
      const outcome = test.outcome();
      const ran = test.results.length > 0;
      if (outcome === "expected" && test.expectedStatus !== "skipped" && ran) passed += 1;
      else if (outcome === "flaky") passed += 1;
      else if (outcome === "skipped") {
        // A test that never ran because the run was cut short is a failure, not a skip.
        if (result.status === "passed" || test.expectedStatus === "skipped") skipped += 1;
        else failed += 1;
      } else failed += 1;
    }
    // Errors outside any test (a broken config, a web server that did not start).
    if (result.status !== "passed" && failed === 0) failed += 1;
    console.log(`playwright: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}

module.exports = CountReporter;
