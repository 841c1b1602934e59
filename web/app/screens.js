// The app's screens, one entry each: the hash path it lives at, its nav label, and
// `render(main)`, which draws it into <main> and may return `{ destroy() }` for when the
// person leaves. The first entry is the start screen. Add a screen by adding an entry
// (and its own module); main.js builds the nav and the routing from this list.

import { messages as m, language } from "./messages.js";
import { journalMessages as jm } from "./messages-journal.js";

// The journal's screens (issue 5): each module's render(main, {focus}).
const journalScreen = (path, label, title, module) => ({
  path, label, title,
  async render(main, options) {
    const screen = await import(module);
    return screen.render(main, options);
  },
});

export const screens = [
  {
    path: "/check",
    label: m.nav.check,
    title: m.flow.title,
    async render(main, { focus }) {
      const { mountChecker } = await import("./checker.js");
      return mountChecker(main, { headingLevel: 1, focusOnStart: focus, words: m, language });
    },
  },
  journalScreen("/log", jm.nav.log, jm.log.title, "./log.js"),
  journalScreen("/day", jm.nav.day, jm.day.title, "./day.js"),
  journalScreen("/insights", jm.nav.insights, jm.insights.title, "./insights.js"),
  journalScreen("/plan", jm.nav.plan, jm.plan.title, "./plan.js"),
  journalScreen("/recheck", jm.nav.recheck, jm.recheck.title, "./recheck.js"),
  journalScreen("/report", jm.nav.report, jm.report.title, "./report.js"),
  journalScreen("/settings", jm.nav.settings, jm.settings.title, "./settings.js"),
];
