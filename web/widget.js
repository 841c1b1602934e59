// The widget's one script for host pages: <script src="/twitchcheck/widget.js" defer>.
// A classic script (no bundler, no type="module" needed on the host) that loads the
// element's modules from the folder it came from. Nothing else loads until the element
// is on the page; the WebAssembly module waits for the person's first interaction.
(() => {
  const script = document.currentScript;
  const here = new URL(".", script ? script.src : document.baseURI);
  import(new URL("widget/define.js", here).href).catch((error) => {
    console.error(`twitch-check: could not load the widget from ${here.href}`, error);
  });
})();
