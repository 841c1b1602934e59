// A second origin for the widget tests: a static server for the site that sends
// Access-Control-Allow-Origin, which a host page on another origin needs to import the
// widget's modules and fetch the .wasm (docs/embedding.md says the same to site owners).
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

async function serveWithCors(dir) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    let file = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (file.endsWith("/")) file += "index.html";
    const full = path.join(root, path.normalize(file));
    if (!full.startsWith(root + path.sep) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": types[path.extname(full)] ?? "application/octet-stream",
      "Access-Control-Allow-Origin": "*",
    });
    fs.createReadStream(full).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { serveWithCors };
