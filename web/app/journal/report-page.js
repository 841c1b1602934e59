// The printed report stays one page, A4 or Letter, whatever the notes say (issue 14): the
// person's notes get the room the rest of the report leaves, counted in lines of text. The
// rest is estimated from the report as drawn (its words, rows and picture) with the
// measures of the print rules in styles/journal.css (change both together). The engine's
// own HTML page does the same in C++ (core/src/report_page.cpp); estimatedLines and
// fittingPrefix count exactly as its estimated_lines and fitting_prefix do.

// East Asian Wide and Fullwidth characters (Unicode UAX #11) and emoji: two columns.
const WIDE = [
  [0x1100, 0x115f], [0x2600, 0x27bf], [0x2e80, 0x303e], [0x3041, 0x33ff],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1faff], [0x20000, 0x3fffd],
];
const columnsOf = (c) => (c === 9 ? 8 : WIDE.some(([first, last]) => c >= first && c <= last) ? 2 : 1);

// Lays `text` out `columns` wide; `visit(cursor, end)` after each code point (end: the
// index after it) may return false to stop. Returns the cursor {line, column}.
function layOut(text, columns, visit = () => true) {
  const at = { line: 1, column: 0 };
  for (let i = 0; i < text.length;) {
    const c = text.codePointAt(i);
    if (c === 10 || c === 13) {
      at.line += 1;
      at.column = 0;
    } else {
      const width = columnsOf(c);
      if (at.column > 0 && at.column + width > columns) {
        at.line += 1;
        at.column = 0;
      }
      at.column += width;
    }
    // "\r\n" is one line break.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : c > 0xffff ? 2 : 1;
    if (!visit(at, i)) break;
  }
  return at;
}

// Lines used once `tail` more columns follow on the cursor's line.
function linesWithTail({ line, column }, tail, columns) {
  if (tail <= 0) return line;
  if (column > 0 && column + tail > columns) return line + 1 + Math.floor((tail - 1) / columns);
  return line + Math.floor((column + tail - 1) / columns);
}

// Lines `text` takes `columns` wide: every line break ("\n", "\r\n" or "\r") starts a
// line and a longer line wraps; a wide East Asian character or an emoji takes two columns,
// a tab eight, anything else one; `tail` more columns follow on the last line.
export function estimatedLines(text, columns, tail = 0) {
  const width = Math.max(columns, 1);
  return linesWithTail(layOut(text, width), tail, width);
}

// The length (in UTF-16 code units, between two code points) of the longest start of
// `text` that takes at most `maxLines` lines as estimatedLines counts them.
export function fittingPrefix(text, columns, maxLines, tail = 0) {
  const width = Math.max(columns, 1);
  if (linesWithTail({ line: 1, column: 0 }, tail, width) > maxLines) return 0;
  let longest = 0;
  layOut(text, width, (at, end) => {
    if (at.line > maxLines) return false;
    if (linesWithTail(at, tail, width) <= maxLines) longest = end;
    return true;
  });
  return longest;
}

// ---- the printed page (styles/journal.css, @media print), in mm ----------------------

const PT = 25.4 / 72;
const PAGE_HEIGHT = 279.4 - 2 * 10; // Letter, the shorter page, less the margins
const PAGE_WIDTH = 210 - 2 * 10; // A4, the narrower page
const LINE = 9 * 1.25 * PT; // 9 pt text on 1.25 lines
// A column of the report's own words is 0.53 em (sentences average about 0.49 em a
// character, but the words of the latest check's reasons, with their capitals and long
// words, came to 0.52: a line they wrap to is not left out of the sum); a note may hold anything, so its column is 0.6 em, a monospaced font's
// advance, and its lines are overestimated rather than under. Text of wide letters only
// (W, m) is wider still: the notes list is cut off at the bottom of its room.
const WORD = 0.53 * 9 * PT;
const NOTE = 0.6 * 9 * PT;
const GRID_GAP = 5;
const COLUMN = (PAGE_WIDTH - 2 * GRID_GAP) / 3;
const SPAN = { 1: COLUMN, 2: 2 * COLUMN + GRID_GAP, 3: PAGE_WIDTH };
const TITLE = 13 * 1.25 * PT + 1; // h2
const HEADING = 10.5 * 1.25 * PT + 0.8; // h3
const GAP = 1; // below a paragraph, list or table
const PART = 2.5; // below a section
const ROW = LINE + 0.6 + 0.3; // a table row: one line, its padding and rule
const FIGURE = 36 * (202 / 200); // the body picture, 36 mm wide
const FIGURE_GAP = 4;
const INDENT = 4; // a list's indent

