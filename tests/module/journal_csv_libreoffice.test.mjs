// The CSV export opened by a real spreadsheet (LibreOffice Calc, headless): every row and
// field lands in its own cell and no note is run as a formula. Needs the Debian package
// libreoffice-calc-nogui; skipped without it unless TWITCHCHECK_REQUIRE_LIBREOFFICE=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './module_support.mjs';

const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync(name, ['--version']).status === 0);
const required = process.env.TWITCHCHECK_REQUIRE_LIBREOFFICE === '1';

const notes = ['=1+1', '+2+3', '-4+5', '@SUM(1;2)', '\t=3+3', 'a, "b"\nsecond line', '=HYPERLINK("http://example.com";"x")', 'plain words'];

function cellsOf(html) {
  const text = (cell) => cell.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)]
    .map((row) => [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)].map((cell) => text(cell[1])));
}

test('LibreOffice opens the CSV export with one cell per field and runs no note as a formula',
  { skip: !soffice && !required && 'LibreOffice is not installed (Debian: libreoffice-calc-nogui)', timeout: 600000 }, () => {
    assert.ok(soffice, 'TWITCHCHECK_REQUIRE_LIBREOFFICE=1 but LibreOffice is not installed');
    const dir = mkdtempSync(join(tmpdir(), 'twitchcheck-csv-'));
    try {
      const journal = { schema: 'twitchcheck.journal/1', episodes: [], days: [] };
      notes.forEach((note, i) => journal.episodes.push(
        { id: `e${i}`, at: `2026-05-0${i + 1}T10:00:00+02:00`, region: 'calf', side: 'left', intensity: 2, note }));
      writeFileSync(join(dir, 'journal.json'), JSON.stringify(journal));
      const csv = cli(['report', join(dir, 'journal.json'), '--today', '2026-05-10', '--format', 'csv']);
      assert.equal(csv.status, 0, csv.stderr);
      writeFileSync(join(dir, 'episodes.csv'), csv.stdout);
      // Comma separated, double quotes, UTF-8 (76), starting at line 1.
      const run = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless',
        '--infilter=CSV:44,34,76,1', '--convert-to', 'html', '--outdir', dir, join(dir, 'episodes.csv')],
      { encoding: 'utf8', timeout: 580000 });
      assert.equal(run.status, 0, run.stderr);
      const rows = cellsOf(readFileSync(join(dir, 'episodes.html'), 'utf8')).filter((row) => row.length > 0);
      assert.equal(rows.length, notes.length + 1);
      assert.deepEqual(rows[0], ['id', 'at', 'date', 'region', 'side', 'duration_s', 'intensity', 'triggers', 'note']);
      notes.forEach((note, i) => {
        const row = rows[i + 1];
        assert.equal(row.length, 9, `row ${i + 1}`);
        assert.equal(row[0], `e${i}`);
        assert.equal(row[2], `2026-05-0${i + 1}`);
        const guarded = /^[=+\-@\t\r]/.test(note);
        assert.equal(row[8].replace(/\s+/g, ' '), (guarded ? `'${note}` : note).replace(/\s+/g, ' ').trim(), `note ${i}`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
