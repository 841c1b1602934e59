// A small W3C WebDriver (classic) client: just the commands the WebKit runner uses,
// over Node's own fetch. No client library: nothing here can download a driver.
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

class WebDriverError extends Error {
  constructor(error, message) {
    super(`${error}: ${message}`);
    this.error = error;
  }
}

async function call(base, method, path, body, timeoutMs = 120_000) {
  let json;
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    json = await response.json();
  } catch (error) {
    throw new Error(`WebDriver ${method} ${path.replace(/^\/session\/[^/]+/, "")} got no answer: ${error.name} ${error.message}`);
  }
  if (json.value && json.value.error) throw new WebDriverError(json.value.error, json.value.message);
  return json.value;
}

class WebDriverSession {
  static async create(base, capabilities) {
    const value = await call(base, "POST", "/session", { capabilities: { alwaysMatch: capabilities } });
    return new WebDriverSession(base, value.sessionId, value.capabilities);
  }

  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  command(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  navigate(url) { return this.command("POST", "/url", { url }); }
  refresh() { return this.command("POST", "/refresh", {}); }
  url() { return this.command("GET", "/url"); }
  setTimeouts(timeouts) { return this.command("POST", "/timeouts", timeouts); }
  // `source` is a function body; its value (awaited, if a promise) comes back as JSON.
  execute(source, args = []) { return this.command("POST", "/execute/sync", { script: source, args }); }
  click(element) { return this.command("POST", `/element/${element[ELEMENT]}/click`, {}); }
  clear(element) { return this.command("POST", `/element/${element[ELEMENT]}/clear`, {}); }
  sendKeys(element, text) { return this.command("POST", `/element/${element[ELEMENT]}/value`, { text }); }
  switchToFrame(element) { return this.command("POST", "/frame", { id: element }); }
  newWindow() { return this.command("POST", "/window/new", { type: "tab" }); }
  close() { return this.command("DELETE", ""); }
}

module.exports = { WebDriverSession, WebDriverError, ELEMENT };
