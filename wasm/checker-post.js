// Appended (--post-js) to the widget's checker module inside its factory: the same
// assess(text[, lang]), addLanguage(text) and rulesVersion() the app's Embind module has,
// over bindings.cpp's plain C exports. Text goes in as UTF-8 exactly as Embind writes a
// std::string; a missing lang (undefined or null) means the module's own language.
//
// The module embeds no words: while it compiles, this fetches the checker words of the
// page's language from beside it (engine-words/<tag>.json; `lang` in the factory's
// options, English without one or when the site has no file for it), or takes them as
// text (`words`, for Node). So a page pays for its own language's words only.
function tcWrite(text, room) {
  text = String(text);
  var size = lengthBytesUTF8(text);
  var at = room(size);
  if (at) stringToUTF8(text, at, size + 1);
}
var tcWords = Module["words"];
if (tcWords == null) {
  // The tag as the site names its file (en-XA), else its primary subtag (de-AT: de).
  var tcTag = String(Module["lang"] || "en");
  var tcPrimary = tcTag.toLowerCase().split(/[-_]/)[0];
  var tcFetch = function (tag) {
    return fetch(locateFile("engine-words/" + tag + ".json")).then(function (response) {
      if (!response.ok) throw new Error("engine-words/" + tag + ".json: " + response.status);
      return response.text();
    });
  };
  addRunDependency("tc-words");
  (typeof fetch == "function" ? tcFetch(tcTag) : Promise.reject(new Error("no fetch: pass the words as text")))
    .catch(function (error) { if (tcPrimary == tcTag || typeof fetch != "function") throw error; return tcFetch(tcPrimary); })
    .catch(function (error) { if (tcPrimary == "en" || typeof fetch != "function") throw error; return tcFetch("en"); })
    .then(function (text) { tcWords = text; removeRunDependency("tc-words"); }, readyPromiseReject);
}
// The fetched words join the engine on the first call (the runtime is ready by then).
function tcReady() {
  if (tcWords != null) {
    tcWrite(tcWords, _tc_input);
    tcWords = null;
    _tc_add_language();
  }
}
Module["assess"] = function (text, lang) {
  tcReady();
  tcWrite(text, _tc_input);
  if (lang != null) tcWrite(lang, _tc_lang);
  return UTF8ToString(_tc_assess());
};
Module["addLanguage"] = function (text) {
  tcReady();
  tcWrite(text, _tc_input);
  return UTF8ToString(_tc_add_language());
};
Module["rulesVersion"] = function () {
  return UTF8ToString(_tc_rules_version());
};
