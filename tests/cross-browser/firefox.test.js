// The cross-browser suite in firefox (run it with: node tests/cross-browser/run.js firefox).
require("./suite.js").defineSuite("firefox");
