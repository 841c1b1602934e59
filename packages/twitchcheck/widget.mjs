// <twitch-check> for bundlers: importing this module defines the element (once). Its words,
// styles and WebAssembly module are named by `new URL(…, import.meta.url)` in the package's
// bundle/app/site-files.js, so Vite or webpack copy them with no configuration.
import "./bundle/widget/define.js";

export { TwitchCheckElement } from "./bundle/widget/twitch-check-element.js";
export { version } from "./bundle/version.js";
