// Where the site's files are, for the modules that fetch or link them (words, styles, the
// WebAssembly modules). Served as a site, every file is beside this folder: the site's root
// is one folder up. The npm package's bundler entry ships its own copy of this one module
// that names each file with a literal `new URL("…", import.meta.url)`, so that a bundler
// (Vite, webpack) finds and copies them (.ci/release-package.mjs).
const root = new URL("../", import.meta.url);

// The address of the site's file `path` ("lang/de/checker.json"), or null for a file this
// copy of the widget does not carry (the full app, in the npm package's bundler entry).
export function siteFile(path) {
  return new URL(path, root).href;
}

// The widget's stylesheets, in order.
export const widgetStylesheets = [siteFile("styles/checker.css"), siteFile("widget/widget.css")];
