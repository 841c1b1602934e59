// Appended (--post-js) to the widget's checker module inside its factory: the same
// assess(text) and rulesVersion() the app's Embind module has, over bindings.cpp's
// plain C exports. Text goes in as UTF-8 exactly as Embind writes a std::string.
Module["assess"] = function (text) {
  text = String(text);
  var size = lengthBytesUTF8(text);
  var at = _tc_input(size);
  if (at) stringToUTF8(text, at, size + 1);
  return UTF8ToString(_tc_assess());
};
Module["rulesVersion"] = function () {
  return UTF8ToString(_tc_rules_version());
};
