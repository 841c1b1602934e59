// Plays the checker's steps for a vignette (the same plan Playwright's CheckerDriver
// plays: tests/browser/checker-steps.js) with this folder's locators, by mouse or by
// keyboard only (Tab, Space, arrows, a letter in a list, Enter), as a person would.
const { checkerSteps } = require("../browser/checker-steps.js");

const byMouse = {
  press: (button) => button.click(),
  check: (box) => box.check(),
  fill: (field, value) => field.fill(value),
  select: (list, option) => list.selectOption(option),
  choose: (group, option) => group.getByRole("radio", { name: option, exact: true }).check(),
};

const byKeyboard = {
  async press(button) {
    await button.tabTo();
    await button.scope.tab.press("Enter");
  },
  async check(box) {
    await box.tabTo();
    await box.scope.tab.press("Space");
    await box.toBeChecked();
  },
  async fill(field, value) {
    await field.tabTo();
    await field.scope.tab.press("Control+a");
    await field.scope.tab.typeText(value);
    await field.toHaveValue(value);
  },
  // Typing an option's first letter picks it in a closed list.
  async select(list, option) {
    await list.tabTo();
    await list.scope.tab.typeText(option[0]);
    await list.evaluateAll((els) => els.map((el) => el.selectedOptions[0].textContent.trim()))
      .then((shown) => { if (shown[0] !== option) throw new Error(`the list shows "${shown[0]}", not "${option}"`); });
  },
  // A radio group is one Tab stop; the arrows move and check, as in any browser.
  async choose(group, option) {
    const radios = group.getByRole("radio");
    const labels = await radios.evaluateAll((els) => els.map((el) => el.labels[0].textContent.trim()));
    const checked = await radios.evaluateAll((els) => els.findIndex((el) => el.checked));
    const target = labels.indexOf(option);
    const from = Math.max(checked, 0);
    await group.getByRole("radio", { name: labels[from], exact: true }).tabTo();
    const tab = group.scope.tab;
    if (checked === -1 && target === 0) await tab.press("Space");
    for (let i = from; i < target; i += 1) await tab.press("ArrowRight");
    for (let i = from; i > target; i -= 1) await tab.press("ArrowLeft");
    await group.getByRole("radio", { name: option, exact: true }).toBeChecked();
  },
};

async function act(root, action, how) {
  switch (action.kind) {
    case "check":
      return how.check(root.getByRole(action.role, { name: action.name, exact: action.exact }));
    case "select":
      return how.select(root.getByLabel(action.label, { exact: true }), action.option);
    case "fill":
      return how.fill(root.getByLabel(action.label), action.value);
    case "choose":
      return how.choose(root.getByRole("group", { name: action.group, exact: action.groupExact }), action.option);
    default:
      throw new Error(`unknown step action ${action.kind}`);
  }
}

// `root`: a Scope (the page, a frame, or the widget's element). Ends on the result.
async function playChecker(root, m, input, { keyboard = false, ...options } = {}) {
  const how = keyboard ? byKeyboard : byMouse;
  for (const step of checkerSteps(m, input, options)) {
    await root.getByRole("heading", { name: step.heading, exact: true }).toBeVisible();
    for (const action of step.actions) await act(root, action, how);
    await how.press(root.getByRole("button", { name: step.advance, exact: true }));
  }
  await root.getByRole("heading", { name: m.result.title, exact: true }).toBeVisible();
}

module.exports = { playChecker };
