// <twitch-check>: the checker inside a host's page, in a shadow root. Attributes are its
// API: theme (light | dark | auto), accent (a CSS colour), lang, base (where the module
// lives; default: the folder this script came from) and share-result. It stores nothing,
// sends nothing, and tells the host nothing unless share-result is set.
//
// Until the person shows interest it is only a small card (this file, the strings and
// the styles). The first touch or focus loads the flow's code and the WebAssembly module;
// "Start the check" opens the flow, the same checker.js the app uses.
import { messages as m } from "../app/messages.js";
import { h } from "../app/dom.js";
import { applyAccent } from "./accent.js";

const siteRoot = new URL("../", import.meta.url);
const stylesheets = ["styles/checker.css", "widget/widget.css"].map((file) => new URL(file, siteRoot).href);
const interest = ["pointerdown", "focusin", "keydown"];

export class TwitchCheckElement extends HTMLElement {
  static observedAttributes = ["theme", "accent", "lang"];

  #frame = null;
  #loading = null;

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    if (this.#frame) return;
    // The text is English until translations exist, whatever `lang` asks for.
    this.#frame = h("div", { class: "tc-widget", role: "region", "aria-label": m.widget.label, lang: "en" });
    const links = stylesheets.map((href) => h("link", { rel: "stylesheet", href }));
    // Nothing shows until the styles are in, so the host never sees an unstyled flash.
    this.#frame.hidden = true;
    Promise.all(links.map((link) => new Promise((done) => {
      link.addEventListener("load", done, { once: true });
      link.addEventListener("error", done, { once: true });
    }))).then(() => { this.#frame.hidden = false; });
    this.shadowRoot.append(...links, this.#frame);
    this.#applyAttributes();
    this.#showStartCard();
  }

  attributeChangedCallback() {
    if (this.#frame) this.#applyAttributes();
  }

  #applyAttributes() {
    const theme = this.getAttribute("theme");
    this.#frame.dataset.theme = theme === "light" || theme === "dark" ? theme : "auto";
    applyAccent(this.#frame, this.getAttribute("accent"));
  }

  #showStartCard() {
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
        headingLevel: 2,
        intro: false,
        focusOnStart: true,
        appLink: new URL("index.html#/check", siteRoot).href,
        lang: this.getAttribute("lang"),
        onResult: (result) => this.#share(result),
      });
    });
    this.#frame.append(card);
  }

  // The flow's modules and the checker's WebAssembly module, once, from beside this
  // script (or `base`).
  #load() {
    this.#loading ??= Promise.all([import("../app/checker.js"), import("../app/engine.js")])
      .then(([{ mountChecker }, { checkerEngineAt }]) => {
        const base = new URL(this.getAttribute("base") ?? siteRoot.href, document.baseURI);
        if (!base.pathname.endsWith("/")) base.pathname += "/";
        const engine = checkerEngineAt(base);
        engine.warm().catch(() => {}); // a failure is shown when the result is asked for
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
