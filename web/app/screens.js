// The app's screens, one entry each: the hash path it lives at, its nav label, and
// `render(main)`, which draws it into <main> and may return `{ destroy() }` for when the
// person leaves. The first entry is the start screen. Add a screen by adding an entry
// (and its own module); main.js builds the nav and the routing from this list.

import { messages as m } from "./messages.js";

export const screens = [
  {
    path: "/check",
    label: m.nav.check,
    title: m.flow.title,
    async render(main, { focus }) {
      const { mountChecker } = await import("./checker.js");
      return mountChecker(main, { headingLevel: 1, focusOnStart: focus });
    },
  },
];
