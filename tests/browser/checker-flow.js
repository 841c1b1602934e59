// Drives the checker the way a person does, by mouse or by keyboard only, from a
// vignette's `input`. Works on the app page and inside the widget (pass the widget's
// host locator as `root`; Playwright's locators see into open shadow roots).
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { pathToFileURL } = require("node:url");
const { expect } = require("@playwright/test");

// The words a person sees come from the product's own messages file (an ES module, read
// by a plain Node process: the test runner's own loader treats .js as CommonJS here).
async function loadMessages() {
  const url = pathToFileURL(path.resolve(__dirname, "../../web/app/messages.js")).href;
  const text = execFileSync(process.execPath, ["--input-type=module", "--no-warnings", "-e",
    `const { messages } = await import(${JSON.stringify(url)}); process.stdout.write(JSON.stringify(messages));`]);
  return JSON.parse(text);
}

// What each level is called on screen. Written out here, not read from messages.js, so
// the test checks the words themselves.
const levelWords = {
  emergency: "Emergency",
  immediate: "See a doctor today",
  urgent: "Urgent: within days",
  prompt: "See a specialist soon",
  consult: "Book a doctor visit",
  monitor: "Keep an eye on it",
  self_care: "Self-care at home",
};

const answerWord = { true: "Yes", false: "No" };

// The rule set, for the words of each rule (read from the rule file, as the engine does).
const rules = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../core/rules/checker-rules.json"), "utf8"));
const ruleOf = (id) => rules.rules.find((rule) => rule.id === id);
// An emergency or same-day result shows only the reasons at its own level; the others
// (but self-care) wait under the closed "Also in your answers".
const urgentLevels = ["emergency", "immediate"];
const shownReasons = ({ level, fired }) =>
  (urgentLevels.includes(level) ? fired.filter((id) => ruleOf(id).level === level) : fired);
const laterReasons = ({ level, fired }) =>
  (urgentLevels.includes(level) ? fired.filter((id) => ![level, "self_care"].includes(ruleOf(id).level)) : []);

// Presses Tab until `target` has focus (and fails if it never gets it).
async function tabTo(page, target, limit = 120) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el.matches(":focus")).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

class CheckerDriver {
  constructor(page, m, { keyboard = false, root, onStep } = {}) {
    this.page = page;
    this.m = m;
    this.keyboard = keyboard;
    this.root = root ?? page.locator("body");
    this.onStep = onStep ?? (async () => {});
  }

  async press(button) {
    if (this.keyboard) {
      await tabTo(this.page, button);
      await this.page.keyboard.press("Enter");
    } else {
      await button.click();
    }
  }

  async check(box) {
    if (this.keyboard) {
      await tabTo(this.page, box);
      await this.page.keyboard.press("Space");
    } else {
      await box.click();
    }
    await expect(box).toBeChecked();
  }

  async type(field, text) {
    if (this.keyboard) {
      await tabTo(this.page, field);
      await this.page.keyboard.press("Control+A");
      await this.page.keyboard.type(text);
    } else {
      await field.click();
      await field.fill(text);
    }
  }

  // Radios in a group of "Yes / No / Not sure": arrows move and check, as in any browser.
  async choose(group, label) {
    const radio = group.getByRole("radio", { name: label, exact: true });
    if (this.keyboard) {
      const radios = group.getByRole("radio");
      const labels = await radios.evaluateAll((els) => els.map((el) => el.labels[0].textContent));
      const checked = await radios.evaluateAll((els) => els.findIndex((el) => el.checked));
      const target = labels.indexOf(label);
      await tabTo(this.page, radios.nth(Math.max(checked, 0)));
      if (checked === -1 && target === 0) await this.page.keyboard.press("Space");
      for (let i = Math.max(checked, 0); i < target; i += 1) await this.page.keyboard.press("ArrowRight");
      for (let i = Math.max(checked, 0); i > target; i -= 1) await this.page.keyboard.press("ArrowLeft");
    } else {
      await radio.click();
    }
    await expect(radio).toBeChecked();
  }

  async selectSide(select, sideLabel) {
    if (this.keyboard) {
      await tabTo(this.page, select);
      // Typing an option's first letter picks it in a closed <select>.
      await this.page.keyboard.press(sideLabel[0]);
    } else {
      await select.selectOption({ label: sideLabel });
    }
    await expect(select.locator("option:checked")).toHaveText(sideLabel);
  }

  heading(name) {
    return this.root.getByRole("heading", { name, exact: true });
  }

  button(name) {
    return this.root.getByRole("button", { name, exact: true });
  }

  async next() {
    await this.press(this.button(this.m.flow.next));
  }

  // Answers every step from `input`; `findingAnswers` may override a finding's answer
  // with "Not sure" or null (skip). Ends on the result screen.
  async complete(input, { findingAnswers = {} } = {}) {
    const { m, root } = this;
    await expect(this.heading(m.where.title)).toBeVisible();
    await this.onStep("where");
    for (const { region, side } of input.regions ?? []) {
      await this.check(root.getByRole("checkbox", { name: m.regions[region], exact: true }));
      const select = root.getByLabel(`${m.where.side} for ${m.regions[region]}`, { exact: true });
      await this.selectSide(select, m.sides[side]);
    }
    await this.next();

    await expect(this.heading(m.howLong.title)).toBeVisible();
    await this.onStep("howLong");
    await this.type(root.getByLabel(m.howLong.daysLabel), String(input.duration_days));
    await this.next();

    await expect(this.heading(m.tried.title)).toBeVisible();
    await this.onStep("tried");
    await this.choose(root.getByRole("group", { name: m.tried.lifestyleLegend }),
      input.lifestyle_changes_tried ? "Yes" : "No");
    const weeks = input.self_care_weeks ?? 0;
    await this.type(root.getByLabel(m.tried.weeksLabel), String(weeks));
    if (weeks > 0) {
      const improved = input.improved === null || input.improved === undefined ? "Not sure" : answerWord[input.improved];
      await this.choose(root.getByRole("group", { name: m.tried.improvedLegend }), improved);
    }
    await this.next();

    await expect(this.heading(m.signs.title)).toBeVisible();
    await this.onStep("signs");
    for (const key of Object.keys(m.findings)) {
      const answer = key in findingAnswers ? findingAnswers[key]
        : key in (input.findings ?? {}) ? answerWord[input.findings[key]] : null;
      if (answer) await this.choose(root.getByRole("group", { name: m.findings[key], exact: true }), answer);
    }
    await this.next();

    await expect(this.heading(m.triggers.title)).toBeVisible();
    await this.onStep("triggers");
    for (const trigger of input.triggers ?? []) {
      await this.check(root.getByRole("checkbox", { name: m.triggers[trigger], exact: true }));
    }
    await this.press(this.button(m.flow.seeResult));
    await expect(this.heading(m.result.title)).toBeVisible();
    await this.onStep("result");
  }

  // The verdict line of the result, e.g. "Result: Emergency".
  verdict(level) {
    return this.root.getByText(`${this.m.result.levelLabel} ${levelWords[level]}`, { exact: true });
  }
}

module.exports = { loadMessages, levelWords, CheckerDriver, tabTo, rules, ruleOf, shownReasons, laterReasons };
