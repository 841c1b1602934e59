// WebKit: Debian's WebKitGTK MiniBrowser driven by WebKitWebDriver (WebDriver classic)
// under an Xvfb of the run's own (the tab interface is described in engines.js).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pageQuery } = require("./page-query.js");
const { WebDriverSession } = require("./webdriver.js");
const { start, freePort, startXvfb, markedEnv, sweep } = require("./processes.js");

const NAVIGATION_TIMEOUT = 120_000; // shared, busy machines
const querySource = pageQuery.toString();

const MINIBROWSER = process.env.TWITCHCHECK_MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const WEBKIT_DRIVER = process.env.TWITCHCHECK_WEBKITWEBDRIVER ?? "WebKitWebDriver";

// WebKitGTK's driver speaks WebDriver classic only (no BiDi in 2.50): it cannot report
// console messages or requests, and MiniBrowser's own console-to-stdout setting is not
// honoured under automation. So each document is watched from inside once it has loaded
// (errors, unhandled rejections, console.error) and its requests are read from the
// Resource Timing list; errors thrown while a page is still loading are not seen.
const WATCH = `if (!window.__twitchcheckWatch) {
  const problems = [];
  Object.defineProperty(window, "__twitchcheckWatch", { value: { problems, seen: 0 } });
  addEventListener("error", (e) => problems.push("uncaught: " + e.message));
  addEventListener("unhandledrejection", (e) => problems.push("unhandled rejection: " + (e.reason && e.reason.message || e.reason)));
  const original = console.error;
  console.error = function (...args) { problems.push("console error: " + args.map(String).join(" ")); return original.apply(this, args); };
}`;
const TAKE = `const watch = window.__twitchcheckWatch;
const resources = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)];
if (!watch) return { problems: [], requests: resources };
const requests = resources.slice(watch.seen);
watch.seen = resources.length;
return { problems: watch.problems.splice(0), requests };`;

class WebKitTab {
  constructor(engine, session) {
    this.engine = engine;
    this.session = session;
    this.frame = null; // the frame commands currently go to (JSON of its chain)
    this.activity = { problems: [], requests: [] }; // from documents already left
  }

  async collect() {
    try {
      await this.enter(null);
      const { problems, requests } = await this.session.execute(TAKE);
      this.activity.problems.push(...problems);
      this.activity.requests.push(...requests);
    } catch {
      // no document to ask (e.g. a failed load)
    }
  }

  async watch() {
    await this.session.execute(WATCH);
  }

  async takeActivity() {
    await this.collect();
    const taken = this.activity;
    this.activity = { problems: [], requests: [] };
    return taken;
  }

  async enter(frame) {
    const key = frame ? JSON.stringify(frame) : null;
    if (key === this.frame) return;
    await this.session.switchToFrame(null);
    this.frame = null;
    if (frame) {
      const element = await this.element(null, frame, 0);
      if (!element) throw new Error(`no frame ${key}`);
      await this.session.switchToFrame(element);
      this.frame = key;
    }
  }

  // The session's page load strategy is "none" (a command never waits on WebKit's own
  // idea of "still loading", which once held a click inside the widget's frame for the
  // whole page-load timeout): goto and reload wait here instead, for the new document.
  async goto(url) {
    await this.collect();
    this.frame = null;
    const target = new URL(url).href;
    const from = await this.session.execute("window.__twitchcheckLeft = true; return location.href;").catch(() => "");
    await this.session.navigate(url);
    // Only the part after "#" changes: the same document stays.
    const sameDocument = from.split("#")[0] === target.split("#")[0] && target.includes("#");
    await this.loaded(target, sameDocument);
  }

  async reload() {
    await this.collect();
    this.frame = null;
    await this.session.execute("window.__twitchcheckLeft = true;");
    await this.session.refresh();
    await this.loaded(null);
  }

