// The helper processes a run starts (Xvfb, WebKitWebDriver) and the guarantee that it
// stops them: every child is registered here and killed when the run ends, fails, or is
// interrupted, so nothing is left behind on the machine.
const fs = require("node:fs");
const { spawn } = require("node:child_process");
const net = require("node:net");

const children = new Set();

function stopAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  children.clear();
  for (const pid of marked()) {
    try { process.kill(pid, "SIGKILL"); } catch { /* ended meanwhile */ }
  }
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopAll();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
  });
}

// Starts `command` as a registered child; its output is kept (last 64 KB) for error messages.
function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe", ...(options.extraStdio ?? [])], env: options.env ?? process.env });
  children.add(child);
  child.output = "";
  const keep = (chunk) => {
    child.output = (child.output + chunk).slice(-65536);
    options.onOutput?.(String(chunk));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.on("exit", () => children.delete(child));
  child.stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => { clearTimeout(timer); resolve(); });
    child.kill("SIGTERM");
  });
  return child;
}

// A port nobody listens on right now (the caller retries if another process takes it).
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// An X server of its own: Xvfb picks a free display number and tells it on a pipe.
async function startXvfb() {
  const child = start("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
    { extraStdio: ["pipe"] });
  const display = await new Promise((resolve, reject) => {
    let text = "";
    child.stdio[3].on("data", (chunk) => {
      text += chunk;
      if (text.includes("\n")) resolve(`:${text.trim()}`);
    });
    child.once("exit", (code) => reject(new Error(`Xvfb stopped (${code}): ${child.output}`)));
  });
  return { display, stop: () => child.stop() };
}

// A mark for the environment of every process a run starts: browsers start helpers of
// their own (content, network and GPU processes) that outlive their parent for a moment
// or, after a crash, for good. `sweep` finds them by the mark and ends them.
const mark = `twitchcheck-cross-browser-${process.pid}-${Date.now()}`;
const markedEnv = (env = process.env) => ({ ...env, TWITCHCHECK_RUN_MARK: mark });

function marked() {
  const found = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, "latin1").split("\0").includes(`TWITCHCHECK_RUN_MARK=${mark}`)) {
        found.push(Number(entry));
      }
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}

// Waits up to `ms` for the marked processes to end by themselves, then kills the rest;
// returns how many had to be killed.
async function sweep(ms = 10_000) {
  const deadline = Date.now() + ms;
  let left = marked();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => { setTimeout(resolve, 200); });
    left = marked();
  }
  for (const pid of left) {
    try { process.kill(pid, "SIGKILL"); } catch { /* ended meanwhile */ }
  }
  return left.length;
}

module.exports = { start, freePort, startXvfb, stopAll, markedEnv, sweep };
