// Where the checker's advice comes from (issue 19): the three sources, each with its date,
// on the Privacy page. The rules name the one they follow on each result.
import { h } from './dom.js';
import { format } from './messages.js';
import { journalMessages as jm } from './messages-journal.js';
import { fullDate } from './when.js';

// The dates the sources give (shared/source/guidance.md); the article gives none.
const nhsReviewed = '2023-10-30';

export function sourcesSection(m = jm.sources) {
  return h('section', { class: 'tc-card tc-sources', 'aria-labelledby': 'set-sources' },
    h('h2', { id: 'set-sources' }, m.title),
    h('p', null, m.intro),
    h('ul', null,
      h('li', null, m.article),
      h('li', null, m.nice),
      h('li', null, format(m.nhs, { date: fullDate(nhsReviewed) }))));
}
