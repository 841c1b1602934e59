// Drives the checker the way a person does, by mouse or by keyboard only, from a
// vignette's `input`, in any of the page's languages. Works on the app page and inside the
// widget (pass the widget's host locator as `root`; Playwright's locators see into open
// shadow roots).
const fs = require("node:fs");
const path = require("node:path");
const { expect } = require("@playwright/test");

const repoDir = path.resolve(__dirname, "../..");

// The words a person sees in language `tag`: the product's own files (web/lang/<tag>/).
function pageWords(tag, part) {
  return JSON.parse(fs.readFileSync(path.join(repoDir, "web", "lang", tag, `${part}.json`), "utf8"));
}
async function loadMessages(tag = "en") {
  return pageWords(tag, "checker");
}

// The engine's words in language `tag` (core/lang/<tag>.json).
function engineWords(tag) {
  return JSON.parse(fs.readFileSync(path.join(repoDir, "core", "lang", `${tag}.json`), "utf8"));
}

// The languages the page offers (web/lang/languages.json), tag -> name in itself.
const pageLanguages = JSON.parse(fs.readFileSync(path.join(repoDir, "web", "lang", "languages.json"), "utf8"));

// Fills `{name}` slots, as the page does.
const format = (template, values) => template.replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));

// What each level is called on screen. Written out here, not read from the words file, so
// the English tests check the words themselves.
const levelWords = {
  emergency: "Emergency",
  immediate: "See a doctor today",
  urgent: "Urgent: within days",
  prompt: "See a specialist soon",
  consult: "Book a doctor visit",
  monitor: "Keep an eye on it",
  self_care: "Self-care at home",
};

// The rule set, with each rule's words in `tag` (the rule file keeps ids, levels and
// conditions; core/lang/<tag>.json the causes, actions and advice, as the engine reads them).
const ruleFile = JSON.parse(fs.readFileSync(path.join(repoDir, "core", "rules", "checker-rules.json"), "utf8"));
function rulesIn(tag) {
  const words = engineWords(tag).checker;
  return {
    ...ruleFile,
    rules: ruleFile.rules.map((rule) => ({ ...rule, ...words.rules[rule.id] })),
    advice: ruleFile.advice.map((step) => ({ ...step, text: words.advice[step.id] })),
    disclaimer: words.disclaimer,
  };
}
const rules = rulesIn("en");
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
  // `language`: the tag of `m`, the words the page shows.
  constructor(page, m, { keyboard = false, root, onStep, language = "en" } = {}) {
    this.page = page;
    this.m = m;
    this.language = language;
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
      // Arrows move the choice of a closed <select>, whatever the options' first letters.
      const labels = await select.locator("option").allTextContents();
      const from = await select.evaluate((el) => el.selectedIndex);
      const to = labels.indexOf(sideLabel);
      for (let i = from; i < to; i += 1) await this.page.keyboard.press("ArrowDown");
      for (let i = from; i > to; i -= 1) await this.page.keyboard.press("ArrowUp");
    } else {
      await select.selectOption({ label: sideLabel });
    }
    await expect(select.locator("option:checked")).toHaveText(sideLabel);
  }

  answerWord(value) {
    return value ? this.m.answers.yes : this.m.answers.no;
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
      const select = root.getByLabel(`${m.where.side} ${format(m.where.sideFor, { region: m.regions[region] })}`, { exact: true });
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
      input.lifestyle_changes_tried ? m.answers.yes : m.answers.no);
    const weeks = input.self_care_weeks ?? 0;
    await this.type(root.getByLabel(m.tried.weeksLabel), String(weeks));
    if (weeks > 0) {
      const improved = input.improved === null || input.improved === undefined ? m.answers.notSure : this.answerWord(input.improved);
      await this.choose(root.getByRole("group", { name: m.tried.improvedLegend }), improved);
    }
    await this.next();

    await expect(this.heading(m.signs.title)).toBeVisible();
    await this.onStep("signs");
    for (const key of Object.keys(m.findings)) {
      const answer = key in findingAnswers ? findingAnswers[key]
        : key in (input.findings ?? {}) ? this.answerWord(input.findings[key]) : null;
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

  // The verdict line of the result, e.g. "Result: Emergency" (in English, the words
  // written out above; in another language, its file's).
  verdict(level) {
    const name = this.language === "en" ? levelWords[level] : this.m.levels[level].name;
    return this.root.getByText(`${this.m.result.levelLabel} ${name}`, { exact: true });
  }
}

module.exports = {
  loadMessages, pageWords, engineWords, pageLanguages, format, levelWords, CheckerDriver, tabTo,
  rules, rulesIn, ruleOf, shownReasons, laterReasons,
};
