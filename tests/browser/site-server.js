// A static server for one copy of the site that a test can stop (to be truly offline:
// Chromium's offline emulation does not reach a service worker's own fetches) or change
// (to publish a new version). Every response says no-cache, as a careful host would.
// The widget tests use it as a second origin, with `headers` adding
// Access-Control-Allow-Origin (a host page on another origin needs it to import the
// widget's modules and fetch the .wasm; docs/embedding.md says the same to site owners).
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

// `port` 0 takes any free port (see `origin`).
async function serveSite(dir, port, headers = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    let file = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (file.endsWith('/')) file += 'index.html';
    const full = path.join(root, path.normalize(file));
    if (!full.startsWith(root + path.sep) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': types[path.extname(full)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...headers,
    });
    fs.createReadStream(full).pipe(response);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// A private copy of the built site in a temporary folder.
function copySite(siteDir) {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'twitchcheck-site-'));
  fs.cpSync(siteDir, dir, { recursive: true });
  return dir;
}

// The demo host page (cmake/demo-host.mjs, as the build assembles build/demo), in a
// temporary folder with its own copy of `siteDir` and `origins` as the only other places
// it may load the widget from, served on a port of its own. → {origin, dir, stop}
async function serveDemo(siteDir, origins = []) {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'twitchcheck-demo-'));
  const run = require('node:child_process').spawnSync(process.execPath, [
    path.join(__dirname, '..', '..', 'cmake', 'demo-host.mjs'), '--demo', path.join(__dirname, '..', '..', 'web', 'demo'),
    '--site', siteDir, '--out', dir, '--origins', origins.join(' ')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`demo-host.mjs failed: ${run.stderr}`);
  const server = await serveSite(dir, 0);
  return {
    ...server, dir,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { serveSite, copySite, serveDemo };
