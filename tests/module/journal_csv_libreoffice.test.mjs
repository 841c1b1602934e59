// The CSV export opened by a real spreadsheet (LibreOffice Calc, headless), from the CLI
// and from the module the app's Report screen downloads it from, read with each common
// separator: `,` (the file's own), `;` (the default list separator in German, French and
// Spanish) and tab. In no reading is any cell a formula; read with `,`, every row and field
// lands in its own cell and every note reads back as written (after the guard `'` where
// it starts like a formula). Needs the Debian package libreoffice-calc-nogui; skipped
// without it unless TWITCHCHECK_REQUIRE_LIBREOFFICE=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, loadModule } from './module_support.mjs';

const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync(name, ['--version']).status === 0);
const required = process.env.TWITCHCHECK_REQUIRE_LIBREOFFICE === '1';

// OWASP's CSV injection payloads, at the start of a note and after each separator.
const payloads = ['=1+1', '+2+3', '-4+5', '@SUM(1;2)', "=cmd|' /C calc'!A0", '=HYPERLINK("http://example.com";"x")'];
const notes = [
  ...payloads,
  '\t=3+3',
  ...payloads.map((p) => `ok;${p}`),
  ...payloads.map((p) => `ok,${p}`),
  ...payloads.map((p) => `ok\t${p}`),
  'a, "b"\nsecond line', 'say "x";=1+1', 'ok; =1+1', 'plain words',
];

function cellsOf(html) {
  const text = (cell) => cell.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)]
    .map((row) => [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)].map((cell) => text(cell[1])));
}

// Converts `files` with one CSV reading (separator code, double quotes, UTF-8, line 1).
function convert(dir, separator, format, files) {
  const out = join(dir, `${format}-${separator}`);
  const run = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless',
    `--infilter=CSV:${separator},34,76,1`, '--convert-to', format, '--outdir', out, ...files.map((f) => join(dir, f))],
  { encoding: 'utf8', timeout: 580000 });
  assert.equal(run.status, 0, run.stderr);
  return (file) => readFileSync(join(out, file.replace(/\.csv$/, `.${format}`)), 'utf8');
}

test('LibreOffice reads the CLI\'s and the app\'s CSV with , ; and tab: no formula cell in any reading; with , every note as written',
  { skip: !soffice && !required && 'LibreOffice is not installed (Debian: libreoffice-calc-nogui)', timeout: 900000 }, async () => {
    assert.ok(soffice, 'TWITCHCHECK_REQUIRE_LIBREOFFICE=1 but LibreOffice is not installed');
    const dir = mkdtempSync(join(tmpdir(), 'twitchcheck-csv-'));
    try {
      const journal = { schema: 'twitchcheck.journal/1', episodes: [], days: [] };
      notes.forEach((note, i) => journal.episodes.push({
        id: i === 0 ? '=2+2' : `e${i}`, at: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+02:00`,
        region: 'calf', side: 'left', intensity: 2, triggers: i === 1 ? ['caffeine', 'stress'] : [], note,
      }));
      writeFileSync(join(dir, 'journal.json'), JSON.stringify(journal));
      const fromCli = cli(['report', join(dir, 'journal.json'), '--today', '2026-05-30', '--format', 'csv']);
      assert.equal(fromCli.status, 0, fromCli.stderr);
      // The app downloads what its resident journal's report gives (web/app/journal/report.js).
      const tc = await loadModule();
      const session = new tc.JournalSession();
      session.load(JSON.stringify(journal));
      const fromApp = session.report('2026-05-30', 'csv');
      session.delete();
      assert.equal(fromApp, fromCli.stdout);
      writeFileSync(join(dir, 'cli.csv'), fromCli.stdout);
      writeFileSync(join(dir, 'app.csv'), fromApp);
      const files = ['cli.csv', 'app.csv'];

      for (const separator of [44, 59, 9]) {
        const flat = convert(dir, separator, 'fods', files);
        for (const file of files) {
          const formulas = [...flat(file).matchAll(/table:formula="([^"]*)"/g)].map((f) => f[1]);
          assert.deepEqual(formulas, [], `${file} read with separator ${separator}`);
        }
      }

      const html = convert(dir, 44, 'html', files);
      for (const file of files) {
        const rows = cellsOf(html(file)).filter((row) => row.length > 0);
        assert.equal(rows.length, notes.length + 1, file);
        assert.deepEqual(rows[0], ['id', 'at', 'date', 'region', 'side', 'duration_s', 'intensity', 'triggers', 'note']);
        notes.forEach((note, i) => {
          const row = rows[i + 1];
          assert.equal(row.length, 9, `${file} row ${i + 1}`);
          assert.equal(row[0], i === 0 ? "'=2+2" : `e${i}`);
          assert.equal(row[3], 'calf');
          assert.equal(row[6], '2');
          assert.equal(row[7], i === 1 ? 'caffeine;stress' : '');
          const guarded = /^[=+\-@\t\r]/.test(note);
          assert.equal(row[8].replace(/\s+/g, ' '), (guarded ? `'${note}` : note).replace(/\s+/g, ' ').trim(), `${file} note ${i}`);
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
