// Lays out, in a staging folder, the two things .ci/release packs: the static site (with the
// embedding guide, licence, notices and changelog beside it) and the npm package. Archiving,
// checksums and SRI are .ci/release's; this only copies and writes files.
//
//   node .ci/release-package.mjs --site build/site --stage STAGE --version 1.0.0 [--repository URL]
//
// STAGE/twitchcheck-<version>-site/  site/ (the site less the demo host), EMBEDDING.md,
//                                    LICENSE, THIRD-PARTY-NOTICES, CHANGELOG.md
// STAGE/package/                     the npm package (packages/twitchcheck/ and the site):
//   site/        the whole static site, for those who copy files
//   bundle/      the widget's modules for bundlers: the site's own, following the element's
//                imports, with app/site-files.js replaced by one that names every file the
//                widget fetches or links with a literal new URL("…", import.meta.url)
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
for (const name of ["site", "stage", "version"]) {
  if (!args[name]) throw new Error(`release-package: --${name} is required`);
}
const { site: siteDir, stage, version } = args;

// Files a person or a site receives, never the demo host (a test page of this project).
const shippedFromSite = (rel) => !/^demo(\/|$)/.test(rel);

function files(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [relative(base, full).split("\\").join("/")];
  });
}

function copySite(to) {
  for (const rel of files(siteDir).filter(shippedFromSite)) {
    mkdirSync(dirname(join(to, rel)), { recursive: true });
    cpSync(join(siteDir, rel), join(to, rel));
  }
}

rmSync(stage, { recursive: true, force: true });
const docs = ["LICENSE", "THIRD-PARTY-NOTICES", "CHANGELOG.md"];

// The site archive's folder.
const siteFolder = join(stage, `twitchcheck-${version}-site`);
copySite(join(siteFolder, "site"));
for (const doc of docs) cpSync(join(repoDir, doc), join(siteFolder, doc));
cpSync(join(repoDir, "docs", "embedding.md"), join(siteFolder, "EMBEDDING.md"));

// The npm package.
const pkgDir = join(stage, "package");
const source = join(repoDir, "packages", "twitchcheck");
for (const rel of files(source)) {
  mkdirSync(dirname(join(pkgDir, rel)), { recursive: true });
  cpSync(join(source, rel), join(pkgDir, rel));
}
const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
if (manifest.version !== version) {
  throw new Error(`packages/twitchcheck/package.json says ${manifest.version}, the project (CMakeLists.txt) ${version}`);
}
if (args.repository) {
  manifest.repository = { type: "git", url: args.repository, directory: "packages/twitchcheck" };
}
writeFileSync(join(pkgDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
for (const doc of docs) cpSync(join(repoDir, doc), join(pkgDir, doc));
cpSync(join(repoDir, "docs", "embedding.md"), join(pkgDir, "EMBEDDING.md"));
copySite(join(pkgDir, "site"));

// bundle/: the widget's module graph from the site, followed from its define file.
const importsOf = (text) => [
  ...[...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => m[1]),
  ...[...text.matchAll(/^\s*import\s+["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => m[1]),
  ...[...text.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]),
];
const bundleDir = join(pkgDir, "bundle");
const graph = new Set();
const queue = ["widget/define.js"];
while (queue.length) {
  const rel = queue.shift();
  if (graph.has(rel)) continue;
  graph.add(rel);
  const text = readFileSync(join(siteDir, rel), "utf8");
  for (const spec of importsOf(text)) queue.push(posix.normalize(posix.join(posix.dirname(rel), spec)));
}
if (!graph.has("app/site-files.js")) throw new Error("the widget no longer imports app/site-files.js: the bundle would not find its files");
for (const rel of [...graph].sort()) {
  if (rel === "app/site-files.js") continue;
  const text = readFileSync(join(siteDir, rel), "utf8");
  // Any other address made from import.meta.url would point into the bundler's output.
  if (text.includes("import.meta")) throw new Error(`${rel} uses import.meta: only app/site-files.js may (bundlers rewrite it)`);
  mkdirSync(dirname(join(bundleDir, rel)), { recursive: true });
  writeFileSync(join(bundleDir, rel), text);
}

// The languages the site carries (those with checker words), and the files they need.
const tags = readdirSync(join(siteDir, "lang")).filter((tag) => existsSync(join(siteDir, "lang", tag, "checker.json"))).sort();
const wanted = [
  ...tags.map((tag) => `lang/${tag}/checker.json`),
  ...tags.map((tag) => `engine-words/${tag}.json`),
  "twitchcheck-checker.js",
  "twitchcheck-checker.wasm",
];
for (const rel of wanted) {
  if (!existsSync(join(siteDir, rel))) throw new Error(`the site has no ${rel}`);
}
// The widget's two stylesheets as one file: a small file is one a bundler may inline as a
// data: URL, which a page's strict CSP (style-src 'self') would refuse.
const stylesheets = ["styles/checker.css", "widget/widget.css"];
writeFileSync(join(bundleDir, "widget-styles.css"),
  stylesheets.map((rel) => `/* ${rel} */\n${readFileSync(join(siteDir, rel), "utf8")}`).join("\n"));
const line = (rel) => `  ${JSON.stringify(rel)}: new URL(${JSON.stringify(`../../site/${rel}`)}, import.meta.url).href,`;
writeFileSync(join(bundleDir, "app", "site-files.js"), [
  "// The npm package's copy of app/site-files.js (written by .ci/release-package.mjs): every",
  "// file the widget fetches or links, each named by a literal new URL(…, import.meta.url) so",
  "// that a bundler (Vite, webpack) copies it and gives its address.",
  "const files = {",
  ...wanted.map(line),
  "};",
  "",
  "// null for a file a bundled widget does not carry: the full app (so no link to it) and",
  "// the app's larger module (app/shared/engine.js names it, the widget never loads it).",
  "export function siteFile(path) {",
  "  return Object.hasOwn(files, path) ? files[path] : null;",
  "}",
  "",
  "export const widgetStylesheets = [new URL(\"../widget-styles.css\", import.meta.url).href];",
  "",
].join("\n"));
console.log(`release-package: site ${files(join(siteFolder, "site")).length} files; package ${files(pkgDir).length} files, bundle ${graph.size} modules, ${tags.length} languages (${tags.join(", ")})`);
