// The two engines besides Chromium, each behind the same small "tab" interface that
// page.js builds on:
//   goto(url), reload(), evaluate(frame, source, args), element(frame, chain, index),
//   click(handle), fill(handle, text), select(handle, optionText), notReadyForInput(error),
//   press(key), typeText(text) (to whatever has the focus),
//   takeActivity() -> {problems, requests} since the last call, close()
// `frame` is null for the page itself or a page-query chain naming an <iframe> in it.
//
// firefox.js: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi.
// webkit.js: Debian's WebKitGTK MiniBrowser driven by WebKitWebDriver (WebDriver classic)
// under an Xvfb of the run's own. Nothing is downloaded; every process is stopped by the run.
const { Firefox } = require("./firefox.js");
const { WebKit } = require("./webkit.js");

const engines = { firefox: Firefox, webkit: WebKit };

module.exports = { engines };
