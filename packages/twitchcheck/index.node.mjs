// The full module in Node: the site's own twitchcheck.js (Emscripten's glue, which Node
// loads as CommonJS) with its .wasm read from beside it. Every function takes and gives
// JSON text, exactly as the command-line tool prints it.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const factory = require("./site/twitchcheck.js");

// The project's version (the same as the widget's, the CLI's and the site's).
export const { version } = require("./package.json");

// A new instance of the module; `options` are Emscripten's (e.g. your own `wasmBinary`).
export function createTwitchCheck(options = {}) {
  return factory({ wasmBinary: readFileSync(new URL("./site/twitchcheck.wasm", import.meta.url)), ...options });
}

export default createTwitchCheck;
