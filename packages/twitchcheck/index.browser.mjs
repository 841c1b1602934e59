// The full module in a browser, through a bundler (Vite, webpack) or as plain files. The
// glue is a classic script that defines `createTwitchCheck`, so it is added to the page once;
// both files are named by `new URL(…, import.meta.url)`, so a bundler copies them.
import { version } from "./bundle/version.js";

const glue = new URL("./site/twitchcheck.js", import.meta.url).href;
const wasm = new URL("./site/twitchcheck.wasm", import.meta.url).href;
let loading = null;

function factory() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = glue;
    script.async = true;
    script.addEventListener("load", () => {
      if (typeof globalThis.createTwitchCheck === "function") resolve(globalThis.createTwitchCheck);
      else reject(new Error(`${glue} did not define createTwitchCheck`));
    }, { once: true });
    script.addEventListener("error", () => {
      loading = null; // a later call tries again
      reject(new Error(`could not load ${glue}`));
    }, { once: true });
    document.head.append(script);
  });
  return loading;
}

export { version };

// A new instance of the module; `options` are Emscripten's.
export async function createTwitchCheck(options = {}) {
  const create = await factory();
  return create({ locateFile: (file) => (file === "twitchcheck.wasm" ? wasm : new URL(file, glue).href), ...options });
}

export default createTwitchCheck;
