// Shared set-up for the journal's browser tests: the worked journals from
// shared/journal-examples, and seeding or reading the stored journal the way a previous
// visit would have left it (the store's layout: a pointer key naming the current copy).
const fs = require('node:fs');
const path = require('node:path');

const { sharedDir } = require('./fixtures.js');

function example(name) {
  return JSON.parse(fs.readFileSync(path.join(sharedDir, 'journal-examples', `${name}.json`), 'utf8'));
}

// Writes `doc` as the stored journal (and optional app metadata), replacing everything.
async function seed(page, doc, meta) {
  await page.evaluate(([text, metaText]) => {
    localStorage.clear();
    localStorage.setItem('twitchcheck.doc.1.seed', text);
    localStorage.setItem('twitchcheck.pointer', JSON.stringify({ layout: 1, rev: 1, key: 'twitchcheck.doc.1.seed', deleted: [] }));
    if (metaText) localStorage.setItem('twitchcheck.meta', metaText);
  }, [typeof doc === 'string' ? doc : JSON.stringify(doc), meta ? JSON.stringify(meta) : null]);
}

// The stored journal document, parsed (null when there is none).
async function stored(page) {
  return page.evaluate(() => {
    const pointer = JSON.parse(localStorage.getItem('twitchcheck.pointer') || 'null');
    if (!pointer || !pointer.key) return null;
    return JSON.parse(localStorage.getItem(pointer.key));
  });
}

// Opens a screen and waits until the journal is loaded (its h1 is there).
async function open(page, hash, heading) {
  await page.goto(`./#${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

// Fails the test if any dialog opens (alert from injected markup would be one).
function forbidDialogs(page) {
  const seen = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return seen;
}

async function downloadText(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

module.exports = { example, seed, stored, open, forbidDialogs, downloadText, sharedDir };
