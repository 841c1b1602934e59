// The embeddable widget on the demo host page (a pretend health article with a hostile
// stylesheet), with the widget's files on ANOTHER origin, both ways: <twitch-check> and
// the iframe. Checks the flow, the privacy contract (no storage, no other origins, the
// host hears only what share-result allows), CSS isolation, 280 px, and axe-core.
const path = require("node:path");
const { test: base, expect, vignette, expectNoAxeViolations, expectNoAxeViolationsInFrame } = require("./fixtures.js");
const { loadMessages, CheckerDriver, rules, ruleOf, adviceTexts, shownReasons, format, nowFindings, signGroups } = require("./checker-flow.js");
const { serveSite, serveDemo } = require("./site-server.js");

const siteDir = path.resolve(__dirname, "../..", process.env.TWITCHCHECK_SITE_DIR ?? "build/site");

const test = base.extend({
  widgetServer: [async ({}, use) => { // eslint-disable-line no-empty-pattern
    // A second origin for the widget's files; CORS as docs/embedding.md asks of hosts.
    const server = await serveSite(siteDir, 0, { "Access-Control-Allow-Origin": "*" });
    await use(server);
    await server.stop();
  }, { scope: "worker" }],
  widgetOrigin: async ({ widgetServer }, use) => use(widgetServer.origin),
  // The demo host page, built (as build/demo is) with the widget's origin as the one other
  // place it may load the widget from, on an origin of its own.
  demoServer: [async ({ widgetServer }, use) => {
    const server = await serveDemo(siteDir, [`${widgetServer.origin}/`]);
    await use(server);
    await server.stop();
  }, { scope: "worker" }],
  demoOrigin: async ({ demoServer }, use) => use(demoServer.origin),
  allowedOrigins: async ({ widgetServer, demoServer }, use) => use([widgetServer.origin, demoServer.origin]),

  // Every write to web storage, IndexedDB, cookies or Cache Storage, in every frame,
  // recorded from before any page script runs.
  storageWrites: async ({ page }, use) => {
    await page.addInitScript(() => {
      const writes = [];
      Object.defineProperty(window, "__storageWrites", { value: writes });
      for (const name of ["setItem", "removeItem", "clear"]) {
        const original = Storage.prototype[name];
        Storage.prototype[name] = function (...args) { writes.push(`Storage.${name}`); return original.apply(this, args); };
      }
      for (const name of ["open", "deleteDatabase"]) {
        const original = IDBFactory.prototype[name];
        IDBFactory.prototype[name] = function (...args) { writes.push(`indexedDB.${name}`); return original.apply(this, args); };
      }
      const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
      Object.defineProperty(Document.prototype, "cookie", {
        get() { return cookie.get.call(this); },
        set(value) { writes.push("document.cookie"); cookie.set.call(this, value); },
      });
      if (self.caches) {
        const open = CacheStorage.prototype.open;
        CacheStorage.prototype.open = function (...args) { writes.push("caches.open"); return open.apply(this, args); };
      }
    });
    await use(async () => {
      const found = [];
      for (const frame of page.frames()) {
        const state = await frame.evaluate(async () => ({
          writes: window.__storageWrites ?? ["(not instrumented)"],
          local: localStorage.length,
          session: sessionStorage.length,
          databases: (await indexedDB.databases()).length,
          cookie: document.cookie,
        }));
        found.push({ url: frame.url(), ...state });
      }
      return found;
    });
  },
});

let m;
test.beforeAll(async () => { m = await loadMessages(); });

const ways = {
  element: (page) => page.locator("twitch-check"),
  iframe: (page) => page.frameLocator('iframe[title="Muscle twitch checker"]').locator("body"),
};

async function openHost(page, widgetOrigin, demoOrigin, query = "") {
  await page.goto(`${demoOrigin}/host.html?widget=${encodeURIComponent(`${widgetOrigin}/`)}${query}`);
  await expect(ways.element(page).getByRole("button", { name: m.widget.start })).toBeVisible();
  await expect(ways.iframe(page).getByRole("heading", { name: m.where.title })).toBeVisible();
}

