// Shared by the language tests: the pseudo-language en-XA (tests/module/pseudo_language.cjs,
// served by routes, never shipped), the text a person can see or hear on a page (every frame
// and shadow root), and the checks made on it: nothing outside [ ] in en-XA, nothing left
// in English on a German, Spanish or French screen.
const fs = require("node:fs");
const path = require("node:path");
const { pageWords, engineWords, pageLanguages } = require("./checker-flow.js");
const { pseudoText, pseudo, pseudoLanguage, outsideBrackets } = require("../module/pseudo_language.cjs");

const siteDir = path.resolve(__dirname, "../..", process.env.TWITCHCHECK_SITE_DIR ?? "build/site");
const PSEUDO = "en-XA";

// ---- the pseudo-language (tests/module/pseudo_language.cjs) ----------------------------

// The engine's words file for the checker-only module, made from the site's English one.
function pseudoEngineWords() {
  return pseudoLanguage(JSON.parse(fs.readFileSync(path.join(siteDir, "engine-words", "en.json"), "utf8")));
}

// Serves en-XA to every page of `context` as if the site had it: the language list, the
// page's words, the engine's words and the manifest. (A service worker would answer
// before the routes: contexts using this block service workers.)
async function servePseudoLanguage(context) {
  const list = [...Object.entries(pageLanguages), [PSEUDO, pseudoText("English")]];
  const json = (body) => ({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
  await context.route(/\/lang\/languages\.js$/, (route) => route.fulfill({
    status: 200, contentType: "text/javascript", body: `export const languages = ${JSON.stringify(list)};\n`,
  }));
  for (const part of ["checker", "journal"]) {
    const words = pseudo(pageWords("en", part));
    await context.route(new RegExp(`/lang/${PSEUDO}/${part}\\.json$`), (route) => route.fulfill(json(words)));
  }
  const engine = pseudoEngineWords();
  await context.route(new RegExp(`/engine-words/${PSEUDO}\\.json$`), (route) => route.fulfill(json(engine)));
  const manifest = JSON.parse(fs.readFileSync(path.join(siteDir, "manifest.en.webmanifest"), "utf8"));
  await context.route(new RegExp(`/manifest\\.${PSEUDO}\\.webmanifest$`), (route) => route.fulfill({
    status: 200, contentType: "application/manifest+json",
    body: JSON.stringify({ ...manifest, lang: PSEUDO, name: pseudoText(manifest.name), description: pseudoText(manifest.description) }),
  }));
}

// ---- what a person sees and hears ---------------------------------------------------

// Every text a person can see or a screen reader says, in every frame of the page (and in
// open shadow roots): [{text, where}]. Visible text nodes (with their <option>s), the names
// in aria-label, alt and title, and the document's title. A person's own notes (.tc-note)
// are theirs, in whatever language they wrote them, and text marked with another `lang`
// than the page's is in that language on purpose: both are left out. `frames` picks
// frames by URL; `within` (a selector) reads one element only, its shadow root included.
async function readableTexts(page, { frames = () => true, within = null } = {}) {
  const all = [];
  for (const frame of page.frames().filter((f) => frames(f.url()))) {
    const texts = await frame.evaluate((selector) => {
      const found = [];
      const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`;
      // A person's own words, and words marked as another language than the page's (the
      // picker names each language in itself), are not the page's to translate.
      const pageLang = document.documentElement.lang;
      const own = (el) => el.closest(".tc-note") || (el.closest("[lang]") && el.closest("[lang]").lang !== pageLang);
      const shown = (el) => el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
      const walk = (root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            if (node.shadowRoot) walk(node.shadowRoot);
            if (["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(node.tagName)) continue;
            for (const name of ["aria-label", "alt", "title", "placeholder"]) {
              const value = node.getAttribute(name);
              if (value && !own(node) && (node.tagName === "IFRAME" || shown(node))) found.push({ text: value.trim(), where: `${describe(node)}[${name}]` });
            }
            continue;
          }
          const parent = node.parentElement;
          const text = node.textContent.trim();
          if (!text || !parent || own(parent) || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName)) continue;
          const select = parent.closest("select");
          if (select ? shown(select) : shown(parent)) found.push({ text, where: describe(parent) });
        }
      };
      const start = selector ? document.querySelector(selector) : document.body;
      if (!start) return found;
      walk(start.shadowRoot ?? start);
      if (!selector && document.title) found.push({ text: document.title, where: "title" });
      return found;
    }, within);
    all.push(...texts.map((t) => ({ ...t, frame: frame.url() })));
  }
  return all;
}

// ---- the checks --------------------------------------------------------------------

// Every leaf text of a words file.
const leaves = (value) => (typeof value === "string" ? [value]
  : value && typeof value === "object" ? Object.values(value).flatMap(leaves) : []);

// A words file's texts as whole-text patterns ({slot} matches anything), leaving out those
// with no letter outside their slots ("{side} {region}").
function patterns(texts) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...new Set(texts)].filter((t) => /\p{L}/u.test(t.replace(/\{\w+\}/g, "")))
    .map((t) => ({ text: t, pattern: new RegExp(`^${t.split(/\{\w+\}/).map(escape).join("[^]+?")}$`, "u") }));
}

const engineEnglish = [...leaves(engineWords("en").checker), ...leaves(engineWords("en").report ?? {})];
const englishTexts = [...leaves(pageWords("en", "checker")), ...leaves(pageWords("en", "journal")), ...engineEnglish];
englishTexts.engine = engineEnglish;

// The texts of `found` that are English texts of the app and not also texts of `tag`
// (which may share a few: "EMG", "Plan"), as "text (where)".
function englishLeft(found, tag) {
  const english = patterns(englishTexts);
  const own = patterns([...leaves(pageWords(tag, "checker")), ...leaves(pageWords(tag, "journal")), ...leaves(engineWords(tag).checker),
    ...leaves(engineWords(tag).report ?? {})]);
  return found.filter(({ text }) => english.some((e) => e.pattern.test(text)) && !own.some((o) => o.pattern.test(text)))
    .map(({ text, where }) => `${text} (${where})`);
}

// The texts of `found` with letters outside [ ]. `alsoAllowed`: words that are not the
// app's to translate (the browser's own month names, say).
function notBracketed(found, alsoAllowed = []) {
  return found.filter(({ text }) => {
    let rest = outsideBrackets(text);
    for (const word of alsoAllowed) rest = rest.split(word).join(" ");
    return /\p{L}/u.test(rest);
  });
}

module.exports = { PSEUDO, pseudoText, pseudo, servePseudoLanguage, outsideBrackets, readableTexts, englishLeft, notBracketed, patterns, englishTexts, siteDir };
