// Appended (--post-js) to the widget's checker module inside its factory: the same
// assess(text[, lang]), addLanguage(text) and rulesVersion() the app's Embind module has,
// over bindings.cpp's plain C exports. Text goes in as UTF-8 exactly as Embind writes a
// std::string; a missing lang (undefined or null) means English.
function tcWrite(text, room) {
  text = String(text);
  var size = lengthBytesUTF8(text);
  var at = room(size);
  if (at) stringToUTF8(text, at, size + 1);
}
Module["assess"] = function (text, lang) {
  tcWrite(text, _tc_input);
  if (lang != null) tcWrite(lang, _tc_lang);
  return UTF8ToString(_tc_assess());
};
Module["addLanguage"] = function (text) {
  tcWrite(text, _tc_input);
  return UTF8ToString(_tc_add_language());
};
Module["rulesVersion"] = function () {
  return UTF8ToString(_tc_rules_version());
};