// The custom element opens on a small card; its button starts the same flow as the app.
async function run(page, way, input, options = {}) {
  const root = ways[way](page);
  const driver = new CheckerDriver(page, m, { root, ...options });
  if (way === "element") await driver.press(root.getByRole("button", { name: m.widget.start }));
  await driver.complete(input);
  return driver;
}

// What the host page hears: twitchcheck:result events and messages from the frame.
async function listen(page) {
  await page.evaluate(() => {
    window.heard = { events: [], messages: [] };
    addEventListener("twitchcheck:result", (event) => window.heard.events.push(event.detail));
    addEventListener("message", (event) => window.heard.messages.push(event.data));
  });
}

// Each frame's storage state, to compare with "nothing written anywhere".
async function expectNothingStored(storageWrites) {
  for (const frame of await storageWrites()) {
    const origin = new URL(frame.url).origin;
    expect({ ...frame, url: origin }, `storage seen from ${origin}`)
      .toEqual({ url: origin, writes: [], local: 0, session: 0, databases: 0, cookie: "" });
  }
}

// The rules the host hears. A "yes" to a sign of an emergency goes straight to the
// result, so the face droop's slurred speech (asked later) is never asked: the page's
// result has the sudden change and self-care only.
const heardRules = { "sudden-face-droop": ["SAFETY-SUDDEN", "SELF-CARE"] };
// A twitching tongue for three weeks, then a sudden change: an emergency whose tongue and
// weeks wait under "Also in your answers".
const suddenAfterWeeks = {
  schema: "twitchcheck.assessment/1", duration_days: 21, lifestyle_changes_tried: true,
  regions: [{ region: "tongue", side: "midline" }], findings: { sudden_onset_neuro: true }, triggers: [],
};

