// The app shell's router: one screen at a time in <main>, chosen by the location hash
// (#/check). Screens come from screens.js; this file knows none of them by name. The
// header's words and the language picker are set here, in the page's language.

import { screens } from "./shared/screens.js";
import { messages as m, language } from "./shared/messages.js";
import { languages } from "./shared/language.js";
import { rememberLanguage } from "./shared/language-choice.js";
import { h } from "./shared/dom.js";
import { watchForUpdates } from "./shared/offline.js";

const main = document.querySelector("main");
const nav = document.querySelector("nav");
let current = null;
let navigations = 0;

function buildNav() {
  nav.setAttribute("aria-label", m.app.navLabel);
  nav.replaceChildren(h("ul", null, screens.map((screen) =>
    h("li", null, h("a", { href: `#${screen.path}`, dataset: { path: screen.path } }, screen.label)))));
}

const aliases = { "/privacy": "/settings", "/patterns": "/insights" }; // the nav's names for two screens
function pathOf(hash) {
  const path = hash.replace(/^#/, "");
  return path === "" || path === "/" ? screens[0].path : aliases[path] ?? path;
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
  // Each navigation draws into a place of its own: a screen still loading when the person
  // moves on (a large journal opening) finishes into a place no longer on the page, and is
  // then taken down, instead of replacing the newer screen.
  const navigation = navigations;
  const place = h("div", { class: "app-screen" });
  main.append(place);
  const title = await screen.title();
  if (navigation !== navigations) return; // the person has moved on
  document.title = `${title} · ${m.app.name}`;
  const shown = await screen.render(place, { focus });
  if (navigation !== navigations) {
    shown?.destroy?.();
    return;
  }
  current = shown;
}

// The picker names each language in itself. A choice is remembered (language.js) and
// the page reloads in it: every screen, the engine's words and the manifest change at
// once. Focus comes back to the picker (history.state survives the reload).
function buildLanguagePicker() {
  const select = h("select", { id: "app-language", name: "lang" },
    languages.map(([tag, name]) => h("option", { value: tag, lang: tag, selected: tag === language }, name)));
  select.addEventListener("change", () => {
    const url = new URL(location.href);
    // Where nothing can be remembered, the address carries the choice instead.
    if (rememberLanguage(select.value)) url.searchParams.delete("lang");
    else url.searchParams.set("lang", select.value);
    history.replaceState({ ...history.state, languagePicked: true }, "", url);
    location.reload();
  });
  document.querySelector(".app-language").replaceChildren(
    h("label", { for: "app-language" }, m.app.language), " ", select);
  if (history.state?.languagePicked) {
    history.replaceState({ ...history.state, languagePicked: undefined }, "");
    select.focus();
  }
}

document.documentElement.lang = language;
document.querySelector('meta[name="description"]').content = m.app.description;
document.querySelector('link[rel="manifest"]').href = `manifest.${language}.webmanifest`;
document.querySelector(".skip-link").textContent = m.app.skipLink;
document.querySelector(".app-name").textContent = m.app.name;
document.querySelector(".app-tagline").textContent = m.app.tagline;
buildNav();
buildLanguagePicker();
addEventListener("hashchange", route);
route();
// No module loads here: the checker screen fetches its checker-only module when the
// person first touches the checker (checker.js), so the download and its compile never
// hold up the first paint; the journal screens load the full module themselves.
// Offline use and updates the person accepts (sw.js).
watchForUpdates();
