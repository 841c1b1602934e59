// The only place that loads a WebAssembly module. A module is Emscripten's MODULARIZE
// output: a classic script that defines its factory, `createTwitchCheck` for the app's
// module (every function) or `createTwitchCheckChecker` for the widget's smaller one
// (assess and rulesVersion). Each is added once per URL (a page may hold the app and a
// widget, or widgets from two copies of the site).

import { siteFile } from "../site-files.js";

const defaultModuleUrl = siteFile("twitchcheck.js");
const loading = new Map(); // module URL -> Promise of the Emscripten module instance

function loadFactory(moduleUrl, factoryName) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = moduleUrl;
    script.async = true;
    script.addEventListener("load", () => {
      const factory = globalThis[factoryName];
      if (typeof factory === "function") resolve(factory);
      else reject(new Error(`${moduleUrl} did not define ${factoryName}`));
    }, { once: true });
    script.addEventListener("error", () => reject(new Error(`could not load ${moduleUrl}`)), { once: true });
    document.head.append(script);
  });
}

function instance(moduleUrl, factoryName = "createTwitchCheck", lang, locate) {
  let promise = loading.get(moduleUrl);
  if (!promise) {
    promise = loadFactory(moduleUrl, factoryName).then((factory) =>
      // The .wasm sits beside the script, wherever the script came from (or where `locate`
      // says). `lang`: the checker-only module fetches that language's words as it starts
      // (engine-words/).
      factory({ locateFile: locate ?? ((file) => new URL(file, moduleUrl).href), ...(lang ? { lang } : {}) }));
    promise.startLang = lang || "en";
    // A failed load may be retried later (e.g. after a network blip).
    promise.catch(() => loading.delete(moduleUrl));
    loading.set(moduleUrl, promise);
  }
  return promise;
}

// An engine bound to one copy of a module; every call returns parsed JSON (a result or
// a `twitchcheck.error/1` document). `moduleUrl` defaults to ../twitchcheck.js beside app/;
// `factoryName` is the factory that script defines. `words`: where the engine's words of a
// language are (a function of the tag: engine-words/<tag>.json), for a module with no words built in (the
// checker-only one): it starts with the words of the first call's language (it fetches
// them itself) and takes another language (addLanguage) before the first call in it.
// `lang` (a matched tag such as "de") picks the language of causes, actions, advice and
// reports; without it, or when its words cannot be fetched, they are English (or the
// language the module started with). `locate`: the address of a file the module asks for
// (its .wasm, its words), when not beside the module's script.
export function engineAt(moduleUrl = defaultModuleUrl, factoryName = "createTwitchCheck", { words, locate } = {}) {
  const url = new URL(moduleUrl, document.baseURI).href;
  const load = (lang) => instance(url, factoryName, words ? lang : undefined, locate);
  const added = new Map(); // tag -> Promise, once per language
  const inLanguage = async (lang) => {
    const loaded = load(lang);
    const module = await loaded;
    if (!words || !lang || lang === loaded.startLang) return module;
    if (!added.has(lang)) {
      const address = words(lang); // null: this copy carries no words for `lang`
      const adding = (address ? fetch(address) : Promise.reject(new Error(`no engine words for ${lang}`))).then((response) => {
        if (!response.ok) throw new Error(`no engine words for ${lang}`);
        return response.text();
      }).then((text) => {
        const answer = JSON.parse(module.addLanguage(text));
        if (answer.ok !== true) throw new Error(`the engine words for ${lang} were refused`);
      });
      adding.catch(() => added.delete(lang)); // tried again on the next call
      added.set(lang, adding);
    }
    await added.get(lang).catch(() => {}); // English words rather than no result
    return module;
  };
  // Embind picks an overload by the number of arguments, so `lang` is passed only when set.
  const withLang = (args, lang) => (lang ? [...args, lang] : args);
  const call = async (name, args, lang) => {
    const module = await inLanguage(lang);
    return JSON.parse(module[name](...withLang(args, lang)));
  };
  return {
    // Starts loading without waiting, e.g. on the first interaction with a widget.
    warm: (lang) => load(lang).then(() => undefined),
    assess: (assessment, lang) => call("assess", [JSON.stringify(assessment)], lang),
    analyze: (journal, today) => call("analyze", [JSON.stringify(journal), today]),
    validateJournal: (journal) => call("validateJournal", [JSON.stringify(journal)]),
    // `format` json gives parsed JSON; html and csv give the text as it is.
    report: async (journal, today, format, lang) => {
      const text = (await inLanguage(lang)).report(...withLang([JSON.stringify(journal), today, format], lang));
      // An error comes back as JSON whatever the format; html and csv never start with "{".
      return format === "json" || text.trimStart().startsWith("{") ? JSON.parse(text) : text;
    },
    rulesVersion: async () => (await load()).rulesVersion(),
  };
}

// The widget's engine: the checker-only module (assess, addLanguage and rulesVersion) in
// `where` (a folder, or a function giving the address of each of the site's files), with
// the other languages' words in its engine-words/.
export function checkerEngineAt(where) {
  const file = typeof where === "function" ? where : (path) => new URL(path, where).href;
  return engineAt(file("twitchcheck-checker.js"), "createTwitchCheckChecker",
    { words: (tag) => file(`engine-words/${tag}.json`), locate: file });
}

// The checker screen needs only assess, so it gets the checker-only module beside app/
// (55 KB gzip; the full module is 137 KB): a first result comes sooner. The full module
// loads when a journal screen opens (textFunctions, engineAt()). The service worker
// precaches both.
export const checkerEngine = checkerEngineAt(siteFile);

const defaultEngine = engineAt();
export const { warm, assess, analyze, validateJournal, report, rulesVersion } = defaultEngine;

export function isError(document) {
  return document?.schema === "twitchcheck.error/1";
}

// The module's functions as they are, text in and text out, callable synchronously once
// this resolves: the store (app/storage/) checks a journal inside one storage transaction, and a large
// journal that is already JSON text is not stringified twice.
export async function textFunctions(moduleUrl = defaultModuleUrl) {
  const module = await instance(new URL(moduleUrl, document.baseURI).href);
  return {
    assess: (text) => module.assess(text),
    analyze: (text, today) => module.analyze(text, today),
    validateJournal: (text) => module.validateJournal(text),
    upgradeJournal: (text) => module.upgradeJournal(text),
    // `lang`: the report's language (the app's module has every language built in).
    report: (text, today, format, lang) => (lang ? module.report(text, today, format, lang) : module.report(text, today, format)),
    rulesVersion: () => module.rulesVersion(),
    // A resident journal (the module's JournalSession, docs/storage.md): loaded once,
    // then changed one record at a time, each change checked with whole-document
    // validation's rules and JSON paths; analyze, report and document read it without
    // parsing the journal again. Every method takes and returns JSON text, never throws.
    newSession: () => new module.JournalSession(),
  };
}
