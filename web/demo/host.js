// The demo host's own script: it adds the widget both ways and shows what a host can
// hear. The widget comes from the demo's own copy of the site (site/), or, with
// ?widget=ORIGIN, from another copy at one of the origins listed in the page when it was
// built (cmake/demo-host.mjs; the page's CSP allows those and no others). Any other
// ?widget= loads nothing and says so: a link must never choose what runs on this origin.
// ?theme= and ?lang= are handed to both ways (the element's attributes, the frame's
// query); ?fit=1 asks the frame to grow to fit (it then tells its height).
const params = new URLSearchParams(location.search);
const allowed = (document.querySelector('meta[name="twitchcheck-widget-origins"]')?.content ?? "")
  .split(" ").filter(Boolean);
const asked = params.get("widget");
const from = asked === null ? new URL("site/", location.href) : allowed.includes(asked) ? new URL(asked) : null;
const theme = params.get("theme");
const lang = params.get("lang");
const fit = params.get("fit") === "1";
const source = document.getElementById("widget-source");

if (!from) {
  source.textContent = `This demo loads the widget only from its own copy or from ${allowed.length ? allowed.join(", ") : "no other address"} (set when it was built). It did not load anything from the address in the link.`;
} else {
  source.textContent = `The widget comes from ${from.href}.`;
  addElement(from);
  addFrame(from);
}

// Way one: <script src=".../widget.js" defer></script> and <twitch-check share-result>.
function addElement(base) {
  const script = document.createElement("script");
  script.src = new URL("widget.js", base).href;
  script.defer = true;
  document.head.append(script);
  const element = document.createElement("twitch-check");
  element.setAttribute("share-result", "");
  if (theme) element.setAttribute("theme", theme);
  if (lang) element.setAttribute("lang", lang);
  document.getElementById("element-slot").append(element);

  // With share-result the host hears the level and the rule ids, nothing else.
  element.addEventListener("twitchcheck:result", (event) => {
    document.getElementById("host-log").textContent = `The page was told: ${JSON.stringify(event.detail)}`;
  });
}

// Way two: docs/embedding.md's snippet. The frame has a fixed height and scrolls inside
// itself; when it shows a new step it asks for its top to be in view, and this page
// decides to scroll there. Messages are taken only from that frame and in the
// documented shapes.
function addFrame(base) {
  const frame = document.createElement("iframe");
  const frameQuery = new URLSearchParams(Object.entries({ theme, lang, fit: fit ? "1" : null })
    .filter(([, value]) => value)).toString();
  frame.src = new URL(`embed.html${frameQuery ? `?${frameQuery}` : ""}`, base).href;
  frame.title = "Muscle twitch checker";
  frame.style.height = "720px";
  document.getElementById("iframe-slot").append(frame);
  addEventListener("message", (event) => {
    const data = event.data;
    if (event.source !== frame.contentWindow || event.origin !== base.origin) return;
    if (data?.type === "twitchcheck:top") {
      const top = frame.getBoundingClientRect().top;
      if (top < 0 || top > innerHeight / 2) {
        const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
        frame.scrollIntoView({ block: "start", behavior: reduce ? "instant" : "smooth" });
      }
    } else if (fit && data?.type === "twitchcheck:height" && Number.isFinite(data.height)) {
      frame.style.height = `${Math.max(200, Math.ceil(data.height))}px`;
    }
  });
}
