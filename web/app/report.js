// Report and backup: the doctor report drawn from the engine's twitchcheck.report/1 JSON
// (print-ready with the print stylesheet), the engine's standalone HTML page, the JSON
// backup and the CSV as downloads, and the import of a backup (validated first: a bad
// file changes nothing and the message names the problem and where).
//
// Why not show the engine's HTML page in an iframe: a srcdoc or blob: frame inherits this
// page's Content-Security-Policy (style-src 'self'), which blocks that page's own <style>.
// The page is offered as a download instead, where it opens with its styles.

import { h } from './dom.js';
import { messages, format } from './messages.js';
import { journalMessages as jm } from './messages-journal.js';
import { prepare, today } from './journal.js';
import { storeNotice } from './notice.js';
import { download, downloadBackup } from './files.js';
import { placeFigure, whereText } from './places.js';
import { longDate, shortDate } from './when.js';

const one = (x) => (Math.round(x * 10) / 10).toLocaleString('en-US');

// A table under its section's heading (which names it, so no caption repeats it).
function table(label, heads, rows) {
  return h('table', { class: 'tc-table', 'aria-label': label },
    h('thead', null, h('tr', null, heads.map((t, i) => h('th', { scope: 'col', class: i ? 'tc-n' : null }, t)))),
    h('tbody', null, rows.map((cells) => h('tr', null, cells.map((c, i) =>
      i ? h('td', { class: 'tc-n' }, String(c)) : h('th', { scope: 'row' }, String(c)))))));
}

