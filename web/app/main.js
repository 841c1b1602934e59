// The app shell's router: one screen at a time in <main>, chosen by the location hash
// (#/check). Screens come from screens.js; this file knows none of them by name.

import { screens } from "./screens.js";
import { messages as m } from "./messages.js";
import { h } from "./dom.js";
import { watchForUpdates } from "./offline.js";

const main = document.querySelector("main");
const nav = document.querySelector("nav");
let current = null;
let navigations = 0;

function buildNav() {
  nav.setAttribute("aria-label", m.app.navLabel);
  nav.replaceChildren(h("ul", null, screens.map((screen) =>
    h("li", null, h("a", { href: `#${screen.path}`, dataset: { path: screen.path } }, screen.label)))));
}

function pathOf(hash) {
  const path = hash.replace(/^#/, "");
  return path === "" || path === "/" ? screens[0].path : path;
}

async function route() {
  const path = pathOf(location.hash);
  const screen = screens.find((s) => s.path === path);
  navigations += 1;
  const focus = navigations > 1; // moving focus on first load would skip the header
  current?.destroy?.();
  current = null;
  main.replaceChildren();
  for (const link of nav.querySelectorAll("a")) {
    if (link.dataset.path === path) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (!screen) {
    document.title = `${m.app.notFoundTitle} · ${m.app.name}`;
    const title = h("h1", { tabindex: "-1" }, m.app.notFoundTitle);
    main.append(title, h("p", null, m.app.notFoundText),
      h("p", null, h("a", { href: `#${screens[0].path}` }, m.app.notFoundLink)));
    if (focus) title.focus();
    return;
  }
  document.title = `${screen.title} · ${m.app.name}`;
  current = await screen.render(main, { focus });
}

document.querySelector(".skip-link").textContent = m.app.skipLink;
document.querySelector(".app-name").textContent = m.app.name;
document.querySelector(".app-tagline").textContent = m.app.tagline;
buildNav();
addEventListener("hashchange", route);
route();
// No module loads here: the checker screen fetches its checker-only module when the
// person first touches the checker (checker.js), so the download and its compile never
// hold up the first paint; the journal screens load the full module themselves.
// Offline use and updates the person accepts (sw.js).
watchForUpdates();