for (const name of ["eyelid-few-days", "spreading-ten-days", "sudden-face-droop"]) {
  const v = vignette(name);

  test(`custom element across origins: ${name} shows its level, the host hears only {level, rules}, nothing is stored`, async ({ page, widgetOrigin, demoOrigin, storageWrites, requests }) => {
    await openHost(page, widgetOrigin, demoOrigin);
    await listen(page);
    const entries = await page.evaluate(() => history.length);
    const root = ways.element(page);
    const driver = await run(page, "element", v.input);
    await expect(driver.verdict(v.expect.level)).toBeVisible();
    await expect(root.getByRole("heading", { level: 4 })).toHaveCount(shownReasons(v.expect).length);

    const heard = await page.evaluate(() => window.heard.events);
    expect(heard).toEqual([{ level: v.expect.level, rules: heardRules[name] ?? v.expect.fired }]);
    await expectNothingStored(storageWrites);
    // No step is an entry in the host's history (only the app's own screen does that).
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // The checker-only module came from the widget's origin, not the host's, and the app's
    // larger module was not loaded at all.
    expect(requests.filter((r) => /twitchcheck(-checker)?\.(js|wasm)$/.test(r)))
      .toEqual([`GET ${widgetOrigin}/twitchcheck-checker.js`, `GET ${widgetOrigin}/twitchcheck-checker.wasm`]);
  });

  test(`iframe across origins: ${name} shows its level; the parent hears only "bring my top into view"; nothing is stored`, async ({ page, widgetOrigin, demoOrigin, storageWrites, requests }) => {
    await openHost(page, widgetOrigin, demoOrigin);
    await listen(page);
    const entries = await page.evaluate(() => history.length);
    const root = ways.iframe(page);
    const driver = await run(page, "iframe", v.input);
    await expect(driver.verdict(v.expect.level)).toBeVisible();
    await expect(root.getByRole("heading", { level: 3 })).toHaveCount(shownReasons(v.expect).length);

    // The frame keeps the height its host gave it and scrolls inside itself.
    expect(await page.locator("iframe").evaluate((frame) => frame.clientHeight)).toBe(720);
    expect(await root.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(720);
    // One request per new view: five more steps and the result (a run that a "yes" to a
    // sign of an emergency ends early sends the ones it skipped with the result).
    expect(await page.evaluate(() => window.heard.messages)).toEqual(Array(6).fill({ type: "twitchcheck:top" }));
    expect(await page.evaluate(() => window.heard.events)).toEqual([]);
    await expectNothingStored(storageWrites);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // The frame, too, loads only the checker-only module.
    expect(requests.filter((r) => /twitchcheck(-checker)?\.(js|wasm)$/.test(r)))
      .toEqual([`GET ${widgetOrigin}/twitchcheck-checker.js`, `GET ${widgetOrigin}/twitchcheck-checker.wasm`]);
  });
}

// The same questions, asked the same way as on the app's page (checker.spec.js).
for (const way of ["element", "iframe"]) {
  test(`the ${way} asks the signs of an emergency first (a "yes" goes straight to the result) and the others in three groups with "None of these"`, async ({ page, widgetOrigin, demoOrigin }) => {
    await openHost(page, widgetOrigin, demoOrigin);
    const root = ways[way](page);
    const driver = new CheckerDriver(page, m, { root });
    if (way === "element") await driver.press(root.getByRole("button", { name: m.widget.start }));
    const question = (key) => root.getByRole("group", { name: m.findings[key], exact: true });
    await root.getByRole("checkbox", { name: m.regions.calf, exact: true }).click();
    await root.getByRole("button", { name: m.flow.next }).click();
    await root.getByLabel(m.howLong.daysLabel).fill("3");
    await root.getByRole("button", { name: m.flow.next }).click();
    await root.getByRole("button", { name: m.flow.next }).click();
    await expect(root.getByRole("heading", { name: m.now.title })).toBeVisible();
    await expect(root.locator("[data-finding] legend")).toHaveText(nowFindings.map((key) => m.findings[key]));
    for (const key of nowFindings) await question(key).getByRole("radio", { name: "No", exact: true }).click();
    await root.getByRole("button", { name: m.flow.next }).click();
    for (const [group, keys] of Object.entries(signGroups)) {
      const section = root.getByRole("region", { name: m.signs.groups[group], exact: true });
      await expect(section.locator("legend")).toHaveText(keys.map((key) => m.findings[key]));
      await section.getByRole("button", { name: m.signs.none }).click();
      for (const key of keys) await expect(question(key).getByRole("radio", { name: "No", exact: true })).toBeChecked();
    }
    await root.getByRole("button", { name: m.flow.back }).click();
    await question("breathing_hard_now").getByRole("radio", { name: "Yes", exact: true }).click();
    await expect(root.locator(".tc-now-call")).toBeVisible();
    await root.getByRole("button", { name: m.now.seeWhatToDo, exact: true }).click();
    await expect(driver.verdict("emergency")).toBeVisible();
    await expect(root.getByRole("region", { name: "Why" }).locator(".tc-cause")).toHaveText([ruleOf("SAFETY-BREATHING").cause]);
  });
}

test("without share-result the host page hears nothing about the result", async ({ page, widgetOrigin, demoOrigin }) => {
  await openHost(page, widgetOrigin, demoOrigin);
  await page.locator("twitch-check").evaluate((element) => element.removeAttribute("share-result"));
  await listen(page);
  const v = vignette("weakness-family");
  const driver = await run(page, "element", v.input);
  await expect(driver.verdict(v.expect.level)).toBeVisible();
  expect(await page.evaluate(() => window.heard)).toEqual({ events: [], messages: [] });
});

// What the iframe tells its host is the same whatever the answers and the result.
async function frameMessages(page, widgetOrigin, demoOrigin, name, query = "") {
  await openHost(page, widgetOrigin, demoOrigin, query);
  await listen(page);
  const v = vignette(name);
  const driver = await run(page, "iframe", v.input);
  await expect(driver.verdict(v.expect.level)).toBeVisible();
  await page.waitForTimeout(300); // any late message would arrive by now
  return page.evaluate(() => window.heard.messages);
}

test("by default the iframe's messages for an emergency run and a self-care run are the same", async ({ page, widgetOrigin, demoOrigin }) => {
  const emergency = await frameMessages(page, widgetOrigin, demoOrigin, "sudden-face-droop");
  const selfCare = await frameMessages(page, widgetOrigin, demoOrigin, "eyelid-few-days");
  expect(vignette("sudden-face-droop").expect.level).toBe("emergency");
  expect(vignette("eyelid-few-days").expect.level).toBe("self_care");
  expect(emergency).toEqual(Array(6).fill({ type: "twitchcheck:top" }));
  expect(selfCare).toEqual(emergency);
});

test("with ?fit=1, the host's choice, the frame also tells its height and grows to fit", async ({ page, widgetOrigin, demoOrigin }) => {
  const messages = await frameMessages(page, widgetOrigin, demoOrigin, "sudden-face-droop", "&fit=1");
  const heights = messages.filter((message) => message.type === "twitchcheck:height");
  expect(heights.length).toBeGreaterThan(0);
  for (const message of heights) {
    expect(Object.keys(message)).toEqual(["type", "height"]);
    expect(Number.isInteger(message.height)).toBe(true);
  }
  expect(messages.filter((message) => message.type !== "twitchcheck:height")).toEqual(Array(6).fill({ type: "twitchcheck:top" }));
  const contentHeight = await ways.iframe(page).evaluate(() => document.documentElement.scrollHeight);
  await expect.poll(() => page.locator("iframe").evaluate((frame) => frame.clientHeight)).toBe(contentHeight);
});

test("after Next, the host brings the frame's top into view (docs/embedding.md's snippet)", async ({ page, widgetOrigin, demoOrigin }) => {
  await page.setViewportSize({ width: 360, height: 700 });
  await openHost(page, widgetOrigin, demoOrigin);
  const frame = page.locator("iframe");
  const root = ways.iframe(page);
  const driver = new CheckerDriver(page, m, { root });
  await driver.complete(vignette("sudden-face-droop").input);
  await expect(driver.verdict("emergency")).toBeVisible();
  await expect.poll(() => frame.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeGreaterThanOrEqual(0);
  await expect.poll(() => frame.evaluate((el) => el.getBoundingClientRect().top <= innerHeight / 2)).toBe(true);
  // Inside the frame, the result's heading is at the top of what shows.
  await expect.poll(() => root.getByRole("heading", { name: m.result.title })
    .evaluate((el) => { const top = el.getBoundingClientRect().top; return top >= 0 && top < innerHeight / 2; })).toBe(true);
});

test("the demo page given a foreign ?widget= loads nothing from it: no request leaves, no script runs", async ({ page, demoOrigin, requests }) => {
  // A "widget" at an address the demo was not built with, that would report if it ran.
  const foreign = await serveSite(path.join(__dirname, "fixtures-foreign"), 0);
  try {
    await page.goto(`${demoOrigin}/host.html?widget=${encodeURIComponent(`${foreign.origin}/`)}`);
    await expect(page.getByRole("status").filter({ hasText: "did not load anything" })).toBeVisible();
    await page.waitForTimeout(500);
    expect(requests.filter((r) => !r.includes(demoOrigin))).toEqual([]);
    expect(await page.evaluate(() => [window.foreignRan ?? false, document.querySelectorAll("twitch-check, iframe").length]))
      .toEqual([false, 0]);
    // Even if the page's script were wrong, its policy names no other origin than the list.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).not.toContain(foreign.origin);
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' http:\/\/127\.0\.0\.1:\d+ 'wasm-unsafe-eval';/);
    expect(requests.filter((r) => !r.includes(demoOrigin))).toEqual([]);
  } finally {
    await foreign.stop();
  }
});

test("the demo page without ?widget= uses its own copy of the site", async ({ page, demoOrigin, requests }) => {
  await page.goto(`${demoOrigin}/host.html`);
  await expect(ways.element(page).getByRole("button", { name: m.widget.start })).toBeVisible();
  await expect(ways.iframe(page).getByRole("heading", { name: m.where.title })).toBeVisible();
  expect(requests).toContain(`GET ${demoOrigin}/site/widget.js`);
  expect(requests).toContain(`GET ${demoOrigin}/site/embed.html`);
});

test("a keyboard alone can finish the check inside the custom element", async ({ page, widgetOrigin, demoOrigin }) => {
  await openHost(page, widgetOrigin, demoOrigin);
  const v = vignette("sudden-face-droop");
  const driver = await run(page, "element", v.input, { keyboard: true });
  await expect(driver.verdict("emergency")).toBeVisible();
  await expect(ways.element(page).getByRole("heading", { name: m.result.title })).toBeFocused();
});

test("until the person touches the widget, the host page pays only for the small card", async ({ page, widgetOrigin, demoOrigin, requests }) => {
  // (The iframe way is left out here: it is a page of its own.)
  await page.route("**/embed.html*", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>x</title>" }));
  await page.goto(`${demoOrigin}/host.html?widget=${encodeURIComponent(`${widgetOrigin}/`)}`);
  const start = ways.element(page).getByRole("button", { name: m.widget.start });
  await expect(start).toBeVisible();
  await page.waitForTimeout(500);
  const flowFiles = /\/(app\/checker\/[\w-]+\.js|app\/shared\/engine\.js|twitchcheck(-checker)?\.js|twitchcheck(-checker)?\.wasm)$/;
  expect(requests.filter((r) => flowFiles.test(r))).toEqual([]);
  await start.click();
  await expect(ways.element(page).getByRole("heading", { name: m.where.title })).toBeFocused();
  await expect.poll(() => requests.filter((r) => flowFiles.test(r)).sort()).toEqual([
    `GET ${widgetOrigin}/app/checker/checker.js`,
    `GET ${widgetOrigin}/app/checker/steps.js`, `GET ${widgetOrigin}/app/shared/engine.js`,
    `GET ${widgetOrigin}/twitchcheck-checker.js`, `GET ${widgetOrigin}/twitchcheck-checker.wasm`,
  ]);
});

// Computed styles of the host's own elements, to compare with and without the widget.
const hostStyles = (page) => page.evaluate(() => {
  const props = ["font-size", "font-family", "line-height", "color", "background-color", "margin-top", "display",
    "letter-spacing", "text-transform", "color-scheme", "box-sizing"];
  return [...document.querySelectorAll("html, body, header, main, article, h1, h2, p, footer, .widget-slot")]
    .map((el) => `${el.tagName}.${el.className}: ${props.map((p) => getComputedStyle(el).getPropertyValue(p)).join(" | ")}`);
});

test("the host's hostile CSS does not reach the widget, and the widget's CSS does not change the host", async ({ page, widgetOrigin, demoOrigin }) => {
  // The host page alone: the widget script answers with nothing.
  await page.route("**/widget.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
  await page.route("**/embed.html*", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>x</title>" }));
  await page.goto(`${demoOrigin}/host.html?widget=${encodeURIComponent(`${widgetOrigin}/`)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const alone = await hostStyles(page);
  await page.unrouteAll();

  await openHost(page, widgetOrigin, demoOrigin);
  for (const way of Object.keys(ways)) await run(page, way, suddenAfterWeeks);
  expect(await hostStyles(page)).toEqual(alone);

  // Inside, the reader's default size and the widget's own look, whatever `*` says outside.
  for (const way of Object.values(ways)) {
    const text = way(page).getByText(m.levels.emergency.detail, { exact: true });
    const look = await text.evaluate((el) => {
      const s = getComputedStyle(el);
      return { family: s.fontFamily, transform: s.textTransform, spacing: s.letterSpacing };
    });
    expect(look.transform).toBe("none");
    expect(look.spacing).toBe("normal");
    expect(look.family).not.toMatch(/Georgia/);
    const button = way(page).getByRole("button", { name: m.result.change });
    // (Its border: on an urgent result it is an outlined button, issue 23.)
    const buttonLook = await button.evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(buttonLook).toBe("rgb(11, 92, 173)"); // the widget's accent, not the host's hotpink
  }
  const size = await ways.element(page).getByText(m.result.alsoTitle, { exact: true }).evaluate((el) => getComputedStyle(el).fontSize);
  expect(size).toBe("16px");
});

test("at 280 px wide both ways fit without sideways scrolling", async ({ page, widgetOrigin, demoOrigin }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openHost(page, widgetOrigin, demoOrigin);
  await page.evaluate(() => {
    document.querySelector("twitch-check").style.width = "280px";
    document.querySelector("iframe").style.width = "280px";
  });
  const overflow = async () => ({
    element: await page.locator("twitch-check").evaluate((el) => {
      const frame = el.shadowRoot.querySelector(".tc-widget");
      return frame.scrollWidth - frame.clientWidth;
    }),
    iframe: await ways.iframe(page).evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  });
  expect(await overflow()).toEqual({ element: 0, iframe: 0 });
  const v = vignette("spreading-ten-days");
  for (const way of Object.keys(ways)) {
    await run(page, way, v.input, {
      onStep: async () => expect(await overflow()).toEqual({ element: 0, iframe: 0 }),
    });
  }
  expect(await overflow()).toEqual({ element: 0, iframe: 0 });
});

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test("both ways, the emergency headline breaks between words, never inside \"emergency\"", async ({ page, widgetOrigin, demoOrigin }) => {
    await openHost(page, widgetOrigin, demoOrigin);
    for (const way of Object.keys(ways)) {
      await run(page, way, vignette("sudden-face-droop").input);
      const headline = ways[way](page).getByText(m.levels.emergency.headline, { exact: true });
      // The word's own boxes: one line box means it is whole; it must also fit the line.
      const word = await headline.evaluate((el) => {
        const text = el.firstChild;
        const start = text.data.indexOf("emergency");
        const range = el.ownerDocument.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + "emergency".length);
        const boxes = [...range.getClientRects()];
        const style = getComputedStyle(el);
        const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return {
          lineBoxes: boxes.length,
          fits: boxes.every((box) => box.width <= inner),
          overflowWrap: style.overflowWrap,
          wordBreak: style.wordBreak,
          hyphens: style.hyphens,
        };
      });
      expect(word, way).toEqual({ lineBoxes: 1, fits: true, overflowWrap: "normal", wordBreak: "normal", hyphens: "manual" });
    }
  });
});

test("the widget's emergency result says one thing; its lang attribute picks the number", async ({ page, widgetOrigin, demoOrigin }) => {
  await openHost(page, widgetOrigin, demoOrigin);
  await page.locator("twitch-check").evaluate((el) => el.setAttribute("lang", "en-GB"));
  const root = ways.element(page);
  const driver = await run(page, "element", suddenAfterWeeks);
  await expect(driver.verdict("emergency")).toBeVisible();
  await expect(root.getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");
  await expect(root.getByText("The number is 911 in the US, 112 in Europe and 999 in the UK.", { exact: true })).toBeVisible();
  await expect(root.getByRole("region", { name: "Why" }).getByRole("heading", { level: 4 })).toHaveText([ruleOf("SAFETY-SUDDEN").cause]);
  await expect(root.getByText("What to do:")).toHaveCount(0);
  await expect(root.getByRole("region", { name: "Self-care tips" })).toHaveCount(0);
  for (const advice of adviceTexts) await expect(root.getByText(advice)).toHaveCount(0);
  await expect(root.locator("details")).not.toHaveAttribute("open");
  await expect(root.getByText("Also in your answers", { exact: true })).toBeVisible();
});

test("the iframe's lang parameter picks the words and the number too (de-DE: German, 112)", async ({ page, widgetOrigin, demoOrigin }) => {
  await openHost(page, widgetOrigin, demoOrigin);
  await page.locator("iframe").evaluate((frame) => {
    const url = new URL(frame.src);
    url.searchParams.set("lang", "de-DE");
    frame.src = url.href;
  });
  const de = await loadMessages("de");
  const root = ways.iframe(page);
  await expect(root.getByRole("heading", { name: de.where.title })).toBeVisible();
  await new CheckerDriver(page, de, { root, language: "de" }).complete(vignette("sudden-face-droop").input);
  await expect(root.getByRole("link", { name: format(de.result.call, { number: "112" }) })).toHaveAttribute("href", "tel:112");
  await expect(root.getByText("Die Nummer ist 911 in den USA, 112 in Europa und 999 in Großbritannien.", { exact: true })).toBeVisible();
});

test("theme and accent attributes restyle the widget", async ({ page, widgetOrigin, demoOrigin }) => {
  await openHost(page, widgetOrigin, demoOrigin);
  const element = page.locator("twitch-check");
  const frameLook = () => element.evaluate((el) => {
    const frame = el.shadowRoot.querySelector(".tc-widget");
    const next = el.shadowRoot.querySelector("button.tc-primary");
    return { background: getComputedStyle(frame).backgroundColor, button: getComputedStyle(next).backgroundColor, text: getComputedStyle(next).color };
  });
  // (Polled: buttons ease between colours unless the reader asks for reduced motion.)
  await expect.poll(frameLook).toEqual({ background: "rgb(255, 255, 255)", button: "rgb(11, 92, 173)", text: "rgb(255, 255, 255)" });
  await element.evaluate((el) => { el.setAttribute("theme", "dark"); el.setAttribute("accent", "#ffd54f"); });
  await expect.poll(frameLook).toEqual({ background: "rgb(21, 24, 28)", button: "rgb(255, 213, 79)", text: "rgb(0, 0, 0)" });
  await element.evaluate((el) => el.setAttribute("accent", "url(javascript:alert(1))"));
  // Not a colour, so ignored: the dark theme's own accent and text colour come back.
  await expect.poll(frameLook).toEqual({ background: "rgb(21, 24, 28)", button: "rgb(140, 193, 255)", text: "rgb(11, 26, 43)" });
});

// (axe-core writes inline styles while it measures; the demo page's own policy would
// refuse them, so these tests let the page's policy stand aside.)
test.describe("axe-core", () => {
  test.use({ bypassCSP: true });
  for (const scheme of ["light", "dark"]) {
    test(`axe-core finds no violations inside the widget, both ways, on every step, ${scheme} colours`, async ({ page, widgetOrigin, demoOrigin }) => {
      test.setTimeout(600_000);
      await page.emulateMedia({ colorScheme: scheme });
      await openHost(page, widgetOrigin, demoOrigin);
      // Every step and a self-care result with signs left open in the element; the
      // emergency result in the frame (the same styles both ways).
      await expectNoAxeViolations(page, `element: start card (${scheme})`, "twitch-check");
      await run(page, "element", vignette("partly-answered").input, {
        onStep: (step) => expectNoAxeViolations(page, `element: ${step} (${scheme})`, "twitch-check"),
      });
      const frame = page.frames().find((f) => f.url().startsWith(`${widgetOrigin}/embed.html`));
      await run(page, "iframe", vignette("sudden-face-droop").input, {
        onStep: (step) => expectNoAxeViolationsInFrame(frame, `iframe: ${step} (${scheme})`),
      });
    });
  }
});

// In another language: lang="es" on the element, ?lang=fr on the frame (the pseudo-language
// en-XA where a language's words are not there yet). Only that language's words are
// fetched, and the result comes back in it, the engine's causes included.
const { pageWords, pageLanguages, rulesIn } = require("./checker-flow.js");
const { PSEUDO, servePseudoLanguage, readableTexts, notBracketed } = require("./language-helpers.js");

for (const [way, wanted] of [["element", "es"], ["iframe", "fr"]]) {
  const tag = wanted in pageLanguages ? wanted : PSEUDO;
  test.describe(`the ${way} in ${tag}`, () => {
    test.use({ locale: "en-US", serviceWorkers: "block" });

    test(`${way === "element" ? `lang="${tag}"` : `?lang=${tag}`} gives the whole flow and result in ${tag}, fetching that language's words only`, async ({ page, context, widgetOrigin, demoOrigin, requests }) => {
      if (tag === PSEUDO) await servePseudoLanguage(context);
      const words = tag === PSEUDO ? null : pageWords(tag, "checker");
      await page.goto(`${demoOrigin}/host.html?widget=${encodeURIComponent(`${widgetOrigin}/`)}&lang=${tag}`);
      const root = ways[way](page);
      const theirs = words ?? await (await page.request.get(`${widgetOrigin}/lang/${PSEUDO}/checker.json`)).json();
      if (way === "element") await expect(root.getByRole("button", { name: theirs.widget.start })).toBeVisible();
      else await expect(root.getByRole("heading", { name: theirs.where.title })).toBeVisible();
      const driver = new CheckerDriver(page, theirs, { root, language: tag });
      if (way === "element") await driver.press(root.getByRole("button", { name: theirs.widget.start }));
      const v = vignette("spreading-ten-days");
      await driver.complete(v.input);
      await expect(driver.verdict(v.expect.level)).toBeVisible();
      const causes = root.getByRole("heading", { level: way === "element" ? 4 : 3 });
      if (words) await expect(causes).toHaveText(v.expect.fired.map((id) => rulesIn(tag).rules.find((r) => r.id === id).cause));
      else await expect(causes).toHaveText(v.expect.fired.map(() => /^\[/));
      if (way === "element") await expect(page.locator("twitch-check")).toHaveAttribute("lang", tag);
      const langOf = await root.evaluate((el) => el.closest("[lang]")?.lang);
      expect(langOf).toBe(tag);
      if (!words) {
        // Every word of the widget came from its words files (the host's page is its own).
        const texts = await readableTexts(page, way === "element" ? { frames: (url) => !url.startsWith(widgetOrigin), within: "twitch-check" }
          : { frames: (url) => url.startsWith(widgetOrigin) });
        expect(notBracketed(texts).map(({ text, where }) => `${text} (${where})`)).toEqual([]);
      }
      // The words fetched (by both ways on the host page): this language's page words, and
      // the engine's for the module; no other language's.
      const fetched = [...new Set(requests.filter((r) => /\/(lang\/[^/]+\/\w+\.json|engine-words\/[^/]+\.json)$/.test(r))
        .map((r) => r.replace(/^GET /, "")))];
      expect(fetched).toEqual([`${widgetOrigin}/lang/${tag}/checker.json`, `${widgetOrigin}/engine-words/${tag}.json`]);
    });
  });
}

test("changing the element's lang starts it again in the new language", async ({ page, widgetOrigin, demoOrigin }) => {
  await openHost(page, widgetOrigin, demoOrigin);
  const root = ways.element(page);
  await expect(root.getByRole("button", { name: m.widget.start })).toBeVisible();
  const fr = await loadMessages("fr");
  await page.locator("twitch-check").evaluate((el) => el.setAttribute("lang", "fr-CA"));
  await expect(root.getByRole("button", { name: fr.widget.start })).toBeVisible();
  await expect(root.getByRole("region", { name: fr.widget.label })).toHaveAttribute("lang", "fr");
  await expect(root.getByRole("heading", { level: 2 })).toHaveText(fr.flow.title);
});
