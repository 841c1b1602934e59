// The app's screens, one entry each: the hash path it lives at, its nav label, and
// `render(main)`, which draws it into <main> and may return `{ destroy() }` for when the
// person leaves. The first entry is the start screen. Add a screen by adding an entry
// (and its own module); main.js builds the nav and the routing from this list.

import { messages as m, language } from "./messages.js";

// The journal's screens (issue 5): each module's render(main, {focus}). Their words
// (messages-journal.js) come with the first of them; the nav's labels are the checker's.
// `title()` is the screen's title, once its words are there.
const journalScreen = (path, key, module) => ({
  path,
  label: m.nav[key],
  async title() {
    const { journalMessages } = await import("./messages-journal.js");
    return journalMessages[key].title;
  },
  async render(main, options) {
    const screen = await import(module);
    return screen.render(main, options);
  },
});

export const screens = [
  {
    path: "/check",
    label: m.nav.check,
    title: async () => m.flow.title,
    async render(main, { focus }) {
      const { render } = await import("../checker/app-screen.js");
      return render(main, { focus, words: m, language });
    },
  },
  journalScreen("/log", "log", "../journal/log/log.js"),
  journalScreen("/day", "day", "../journal/day/day.js"),
  journalScreen("/insights", "insights", "../journal/patterns.js"),
  journalScreen("/plan", "plan", "../journal/plan.js"),
  journalScreen("/recheck", "recheck", "../checker/recheck.js"),
  journalScreen("/report", "report", "../journal/report.js"),
  journalScreen("/settings", "settings", "../journal/privacy.js"),
];