  // Waits until a new document (at `href`, when given) has loaded, then watches it.
  async loaded(href, sameDocument = false) {
    const deadline = Date.now() + NAVIGATION_TIMEOUT;
    for (;;) {
      const state = await this.session.execute(
        "return { left: window.__twitchcheckLeft === true, href: location.href, ready: document.readyState };").catch(() => null);
      if (state && (sameDocument || !state.left) && state.ready === "complete" && (href === null || state.href === href)) break;
      if (Date.now() > deadline) throw new Error(`the page did not load ${href ?? "again"}: ${JSON.stringify(state)}`);
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
    await this.watch();
  }

  async evaluate(frame, source, args = []) {
    await this.enter(frame);
    return this.session.execute(`return (${source}).apply(null, arguments);`, args);
  }

  async element(frame, chain, index) {
    await this.enter(frame);
    return this.session.execute(`return (${querySource})(arguments[0])[arguments[1]] ?? null;`, [chain, index]);
  }

  // WebKitWebDriver does not scroll an element inside a shadow root (the widget's custom
  // element) into view either, and the click is lost: every element is brought to the
  // window's middle first, instantly.
  async click(handle) {
    if (this.frame) await this.bringIntoView(handle);
    else await this.session.execute(`arguments[0].scrollIntoView({ block: "center", behavior: "instant" });`, [handle]);
    await this.session.click(handle);
  }

  // WebKitWebDriver scrolls an element into view inside its frame but not the frame into
  // view in the page, and a click outside the window is silently lost. So first scroll
  // the page (instantly) until the element's middle is in the middle of the window.
  async bringIntoView(handle) {
    const frame = JSON.parse(this.frame);
    const box = await this.session.execute(`const el = arguments[0];
      el.scrollIntoView({ block: "nearest", behavior: "instant" });
      const r = el.getBoundingClientRect();
      return { y: r.y + r.height / 2 };`, [handle]);
    await this.session.switchToFrame(null);
    this.frame = null;
    const iframe = await this.element(null, frame, 0);
    await this.session.execute(`const r = arguments[0].getBoundingClientRect();
      window.scrollBy({ top: r.y + arguments[1] - innerHeight / 2, behavior: "instant" });`, [iframe, box.y]);
    await this.enter(frame);
  }

  notReadyForInput(error) {
    return ["element not interactable", "element click intercepted", "stale element reference"].includes(error.error);
  }

  // Keys through the Actions API (WebDriver's code points for the named keys).
  async keys(values) {
    const actions = [];
    for (const chord of values) {
      actions.push(...chord.map((value) => ({ type: "keyDown", value })));
      actions.push(...[...chord].reverse().map((value) => ({ type: "keyUp", value })));
    }
    await this.session.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.session.command("DELETE", "/actions");
  }

  async press(key) {
    const named = { Tab: "\uE004", Enter: "\uE007", Space: "\uE00D", ArrowLeft: "\uE012", ArrowRight: "\uE014", Control: "\uE009", Shift: "\uE008" };
    await this.keys([key.split("+").map((part) => named[part] ?? part)]);
  }

  async typeText(text) { await this.keys([...text].map((c) => [c])); }

  async fill(handle, text) {
    await this.session.clear(handle);
    await this.session.sendKeys(handle, text);
  }

  // WebDriver picks an option by clicking it (no pop-up opens).
  async select(handle, optionText) {
    const option = await this.session.execute(
      "return [...arguments[0].options].find((o) => o.textContent.trim() === arguments[1]) ?? null;", [handle, optionText]);
    if (!option) throw new Error(`no option "${optionText}"`);
    // WebKit's driver clicks an option only where its list is in the window: bring the
    // list to the window's middle first (instantly), as click() does for every element.
    await this.session.execute(`arguments[0].scrollIntoView({ block: "center", behavior: "instant" });`, [handle]);
    await this.session.click(option);
  }

  async close() {
    await this.session.close().catch(() => {});
  }
}

class WebKit {
  constructor() {
    this.name = "webkit";
  }

  async start() {
    this.xvfb = await startXvfb();
    const env = markedEnv({
      ...process.env,
      DISPLAY: this.xvfb.display,
      TZ: "Europe/Berlin",
      // Software rendering under Xvfb: no GPU, no DMA-BUF.
      WEBKIT_DISABLE_DMABUF_RENDERER: "1",
      LIBGL_ALWAYS_SOFTWARE: "1",
      // Its own config and data folders: nothing from (or left in) the user's home.
      XDG_CONFIG_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "twitchcheck-webkit-config-")),
      XDG_DATA_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "twitchcheck-webkit-data-")),
      XDG_CACHE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "twitchcheck-webkit-cache-")),
    });
    this.homes = [env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME];
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      this.driver = start(WEBKIT_DRIVER, [`--port=${port}`, "--host=local"], { env });
      this.base = `http://127.0.0.1:${port}`;
      if (await this.ready()) break;
      await this.driver.stop();
      if (attempt === 3) throw new Error(`WebKitWebDriver did not start: ${this.driver.output}`);
    }
  }

  // Polls the driver's /status until it answers (or the driver exits).
  async ready() {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && this.driver.exitCode === null) {
      try {
        const response = await fetch(`${this.base}/status`, { signal: AbortSignal.timeout(2000) });
        if ((await response.json()).value?.ready) return true;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
    return false;
  }

  // A new MiniBrowser for each tab (each session starts with empty, ephemeral storage).
  // `blockStorage`: MiniBrowser's settings switch off web storage and IndexedDB
  // (enable-html5-local-storage=false: localStorage is null; enable-html5-database=false:
  // there is no indexedDB), and cookies are refused.
  async newTab({ blockStorage = false } = {}) {
    const args = ["--automation"];
    if (blockStorage) args.push("--enable-html5-local-storage=false", "--enable-html5-database=false", "--cookies-policy=never");
    const session = await WebDriverSession.create(this.base, {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args },
      pageLoadStrategy: "none",
      timeouts: { script: NAVIGATION_TIMEOUT, pageLoad: NAVIGATION_TIMEOUT, implicit: 0 },
    });
    if (!this.version) {
      this.version = `WebKitGTK ${session.capabilities.browserVersion}`;
      console.log(`webkit: ${this.version}`);
    }
    await session.command("POST", "/window/rect", { width: 1280, height: 900 });
    return new WebKitTab(this, session);
  }

  async stop() {
    await this.driver?.stop();
    const killed = await sweep();
    if (killed) console.log(`webkit: ended ${killed} browser processes left behind`);
    await this.xvfb?.stop();
    for (const dir of this.homes ?? []) fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { WebKit };
