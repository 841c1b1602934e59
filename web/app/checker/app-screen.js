// The app's checker screen (never the widget's): the check kept for the tab and in the
// browser's history, so Back, a reload and a language switch keep it; next steps after a result.

import { h } from "../shared/dom.js";
import { mountChecker } from "./checker.js";
import { freshAnswers, steps } from "./steps.js";

// The tab's one check in progress: { view, answers } (a step's index or "result"). Cleared
// by "Start again" and when the person leaves a finished check (docs/decisions.md,
// "Second walk"). Nothing goes to localStorage or IndexedDB.
const key = "twitchcheck.check";
const session = {
  read() {
    try {
      const kept = JSON.parse(sessionStorage.getItem(key));
      const answers = fromJson(kept?.answers);
      const view = kept?.view === "result" || (Number.isInteger(kept?.view) && kept.view >= 0 && kept.view < steps.length) ? kept.view : null;
      return answers && view !== null ? { view, answers } : null;
    } catch {
      return null; // no storage here, or something not written by this page: start afresh
    }
  },
  write(view, answers) {
    try {
      sessionStorage.setItem(key, JSON.stringify({ view, answers: toJson(answers) }));
    } catch {
      // storage refused (a private window, full): the check goes on in memory
    }
  },
  clear() {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // nothing was kept
    }
  },
};

const toJson = (answers) => ({ ...answers, regions: [...answers.regions], triggers: [...answers.triggers] });

// Answers read back, each part checked: anything not in the page's own shape is dropped.
function fromJson(kept) {
  if (!kept || typeof kept !== "object") return null;
  const answers = freshAnswers();
  const text = (value) => (typeof value === "string" ? value : null);
  const choice = (value) => (["yes", "no", "unsure"].includes(value) ? value : null);
  if (Array.isArray(kept.regions)) {
    for (const pair of kept.regions) if (Array.isArray(pair) && text(pair[0]) && text(pair[1])) answers.regions.set(pair[0], pair[1]);
  }
  answers.days = text(kept.days) ?? "";
  answers.weeks = text(kept.weeks) ?? "0";
  answers.lifestyle = choice(kept.lifestyle) === "unsure" ? null : choice(kept.lifestyle);
  answers.improved = choice(kept.improved);
  for (const [finding, value] of Object.entries(kept.findings ?? {})) if (choice(value)) answers.findings[finding] = value;
  if (Array.isArray(kept.triggers)) for (const trigger of kept.triggers) if (text(trigger)) answers.triggers.add(trigger);
  return answers;
}

// By a name, not a literal import(): the first result's size counts what it really loads
// (cmake/widget-sizes.mjs follows only literal paths).
const saveModule = "./save-check.js";

// On a self-care or keep-an-eye result: the plan and the log, and saving this check in
// the journal (its code and words load only when pressed).
function nextSteps(m, assessment, result) {
  const status = h("p", { class: "tc-status", role: "status" });
  const save = h("button", { type: "button", class: "tc-secondary", onclick: async () => {
    save.disabled = true;
    const { saveCheck } = await import(saveModule);
    const { ok, text } = await saveCheck(assessment, result);
    status.textContent = text;
    save.disabled = ok; // saved once; a failure may be tried again
  } }, m.app.saveCheck);
  const calm = result.level === "self_care" || result.level === "monitor";
  return h("div", { class: "tc-next" },
    calm ? h("ul", { class: "tc-next-list" },
      h("li", null, h("a", { href: "#/plan" }, m.app.nextPlan)),
      h("li", null, h("a", { href: "#/log" }, m.app.nextLog))) : null,
    h("div", { class: "tc-actions" }, save), status);
}

// The history entry of each view: { checkerView, checkerFrom } beside what else the page
// keeps there. A step moved forward to is a new entry; Back (the page's) returns to the
// entry before when that is the step it goes to.
export function render(main, { focus, words: m, language }) {
  let current = null;
  const kept = session.read();
  const asked = history.state?.checkerView;
  const onView = (view, how, answers) => {
    if (how === "restart") session.clear(); // "Start again": nothing kept until the next step
    else session.write(view, answers);
    const entry = { ...history.state, checkerView: view, checkerFrom: current };
    if (how === "next" || how === "jump") history.pushState(entry, "");
    else if (how === "back" && history.state?.checkerFrom === view) history.back();
    else if (how !== "history") history.replaceState(entry, "");
    current = view;
  };
  const checker = mountChecker(main, {
    headingLevel: 1, focusOnStart: focus, words: m, language,
    answers: kept?.answers,
    startAt: kept ? (asked !== undefined && (asked === "result" || Number.isInteger(asked)) ? asked : kept.view) : 0,
    onView,
    resultSlot: (assessment, result) => nextSteps(m, assessment, result),
  });
  const onPop = () => {
    const view = history.state?.checkerView;
    if (view !== undefined && view !== current) checker.go(view);
  };
  // A reload or a language switch: what the step on screen holds is kept too.
  const onHide = () => {
    if (current !== null && current !== "result") session.write(current, checker.answers());
  };
  addEventListener("popstate", onPop);
  addEventListener("pagehide", onHide);
  return {
    destroy() {
      removeEventListener("popstate", onPop);
      removeEventListener("pagehide", onHide);
      if (current === "result") session.clear(); // a finished check, left
      else onHide(); // a check left part-way: back to it with the browser's Back
      checker.destroy();
    },
  };
}
