// Drives the checker the way a person does, by mouse or by keyboard only, from a
// vignette's `input`, in any of the page's languages. Works on the app page and inside the
// widget (pass the widget's host locator as `root`; Playwright's locators see into open
// shadow roots).
const fs = require("node:fs");
const path = require("node:path");
const { expect } = require("@playwright/test");
const { loadMessages, pageWords, engineWords, pageLanguages, format, levelWords, verdictText, checkerSteps,
  nowFindings, signGroups, pageInput, openSigns, headlineFor } = require("./checker-steps.js");

// The rule set, with each rule's words in `tag` (the rule file keeps ids, levels and
// conditions; core/lang/<tag>.json the causes, actions and advice, as the engine reads them).
const ruleFile = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../core/rules/checker-rules.json"), "utf8"));
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
// The self-care tips, in the engine's English words.
const adviceTexts = rules.advice.map((step) => step.text);
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

  heading(name) {
    return this.root.getByRole("heading", { name, exact: true });
  }

  button(name) {
    return this.root.getByRole("button", { name, exact: true });
  }

  async next() {
    await this.press(this.button(this.m.flow.next));
  }

  // Answers every step from `input` (the plan in checker-steps.js); `findingAnswers` may
  // override a finding's answer with "Not sure" or null (skip). Ends on the result screen.
  async complete(input, options = {}) {
    const { m } = this;
    for (const step of checkerSteps(m, input, options)) {
      await expect(this.heading(step.heading)).toBeVisible();
      await this.onStep(step.name);
      for (const action of step.actions) await this.act(action);
      await this.press(this.button(step.advance));
    }
    await expect(this.heading(m.result.title)).toBeVisible();
    await this.onStep("result");
  }

  async act(action) {
    const { root } = this;
    if (action.kind === "check") await this.check(root.getByRole(action.role, { name: action.name, exact: action.exact }));
    else if (action.kind === "select") await this.selectSide(root.getByLabel(action.label, { exact: true }), action.option);
    else if (action.kind === "fill") await this.type(root.getByLabel(action.label), action.value);
    else if (action.kind === "choose") await this.choose(root.getByRole("group", { name: action.group, exact: action.groupExact }), action.option);
    else throw new Error(`unknown step action ${action.kind}`);
  }

  // The verdict line of the result, e.g. "Result: Emergency" (in English, the words
  // written out in checker-steps.js; in another language, its file's).
  verdict(level) {
    return this.root.getByText(verdictText(this.m, level, this.language), { exact: true });
  }
}

module.exports = {
  loadMessages, pageWords, engineWords, pageLanguages, format, levelWords, CheckerDriver, tabTo,
  rules, rulesIn, ruleOf, adviceTexts, shownReasons, laterReasons,
  nowFindings, signGroups, pageInput, openSigns, headlineFor,
};
