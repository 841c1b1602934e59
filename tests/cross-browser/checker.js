// Plays the checker's steps for a vignette (the same plan Playwright's CheckerDriver
// plays: tests/browser/checker-steps.js) with this folder's locators, by mouse.
const { checkerSteps } = require("../browser/checker-steps.js");

async function act(root, action) {
  switch (action.kind) {
    case "check":
      await root.getByRole(action.role, { name: action.name, exact: action.exact }).check();
      break;
    case "select":
      await root.getByLabel(action.label, { exact: true }).selectOption(action.option);
      break;
    case "fill":
      await root.getByLabel(action.label).fill(action.value);
      break;
    case "choose":
      await root.getByRole("group", { name: action.group, exact: action.groupExact })
        .getByRole("radio", { name: action.option, exact: true }).check();
      break;
    default:
      throw new Error(`unknown step action ${action.kind}`);
  }
}

// `root`: a Scope (the page, a frame, or the widget's element). Ends on the result.
async function playChecker(root, m, input, options = {}) {
  for (const step of checkerSteps(m, input, options)) {
    await root.getByRole("heading", { name: step.heading, exact: true }).toBeVisible();
    for (const action of step.actions) await act(root, action);
    await root.getByRole("button", { name: step.advance, exact: true }).click();
  }
  await root.getByRole("heading", { name: m.result.title, exact: true }).toBeVisible();
}

module.exports = { playChecker };
