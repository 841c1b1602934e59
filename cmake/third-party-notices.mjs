// Writes THIRD-PARTY-NOTICES from the installed packages' own copyright files (Debian's
// machine-readable copyright format), never from memory: every third-party part that ships
// inside the site's two WebAssembly modules and their JavaScript glue.
//
//   node cmake/third-party-notices.mjs > THIRD-PARTY-NOTICES
//
// tests/module/release.test.mjs writes it again and compares, so the file stays what the
// installed packages say. Nothing else ships from a third party: the site's own JavaScript,
// styles, icons and words are the project's (Apache-2.0, LICENSE); no fonts (the system's).
import { readFileSync } from "node:fs";

const docs = process.env.TWITCHCHECK_DEBIAN_DOCS ?? "/usr/share/doc";

// One paragraph of a DEP-5 file: field name -> value (continuation lines kept as written).
function paragraphs(text) {
  return text.split(/\n[ \t]*\n/).map((block) => {
    const fields = new Map();
    let name = null;
    for (const line of block.split("\n")) {
      const field = /^([A-Za-z-]+):(.*)$/.exec(line);
      if (field && !line.startsWith(" ")) {
        name = field[1];
        fields.set(name, field[2].trim());
      } else if (name) {
        fields.set(name, `${fields.get(name)}\n${line}`);
      }
    }
    return fields;
  });
}

function copyrightOf(pkg) {
  const all = paragraphs(readFileSync(`${docs}/${pkg}/copyright`, "utf8"));
  const licenses = new Map();
  for (const p of all) if (!p.has("Files") && p.has("License")) licenses.set(p.get("License").split("\n")[0], p.get("License"));
  const files = (pattern) => {
    const found = all.find((p) => p.has("Files") && p.get("Files").split(/\s+/).includes(pattern));
    if (!found) throw new Error(`${pkg}: no paragraph for Files: ${pattern}`);
    return found;
  };
  return { files, licenses };
}

// A DEP-5 value as plain text: " ." lines are blank lines, the one-space indent dropped.
const plain = (value) => value.split("\n").map((line) => (line.trim() === "." ? "" : line.replace(/^ /, ""))).join("\n").trim();

// Long file lists as lines of at most 78 characters.
function wrap(text) {
  const lines = [""];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (lines[last] && lines[last].length + 1 + word.length > 78) lines.push(`  ${word}`);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  return lines;
}

const parts = [
  {
    title: "nlohmann/json (JSON for Modern C++)",
    where: "compiled into twitchcheck.wasm and twitchcheck-checker.wasm",
    pkg: "nlohmann-json3-dev",
    files: ["*", "include/nlohmann/detail/conversions/to_chars.hpp", "include/nlohmann/detail/output/serializer.hpp"],
  },
  {
    title: "Emscripten (its JavaScript runtime, the glue in twitchcheck.js and twitchcheck-checker.js, its embind and emmalloc)",
    where: "the modules' JavaScript glue; emmalloc and embind compiled into the .wasm files",
    pkg: "emscripten",
    files: ["*", "src/preamble.js"],
  },
  {
    title: "musl libc, as Emscripten ships it",
    where: "the C library parts compiled into both .wasm files",
    pkg: "emscripten",
    files: ["system/lib/libc/musl/*"],
  },
  {
    title: "dlmalloc, as Emscripten ships it",
    where: "the memory allocator compiled into twitchcheck.wasm",
    pkg: "emscripten",
    files: ["system/lib/dlmalloc.c"],
  },
  {
    title: "libc++ (LLVM's C++ standard library), as Emscripten ships it",
    where: "compiled into both .wasm files",
    pkg: "emscripten",
    files: ["system/lib/libcxx/*"],
  },
  {
    title: "libc++abi (LLVM's C++ runtime: exceptions, RTTI), as Emscripten ships it",
    where: "compiled into both .wasm files",
    pkg: "emscripten",
    files: ["system/lib/libcxxabi/*"],
  },
  {
    title: "compiler-rt (LLVM's compiler runtime builtins), as Emscripten ships it",
    where: "compiled into both .wasm files",
    pkg: "emscripten",
    files: ["system/lib/compiler-rt/*"],
  },
];

const out = [];
out.push("THIRD-PARTY NOTICES for twitchcheck",
  "",
  "twitchcheck itself is licensed under the Apache License, Version 2.0 (LICENSE).",
  "The site and the npm package also ship the third-party parts below, inside the two",
  "WebAssembly modules (twitchcheck.wasm, twitchcheck-checker.wasm) and their JavaScript glue",
  "(twitchcheck.js, twitchcheck-checker.js). Each part's copyright and licence are copied",
  "from the copyright file of the Debian package the build used (/usr/share/doc/<package>/",
  "copyright), by cmake/third-party-notices.mjs. The site's other JavaScript, its styles,",
  "icons and words are twitchcheck's own; it loads no fonts (it uses the system's).",
  "Where a licence below is \"Apache-2.0 with LLVM exception\", the Apache License 2.0 text is",
  "the one in LICENSE, and the exception follows the part.");
const usedLicenses = new Set();
for (const part of parts) {
  const { files, licenses } = copyrightOf(part.pkg);
  out.push("", "=".repeat(78), part.title, `Where: ${part.where}`, `From: /usr/share/doc/${part.pkg}/copyright`, "=".repeat(78));
  for (const pattern of part.files) {
    const p = files(pattern);
    out.push("", ...wrap(`Files: ${plain(p.get("Files")).replace(/\s+/g, " ")}`));
    if (p.has("Copyright")) out.push("Copyright:", ...plain(p.get("Copyright")).split("\n").map((line) => `  ${line}`));
    if (p.has("License-Grant")) out.push("License grant:", ...plain(p.get("License-Grant")).split("\n").map((line) => `  ${line}`));
    const license = p.get("License");
    const [name, ...text] = license.split("\n");
    out.push(`License: ${name}`);
    if (text.length) out.push(...plain(text.join("\n")).split("\n").map((line) => `  ${line}`));
    for (const single of name.split(/ (?:or|and) /)) {
      if (licenses.has(single)) usedLicenses.add(`${part.pkg}\u0000${single}`);
    }
  }
}
out.push("", "=".repeat(78), "Licence texts named above", "=".repeat(78));
const seen = new Set();
for (const key of [...usedLicenses].sort()) {
  const [pkg, name] = key.split("\u0000");
  const text = copyrightOf(pkg).licenses.get(name);
  // One text per licence name; the two packages' Expat texts are the same licence.
  if (seen.has(name)) continue;
  seen.add(name);
  out.push("", `License: ${name} (as written in /usr/share/doc/${pkg}/copyright)`, "",
    ...plain(text.split("\n").slice(1).join("\n")).split("\n").map((line) => (line ? `  ${line}` : "")));
}
process.stdout.write(`${out.join("\n")}\n`);