const wordColumns = (width) => Math.floor(width / WORD);
const textHeight = (text, width) => estimatedLines(text.trim(), wordColumns(width)) * LINE;

// The sections side by side on paper, in pairs (two columns | one column of three).
const PAIRS = [['rep-onset', 'rep-time'], ['rep-where', 'rep-weeks'], ['rep-links', 'rep-plan']];
const SPANS = Object.fromEntries(PAIRS.flatMap(([wide, narrow]) => [[wide, 2], [narrow, 1]]));

// The height of one element of the report, `width` mm wide.
function blockHeight(el, width) {
  switch (el.tagName) {
    case 'H2': return TITLE;
    case 'H3': return HEADING;
    case 'P': return textHeight(el.textContent, width) + GAP;
    case 'UL': return [...el.children].reduce((mm, li) => mm + textHeight(li.textContent, width - INDENT), 0) + GAP;
    case 'TABLE': return el.rows.length * ROW + GAP;
    case 'DIV': {
      // The picture beside the table of places.
      const table = el.querySelector('table');
      return Math.max(FIGURE, table ? blockHeight(table, width - FIGURE - FIGURE_GAP) : 0);
    }
    default: return [...el.children].reduce((mm, child) => mm + blockHeight(child, width), 0);
  }
}

function partHeight(section) {
  const width = SPAN[SPANS[section.getAttribute('aria-labelledby')] ?? 3];
  return [...section.children].reduce((mm, child) => mm + blockHeight(child, width), 0) + PART;
}

// The height of everything on paper but the notes: `before` the sections (title, date,
// notice) and the sections, a pair side by side taking the taller one's height.
export function heightWithoutNotes(before, sections) {
  const part = (id) => {
    const section = sections.find((s) => s.getAttribute('aria-labelledby') === id);
    return section ? partHeight(section) : 0;
  };
  const full = sections.filter((s) => !(s.getAttribute('aria-labelledby') in SPANS));
  return before.reduce((mm, el) => mm + blockHeight(el, PAGE_WIDTH), 0) +
    full.reduce((mm, s) => mm + partHeight(s), 0) +
    PAIRS.reduce((mm, [wide, narrow]) => mm + Math.max(part(wide), part(narrow)), 0);
}

// A note shows at most this many lines (a longer one is shortened, so that a few long
// notes do not crowd out the rest), and is not squeezed in with fewer than the least.
const NOTE_LINES_MOST = 4;
const NOTE_LINES_LEAST = 2;
const NOTE_GAP = 1; // below each note
const NOTE_COLUMNS = Math.floor((PAGE_WIDTH - 2.5) / NOTE); // beside the note's rule

// Which notes fit: `notes` newest first as [{text, tail}] (`tail`: the columns printed
// after the text on its last line; `marker`: the columns a shortened note adds). `used` is
// the height of the rest of the page; `intro` and `leftOut` are the words above and below
// the notes (the longest form). → {kept: [how many code units of each shown note's text],
// leftOut, roomMm: the height the shown notes may take on paper}.
export function notesOnPage(notes, used, { marker, intro, leftOut }) {
  // The section's heading, its words above and below the list, and one line spare: the
  // estimate is a model, not the browser.
  let room = PAGE_HEIGHT - used - HEADING - textHeight(intro, PAGE_WIDTH) - GAP -
    textHeight(leftOut, PAGE_WIDTH) - GAP - PART - LINE;
  const roomMm = Math.max(room, 0);
  const kept = [];
  for (const { text, tail } of notes) {
    const free = Math.floor((room - NOTE_GAP) / LINE);
    if (free < NOTE_LINES_LEAST) break;
    const whole = estimatedLines(text, NOTE_COLUMNS, tail);
    const most = Math.min(free, NOTE_LINES_MOST);
    if (whole <= most) {
      kept.push(text.length);
      room -= whole * LINE + NOTE_GAP;
    } else {
      kept.push(fittingPrefix(text, NOTE_COLUMNS, most, tail + marker));
      room -= most * LINE + NOTE_GAP;
    }
  }
  return { kept, leftOut: notes.length - kept.length, roomMm };
}