// The doctor report as a page section: every value comes from the report JSON.
export function reportView(report, r = jm.reportView) {
  const section = (id, title, ...content) => h('section', { 'aria-labelledby': id, class: 'tc-report-part' },
    h('h3', { id }, title), content);
  const check = report.latest_check;
  const onset = report.onset;
  const parts = [];

  parts.push(section('rep-check', r.checkTitle, check === null ? h('p', null, r.noCheck) : [
    h('p', null, format(r.checkLine, { date: longDate(check.at.slice(0, 10)), level: messages.levels[check.level]?.name ?? check.level })),
    check.recomputed
      ? h('ul', null, check.fired.map((rule) => h('li', null, h('strong', null, rule.id), ` (${rule.level}): ${rule.cause}. ${rule.action}.`)))
      : h('p', null, check.note),
  ]));

  parts.push(section('rep-onset', r.onsetTitle, onset.first_date === null ? h('p', null, r.noEpisodes) : [
    h('p', null, format(r.onsetLine, {
      first: longDate(onset.first_date), last: longDate(onset.last_date), days: onset.duration_days,
      total: onset.episodes_total, active: onset.active_days,
    })),
    onset.persistent ? h('p', null, r.persistent) : null,
    report.spreading ? h('p', null, r.spreading) : null,
  ]));

  if (report.regions.length) {
    parts.push(section('rep-where', r.whereTitle,
      h('div', { class: 'tc-map' }, placeFigure(report.regions),
        table(r.whereTitle, [r.part, r.sideShort.left, r.sideShort.right, r.sideShort.both, r.sideShort.midline, r.all],
          report.regions.map((p) => [messages.regions[p.region] ?? p.region, p.sides.left, p.sides.right, p.sides.both, p.sides.midline, p.count]))),
      h('p', null, format(r.sidesLine, { left: report.asymmetry.left, right: report.asymmetry.right }),
        report.asymmetry.asymmetric ? ` ${r.oneSided}` : '')));
  }

  if (report.weekly_counts.length) {
    parts.push(section('rep-weeks', r.weeksTitle,
      table(r.weeksTitle, [r.week, r.count], report.weekly_counts.slice(-12).map((w) => [`${shortDate(w.from)} – ${shortDate(w.to)}`, w.count])),
      h('p', null, report.trend.value === 'insufficient' ? r.trendShort
        : format(r.trendLine, { trend: r.trend[report.trend.value], last: report.trend.last_7_days, previous: report.trend.previous_7_days }))));
    const t = report.time_of_day;
    parts.push(section('rep-time', r.timeTitle,
      table(r.timeTitle, [r.time, r.count], Object.keys(t).map((k) => [jm.insights.times[k], t[k]]))));
  }

  parts.push(section('rep-links', r.linksTitle, report.linked_factors.length
    ? [h('ul', null, report.linked_factors.map((f) => h('li', null, f.words))), h('p', { class: 'tc-hint' }, r.linksNote)]
    : h('p', null, jm.insights.linksNone)));

  const plan = report.plan;
  parts.push(section('rep-plan', r.planTitle, plan === null ? h('p', null, r.noPlan) : [
    h('p', null, format(jm.plan.started, { date: longDate(plan.started), week: plan.week })),
    table(r.planTitle, [r.step, r.kept], Object.entries(plan.adherence).map(([k, n]) => [jm.plan.steps[k].name, format(r.ofSeven, { n })])),
    h('p', null, format(r.rates, { before: one(plan.baseline_rate), recent: one(plan.recent_rate) }), ' ',
      plan.improved === null ? r.tooEarly : plan.improved ? r.better : r.notBetter),
  ]));

  parts.push(section('rep-notes', r.notesTitle, report.notes.length === 0 ? h('p', null, r.noNotes) : [
    h('p', { class: 'tc-hint' }, r.notesIntro),
    h('ul', { class: 'tc-own-words' }, report.notes.map((n) => h('li', null,
      h('blockquote', null, h('p', { class: 'tc-note' }, n.text)),
      h('p', { class: 'tc-hint' }, `${longDate(n.date)} ${n.at.slice(11, 16)}, ${whereText(n.region, n.side)}`)))),
  ]));

  return h('article', { class: 'tc-report', 'aria-labelledby': 'rep-title' },
    h('h2', { id: 'rep-title' }, r.title),
    h('p', { class: 'tc-hint' }, format(r.madeOn, { date: longDate(report.today) })),
    h('p', { class: 'tc-notice-plain' }, r.notDiagnosis),
    parts,
    h('p', { class: 'tc-hint' }, report.disclaimer));
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.report;
  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const preview = h('div', { class: 'tc-report-slot' });
  const lastBackup = h('p', { class: 'tc-hint' });
  const importStatus = h('div', { class: 'tc-status', role: 'status' });
  const fileInput = h('input', { type: 'file', id: 'report-import', accept: '.json,application/json' });

  const engineText = (format_) => store.report(today(), format_);
  const failed = (text) => text.trimStart().startsWith('{') && JSON.parse(text).schema === 'twitchcheck.error/1';

  const downloads = h('div', { class: 'tc-actions tc-no-print' },
    h('button', { type: 'button', class: 'tc-primary', onclick: () => window.print() }, m.print),
    h('button', { type: 'button', onclick: () => {
      const text = engineText('html');
      if (!failed(text)) download(`twitchcheck-report-${today()}.html`, text, 'text/html');
    } }, m.downloadHtml));

  const files = h('section', { class: 'tc-card tc-no-print', 'aria-labelledby': 'report-files' },
    h('h2', { id: 'report-files' }, m.filesTitle),
    h('p', null, m.filesIntro),
    lastBackup,
    h('div', { class: 'tc-actions' },
      h('button', { type: 'button', onclick: () => downloadBackup(store, today()) }, m.backup),
      h('button', { type: 'button', onclick: () => {
        const text = engineText('csv');
        if (!failed(text)) download(`twitchcheck-journal-${today()}.csv`, text, 'text/csv');
      } }, m.csv)),
    h('h2', { id: 'report-import-title' }, m.importTitle),
    h('div', { class: 'tc-field' }, h('label', { for: 'report-import' }, m.importLabel), fileInput),
    importStatus);

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    if (!file) return;
    importStatus.replaceChildren(m.importChecking);
    const text = await file.text();
    fileInput.value = '';
    const checked = store.inspectImport(text);
    if (!checked.ok) {
      const { path, message } = checked.error;
      importStatus.replaceChildren(h('p', { class: 'tc-error' },
        path ? format(m.importBad, { path: `${path}:`, message }) : format(m.importBadRoot, { message })));
      return;
    }
    const { counts } = checked;
    const replace = h('button', { type: 'button', class: 'tc-primary', onclick: async () => {
      importStatus.replaceChildren(m.importSaving);
      const result = await store.replace(checked.prepared);
      importStatus.replaceChildren(h('p', null, result.ok || result.reason === 'unavailable'
        ? format(m.importDone, { episodes: store.episodeCount })
        : result.reason === 'invalid' ? format(m.importBad, { path: `${result.error.path}:`, message: result.error.message })
          : result.reason === 'quota' || result.reason === 'failed' ? m.importNotSaved : jm.store.blocked));
      title.focus();
    } }, m.importReplace);
    importStatus.replaceChildren(
      h('p', null, format(m.importReady, { episodes: counts.episodes, days: counts.days, current: store.episodeCount })),
      ...(checked.upgraded ? [h('p', null, m.importUpgraded)] : []),
      h('div', { class: 'tc-actions' }, replace,
        h('button', { type: 'button', onclick: () => { importStatus.replaceChildren(m.importCanceled); fileInput.focus(); } }, m.importCancel)));
    replace.focus();
  });

  root.replaceChildren(h('div', { class: 'tc-screen tc-report-screen' },
    title, noticeSlot, h('p', { class: 'tc-no-print' }, m.intro), downloads, preview, files));

  const showLastBackup = () => {
    lastBackup.textContent = store.meta.lastBackup
      ? format(m.lastBackup, { date: longDate(store.meta.lastBackup.slice(0, 10)) }) : m.neverBackedUp;
  };

  function refresh() {
    noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
    showLastBackup();
    const report = JSON.parse(engineText('json'));
    if (report.schema === 'twitchcheck.error/1') {
      preview.replaceChildren(h('p', { class: 'tc-error' }, format(m.reportError, report.error)));
      return;
    }
    preview.replaceChildren(reportView(report));
  }

  refresh();
  if (focus) title.focus();
  return { destroy: store.subscribe((change) => {
    if (change.data) refresh();
    else {
      noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
      showLastBackup();
    }
  }) };
}
