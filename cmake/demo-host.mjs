// The demo host (web/demo: a pretend health article that embeds the widget both ways),
// assembled OUTSIDE the deployable site: OUT/host.html, host.js, host.css, and OUT/site/,
// the demo's own copy of the built site. The page loads the widget from that copy, or
// from one of the origins given here (a second copy served elsewhere, to try the
// cross-origin way); never from an address in its query. The list is written into the
// page twice: for host.js to read, and into its Content Security Policy, so the browser
// refuses a script from anywhere else even if the page's code were wrong.
//   node cmake/demo-host.mjs --demo web/demo --site build/site --out build/demo [--origins "https://a.example/ http://127.0.0.1:8001/"]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each origin as the page compares it: "scheme://host[:port]/". Anything else is refused.
export function widgetOrigins(list) {
  return list.split(/[\s;,]+/).filter(Boolean).map((text) => {
    let url;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`demo widget origin "${text}" is not an address`);
    }
    if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
      throw new Error(`demo widget origin "${text}" must be just http(s)://host[:port]/`);
    }
    return `${url.origin}/`;
  });
}

export function demoPolicy(origins) {
  const from = ["'self'", ...origins.map((o) => o.slice(0, -1))].join(' ');
  return `default-src 'self'; script-src ${from} 'wasm-unsafe-eval'; style-src ${from}; connect-src ${from}; `
    + `frame-src ${from}; img-src ${from} data:; object-src 'none'; base-uri 'none'; form-action 'none'`;
}

export function assembleDemo({ demo, site, out, origins = [] }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html = readFileSync(join(demo, 'host.html'), 'utf8')
    .replace('{{csp}}', attr(demoPolicy(origins)))
    .replace('{{widget-origins}}', attr(origins.join(' ')));
  if (html.includes('{{')) throw new Error('web/demo/host.html has a slot this script does not fill');
  writeFileSync(join(out, 'host.html'), html);
  for (const file of ['host.js', 'host.css']) cpSync(join(demo, file), join(out, file));
  cpSync(site, join(out, 'site'), { recursive: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  try {
    assembleDemo({ demo: arg('demo'), site: arg('site'), out: arg('out'), origins: widgetOrigins(arg('origins') ?? '') });
  } catch (error) {
    console.error(`demo-host: ${error.message}`);
    process.exit(1);
  }
}
