// <twitch-check>: the checker inside a host's page, in a shadow root. Attributes are its
// API: theme (light | dark | auto), accent (a CSS colour), lang, base (where the module
// lives; default: the folder this script came from) and share-result. It stores nothing,
// sends nothing, and tells the host nothing unless share-result is set.
//
// Until the person shows interest it is only a small card (this file, its language's words
// and the styles). The first touch or focus loads the flow's code and the WebAssembly
// module; "Start the check" opens the flow, the same checker.js the app uses.
//
// Its words are those of `lang` (matched as the app matches: de-AT -> de), else of the
// host page's language around it, else of the browser's, else English: only that
// language's file is fetched (lang/<tag>/checker.json, and the engine's
// engine-words/<tag>.json on first touch).
import { h } from "../app/shared/dom.js";
import { loadWords } from "../app/shared/text.js";
import { matchLanguage, fallback } from "../app/shared/language.js";
import { siteFile, widgetStylesheets as stylesheets } from "../app/site-files.js";
import { version } from "../version.js";
import { applyAccent } from "./accent.js";

const interest = ["pointerdown", "focusin", "keydown"];

// The full app in the language shown, where this copy of the widget has it (not in the npm
// package's bundler entry: no link there).
function appLink(tag) {
  const app = siteFile("index.html");
  return app ? `${app}?lang=${tag}#/check` : null;
}

export class TwitchCheckElement extends HTMLElement {
  static observedAttributes = ["theme", "accent", "lang"];

  #frame = null;
  #loading = null;

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  // The project's version (the same as the app's, the CLI's and the npm package's).
  get version() {
    return version;
  }

  connectedCallback() {
    if (this.#frame) return;
    this.#frame = h("div", { class: "tc-widget", role: "region" });
    const links = stylesheets.map((href) => h("link", { rel: "stylesheet", href }));
    // Nothing shows until the styles and the words are in, so the host never sees an
    // unstyled or empty flash.
    this.#frame.hidden = true;
    const styled = Promise.all(links.map((link) => new Promise((done) => {
      link.addEventListener("load", done, { once: true });
      link.addEventListener("error", done, { once: true });
    })));
    this.shadowRoot.append(...links, this.#frame);
    this.#applyAttributes();
    Promise.all([styled, this.#showStartCard()]).then(() => { this.#frame.hidden = false; });
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#frame) return;
    this.#applyAttributes();
    // Another language starts the widget afresh in it (answers are never kept anyway).
    if (name === "lang" && before !== after && this.#language !== this.#wantedLanguage()) this.#showStartCard();
  }

  #language = null;

  #wantedLanguage() {
    const around = this.closest("[lang]")?.getAttribute("lang");
    return matchLanguage([this.getAttribute("lang"), around, ...(navigator.languages ?? [])]) ?? fallback;
  }

  // The words of the wanted language (English when they cannot be fetched).
  async #words() {
    const tag = this.#wantedLanguage();
    try {
      return { tag, m: await loadWords(tag, "checker") };
    } catch {
      return { tag: fallback, m: await loadWords(fallback, "checker") };
    }
  }

  #applyAttributes() {
    const theme = this.getAttribute("theme");
    this.#frame.dataset.theme = theme === "light" || theme === "dark" ? theme : "auto";
    applyAccent(this.#frame, this.getAttribute("accent"));
  }

  async #showStartCard() {
    const { tag, m } = await this.#words();
    this.#language = tag;
    this.#frame.lang = tag;
    this.#frame.setAttribute("aria-label", m.widget.label);
    this.#frame.replaceChildren();
    const start = h("button", { type: "button", class: "tc-primary" }, m.widget.start);
    const status = h("p", { class: "tc-error", role: "status" });
    const card = h("div", { class: "tc-checker tc-start" },
      h("h2", null, m.flow.title),
      h("p", { class: "tc-intro" }, m.flow.intro),
      h("p", { class: "tc-privacy" }, m.flow.introPrivacy),
      h("div", { class: "tc-actions" }, start),
      status);
    const load = () => {
      for (const type of interest) card.removeEventListener(type, load);
      return this.#load();
    };
    for (const type of interest) card.addEventListener(type, load);
    start.addEventListener("click", async () => {
      let loaded;
      try {
        loaded = await load();
      } catch {
        this.#loading = null; // the next click tries again
        status.textContent = `${m.engine.failedTitle}. ${m.engine.failedText}`;
        return;
      }
      const { mountChecker, engine } = loaded;
      card.remove();
      mountChecker(this.#frame, {
        engine,
        words: m,
        language: tag,
        headingLevel: 2,
        intro: false,
        focusOnStart: true,
        appLink: appLink(tag),
        lang: this.getAttribute("lang"),
        onResult: (result) => this.#share(result),
      });
    });
    this.#frame.append(card);
  }

  // The flow's modules and the checker's WebAssembly module, once, from beside this
  // script (or `base`).
  #load() {
    this.#loading ??= Promise.all([import("../app/checker/checker.js"), import("../app/shared/engine.js")])
      .then(([{ mountChecker }, { checkerEngineAt }]) => {
        let where = siteFile;
        if (this.hasAttribute("base")) {
          where = new URL(this.getAttribute("base"), document.baseURI);
          if (!where.pathname.endsWith("/")) where.pathname += "/";
        }
        const engine = checkerEngineAt(where);
        engine.warm(this.#language).catch(() => {}); // a failure is shown when the result is asked for
        return { mountChecker, engine };
      });
    return this.#loading;
  }

  // Only with share-result, and only the level and the ids of the rules that fired.
  #share({ level, rules }) {
    if (!this.hasAttribute("share-result")) return;
    this.dispatchEvent(new CustomEvent("twitchcheck:result", {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ level, rules: Object.freeze([...rules]) }),
    }));
  }
}
