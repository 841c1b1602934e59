// Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (the tab
// interface is described in engines.js).
const { pageQuery } = require("./page-query.js");
const { markedEnv, sweep } = require("./processes.js");

const NAVIGATION_TIMEOUT = 120_000; // shared, busy machines
const querySource = pageQuery.toString();

const FIREFOX = process.env.TWITCHCHECK_FIREFOX ?? "/usr/bin/firefox-esr";

class FirefoxTab {
  constructor(page, owner) {
    this.page = page;
    this.owner = owner; // the browser context (or the whole browser) this tab closes with
    this.problems = [];
    this.requests = [];
    page.setDefaultTimeout(NAVIGATION_TIMEOUT);
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
    page.on("console", (message) => {
      if (message.type() === "error") this.problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.problems.push(`uncaught: ${error.message ?? error}`));
    page.on("request", (request) => this.requests.push(request.url()));
  }

  // Console errors, uncaught exceptions and every URL requested since the last call.
  async takeActivity() {
    return { problems: this.problems.splice(0), requests: this.requests.splice(0) };
  }

  async context(frame) {
    if (!frame) return this.page.mainFrame();
    const handle = await this.element(null, frame, 0);
    if (!handle) throw new Error(`no frame ${JSON.stringify(frame)}`);
    const content = await handle.contentFrame();
    if (!content) throw new Error(`frame ${JSON.stringify(frame)} has no document yet`);
    return content;
  }

  async goto(url) { await this.page.goto(url, { waitUntil: "load" }); }
  async reload() { await this.page.reload({ waitUntil: "load" }); }

  async evaluate(frame, source, args = []) {
    const context = await this.context(frame);
    return context.evaluate(`(${source})(...${JSON.stringify(args)})`);
  }

  async element(frame, chain, index) {
    const context = await this.context(frame);
    const handle = await context.evaluateHandle(`(${querySource})(${JSON.stringify(chain)})[${index}] ?? null`);
    const element = handle.asElement();
    if (!element) await handle.dispose();
    return element;
  }

  async click(handle) { await handle.click(); }

  notReadyForInput(error) { return /not visible|not an HTMLElement|detached|not clickable/i.test(error.message); }

  // A key or a chord ("Tab", "Space", "Control+a") to whatever has the focus.
  async press(key) {
    const parts = key.split("+");
    for (const modifier of parts.slice(0, -1)) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(parts.at(-1) === "Space" ? " " : parts.at(-1));
    for (const modifier of parts.slice(0, -1).reverse()) await this.page.keyboard.up(modifier);
  }

  async typeText(text) { await this.page.keyboard.type(text); }

  async fill(handle, text) {
    await handle.click();
    await handle.evaluate((el) => el.select());
    await handle.type(text);
  }

  async select(handle, optionText) {
    const value = await handle.evaluate((el, text) =>
      [...el.options].find((o) => o.textContent.trim() === text)?.value ?? null, optionText);
    if (value === null) throw new Error(`no option "${optionText}"`);
    await handle.select(value);
  }

  async close() { await this.owner.close(); }
}

class Firefox {
  constructor() {
    this.name = "firefox";
    this.puppeteer = require("puppeteer-core");
  }

  launch(prefs = {}) {
    return this.puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      protocolTimeout: NAVIGATION_TIMEOUT,
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: prefs,
      env: markedEnv({ ...process.env, TZ: "Europe/Berlin" }),
    });
  }

  async start() {
    this.browser = await this.launch();
    this.version = `Firefox ${(await this.browser.version()).replace(/^firefox\//, "")}`;
    console.log(`firefox: ${this.version}`);
  }

  // A new, empty profile for each tab (a browser context: its own storage and caches).
  // `blockStorage`: a browser of its own whose profile blocks all cookies and site data
  // (network.cookie.cookieBehavior = 2), as a person's privacy settings can: web storage
  // and IndexedDB then throw SecurityError and service workers cannot register.
  async newTab({ blockStorage = false } = {}) {
    if (blockStorage) {
      const browser = await this.launch({ "network.cookie.cookieBehavior": 2 });
      const page = await browser.newPage();
      return new FirefoxTab(page, browser);
    }
    const context = await this.browser.createBrowserContext();
    return new FirefoxTab(await context.newPage(), context);
  }

  async stop() {
    await this.browser?.close();
    const killed = await sweep();
    if (killed) console.log(`firefox: ended ${killed} browser processes left behind`);
  }
}

module.exports = { Firefox };
