// The cross-browser suite in webkit (run it with: node tests/cross-browser/run.js webkit).
require("./suite.js").defineSuite("webkit");
