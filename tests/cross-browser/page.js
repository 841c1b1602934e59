// Locators and expectations on top of an engine's tab (engines.js), in the spirit of
// Playwright's: find by role, label or text (page-query.js), act only on exactly one
// match, and wait for what a person would wait for — with generous time limits and no
// fixed sleeps (every wait polls a condition until it holds or the limit passes).
const { pageQuery } = require("./page-query.js");

const WAIT = Number(process.env.TWITCHCHECK_CROSS_WAIT_MS ?? 30_000);
const POLL = 100;
const querySource = pageQuery.toString();

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// Polls `probe` until `done(value)`; on timeout fails with `what` and the last value seen.
async function until(what, probe, done, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      lastError = error; // e.g. a page between two documents
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `error ${lastError.message}` : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`);
    }
    await pause(POLL);
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

class Locator {
  constructor(scope, chain) {
    this.scope = scope;
    this.chain = chain;
  }

  toString() {
    return this.chain.map((s) => JSON.stringify(s)).join(" >> ");
  }

  narrow(step) { return new Locator(this.scope, [...this.chain, step]); }
  getByRole(role, { name, exact = false, level, checked } = {}) { return this.narrow({ role, name, exact, level, checked }); }
  getByLabel(label, { exact = false } = {}) { return this.narrow({ label, exact }); }
  getByText(text, { exact = false } = {}) { return this.narrow({ text, exact }); }
  locator(css) { return this.narrow({ css }); }

  // Runs `fn(elements, ...args)` in the page on the current matches.
  evaluateAll(fn, ...args) {
    const source = `(chain, ...rest) => (${fn})((${querySource})(chain), ...rest)`;
    return this.scope.tab.evaluate(this.scope.frame, source, [this.chain, ...args]);
  }

  count() { return this.evaluateAll((els) => els.length); }

  // The one element this locator means, once there is exactly one.
  async handle() {
    await until(`exactly one ${this}`, () => this.count(), (n) => n === 1);
    const element = await this.scope.tab.element(this.scope.frame, this.chain, 0);
    if (!element) throw new Error(`${this} went away`);
    return element;
  }

  // Clicks the element once it can take a click: an element still scrolling into view
  // (the app scrolls smoothly) or covered for a moment is tried again, as Playwright does.
  async click() {
    const deadline = Date.now() + WAIT;
    for (;;) {
      try {
        await this.scope.tab.click(await this.handle());
        return;
      } catch (error) {
        if (!this.scope.tab.notReadyForInput(error) || Date.now() > deadline) throw error;
      }
      await pause(POLL);
    }
  }

  async fill(text) {
    await this.scope.tab.fill(await this.handle(), text);
    await this.toHaveValue(text);
  }

  async selectOption(optionText) {
    await this.scope.tab.select(await this.handle(), optionText);
    await until(`${this} to show "${optionText}"`,
      () => this.evaluateAll((els) => els.map((el) => el.selectedOptions?.[0]?.textContent.trim())),
      (v) => same(v, [optionText]));
  }

  async check() {
    await this.click();
    await this.toBeChecked();
  }

  isFocused() { return this.evaluateAll((els) => els.length === 1 && els[0].matches(":focus")); }
  toBeFocused() { return until(`${this} to have the focus`, () => this.isFocused(), Boolean); }

  // Presses Tab (or Shift+Tab, when the element comes before the focus) until this
  // element has the focus; fails if it never gets it. (Firefox does not wrap from the
  // page's end back to its start, so moving backwards must be done as a person would.)
  async tabTo(limit = 150) {
    await this.handle();
    for (let i = 0; i < limit; i += 1) {
      const where = await this.evaluateAll((els) => {
        const el = els[0];
        if (!el) return "gone";
        if (el.matches(":focus")) return "here";
        const focused = document.activeElement;
        if (!focused || focused === document.body) return "after";
        return focused.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? "before" : "after";
      });
      if (where === "here") return;
      await this.scope.tab.press(where === "before" ? "Shift+Tab" : "Tab");
    }
    throw new Error(`Tab never reached ${this}`);
  }

  texts() { return this.evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, " ").trim())); }

  // Expectations: each waits until it holds.
  toBeVisible() { return until(`${this} to be visible`, () => this.count(), (n) => n >= 1); }
  toHaveCount(n) { return until(`${n} of ${this}`, () => this.count(), (c) => c === n); }
  toBeChecked() {
    return until(`${this} to be checked`, () => this.evaluateAll((els) => els.map((el) => el.checked)), (v) => same(v, [true]));
  }
  toHaveValue(value) {
    return until(`${this} to have the value "${value}"`, () => this.evaluateAll((els) => els.map((el) => el.value)), (v) => same(v, [value]));
  }
  toHaveTexts(texts) {
    return until(`${this} to have the texts ${JSON.stringify(texts)}`, () => this.texts(), (v) => same(v, texts));
  }
  // The one match's text, once it matches `pattern`; returns the regular expression's match.
  async toMatchText(pattern) {
    const [text] = await until(`${this} to match ${pattern}`, () => this.texts(), (v) => v.length === 1 && pattern.test(v[0]));
    return pattern.exec(text);
  }
}

// Where locators look: a tab, optionally one of its frames (a page-query chain naming an
// <iframe>), optionally under a root element (e.g. the widget's custom element).
class Scope extends Locator {
  constructor(tab, { frame = null, chain = [] } = {}) {
    super(null, chain);
    this.scope = this;
    this.tab = tab;
    this.frame = frame;
  }

  // Runs `fn(...args)` in the scope's document.
  evaluate(fn, ...args) { return this.tab.evaluate(this.frame, String(fn), args); }
  // Waits until `fn(...args)` in the page returns a truthy value, and returns it.
  waitForFunction(what, fn, ...args) { return until(what, () => this.evaluate(fn, ...args), Boolean); }
}

module.exports = { Locator, Scope, until, WAIT };
