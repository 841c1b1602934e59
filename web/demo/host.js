// The demo host's own script: it adds the widget both ways and listens to what a host can
// hear. ?widget=URL loads the widget from another copy of the site (another origin), as a
// health site would from the app's origin; without it, from this copy (../). ?theme= and
// ?lang= are handed to both ways (the element's attributes, the frame's query).
const params = new URLSearchParams(location.search);
const from = new URL(params.get("widget") ?? "../", location.href);
const theme = params.get("theme");
const lang = params.get("lang");

// Way one: <script src=".../widget.js" defer></script> and <twitch-check share-result>.
const script = document.createElement("script");
script.src = new URL("widget.js", from).href;
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

// Way two: <iframe src=".../embed.html" title="Muscle twitch checker">, sized from its
// height messages (accepted only from that frame, and only in the documented shape).
const frame = document.createElement("iframe");
const frameQuery = new URLSearchParams(Object.entries({ theme, lang }).filter(([, value]) => value)).toString();
frame.src = new URL(`embed.html${frameQuery ? `?${frameQuery}` : ""}`, from).href;
frame.title = "Muscle twitch checker";
document.getElementById("iframe-slot").append(frame);
addEventListener("message", (event) => {
  const data = event.data;
  if (event.source !== frame.contentWindow || event.origin !== from.origin) return;
  if (data?.type === "twitchcheck:height" && Number.isFinite(data.height)) {
    frame.style.height = `${Math.max(200, Math.ceil(data.height))}px`;
  }
});
