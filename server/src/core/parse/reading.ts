// @spec specthread-core#16.2, specthread-core#16.3
import { FileReading, ReadingExpectation, SpecFileFacts, SpecFileKind } from '../model';
import { LineIndex } from '../text/lineIndex';

/**
 * How well a parser understood one file, computed the same way for every format from the file's
 * text and the facts its parser produced. A file whose role is to hold requirements (or tasks) is
 * `none` when it has content and nothing was read, `partial` when much of what looks like
 * structure was left unexplained, and `high` otherwise. Cross-file rules fire only between files
 * read `high`, and a `none` file yields one `format.unrecognized` note instead of a cascade.
 */

/** What each file role is expected to hold; other roles (design, plan, proposal …) are not rated. */
const EXPECTS: Partial<Record<SpecFileKind, ReadingExpectation>> = {
  requirements: 'requirements',
  bugfix: 'requirements',
  spec: 'requirements',
  tasks: 'tasks',
};

/** A checkbox list item, bulleted or numbered: what a task list is made of. */
const CHECKBOX = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX~\-/]\]/;
/** A list item or a numbered paragraph (`1.2 WHEN …`): where requirements and criteria are written. */
const ITEM = /^\s*(?:[-*+]|\d+[.)]|\d+(?:\.\d+)+\.?)\s+\S/;
const FENCE = /^\s*(```|~~~)/;
// Greedy rest, trimmed in code: a lazy middle before `\s*#*\s*$` backtracks quadratically on long lines (see test/core/regexAudit.test.ts).
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
const COMMENT_START = /^\s*<!--/;

/** How many of a file's headings the reading keeps, for the message of a file nothing was read from. */
const MESSAGE_HEADINGS = 4;
/** Below this share of what was read, a file that was read at all counts as only partly understood. */
const SHARE = 0.8;
/** Content lines a file needs before reading nothing from it is worth a note (a title and a line or two are not a spec). */
const MIN_CONTENT_LINES = 3;

/** The facts with their reading attached; files whose role expects nothing are returned as they are. */
export function withReading(facts: SpecFileFacts, text: string): SpecFileFacts {
  const expects = EXPECTS[facts.kind];
  if (!expects || facts.reading) return facts;
  return { ...facts, reading: assessReading(facts, text, expects) };
}

export function assessReading(facts: SpecFileFacts, text: string, expects: ReadingExpectation): FileReading {
  // Line starts only: the scan cuts out just the lines whose first character may matter to it.
  const lines = new LineIndex(text);
  const scan = scanText(text, lines);
  const requirements = facts.requirements.length;
  const criteria = facts.requirements.reduce((n, r) => n + r.criteria.length, 0);
  const tasks = facts.tasks.length;
  const counts = {
    requirements,
    criteria,
    tasks,
    candidates: expects === 'tasks' ? scan.checkboxes : scan.items,
    headings: scan.headings.slice(0, MESSAGE_HEADINGS),
  };
  const read = expects === 'tasks' ? tasks : requirements;
  if (read === 0) return { expects, level: looksStructured(scan) ? 'none' : 'empty', ...counts };
  return { expects, level: shareRead(facts, expects, counts.candidates, lines) >= SHARE ? 'high' : 'partial', ...counts };
}

/**
 * Tasks: the share of checkbox lines read as tasks. Requirements: the share of requirements and
 * stories whose criteria were not left unread, since a heading read while the list items below it
 * were not is the usual sign of a dialect half understood (scenario bullets and flows make a count
 * of list items over the whole file meaningless). A requirement with no list item at all simply
 * has no criteria, which its own rule reports. Statements that carry no criteria by nature
 * (spec-kit FR and SC lines) are not counted.
 */
function shareRead(facts: SpecFileFacts, expects: ReadingExpectation, checkboxes: number, lines: LineIndex): number {
  if (expects === 'tasks') return checkboxes === 0 ? 1 : Math.min(1, facts.tasks.length / checkboxes);
  const rated = facts.requirements.filter((r) => !r.kind || r.kind === 'requirement' || r.kind === 'story');
  if (rated.length === 0) return 1;
  const unread = rated.filter((r) => r.criteria.length === 0 && hasItems(lines, r.sectionRange.start.line + 1, r.sectionRange.end.line));
  return 1 - unread.length / rated.length;
}

/** True when a line between `from` and `to` (inclusive, outside fenced code) is a list item or a numbered paragraph. */
function hasItems(lines: LineIndex, from: number, to: number): boolean {
  let fence = false;
  for (let i = from; i <= to && i < lines.lineCount; i++) {
    const line = lines.lineText(i);
    if (FENCE.test(line)) fence = !fence;
    else if (!fence && ITEM.test(line)) return true;
  }
  return false;
}

/**
 * Enough content, with some structure (a heading below the title, or list items), that reading
 * nothing from it is the reader's gap. A title over a few lines of prose is a stub or a pointer
 * to another document ("copied from …"), and saying it could not be read would be noise.
 */
function looksStructured(scan: TextScan): boolean {
  return scan.contentLines >= MIN_CONTENT_LINES && (scan.headings.length > 0 || scan.items > 0);
}

interface TextScan {
  contentLines: number;
  checkboxes: number;
  items: number;
  /** Heading texts below the title, for the message of a file nothing was read from. */
  headings: string[];
}

function scanText(text: string, lines: LineIndex): TextScan {
  const scan: TextScan = { contentLines: 0, checkboxes: 0, items: 0, headings: [] };
  let fence = false;
  let frontMatter = text.startsWith('---');
  const starts = lines.starts;
  const lineCount = starts.length;
  for (let i = 0; i < lineCount; i++) {
    if (frontMatter) {
      if (i > 0 && /^(---|\.\.\.)\s*$/.test(lines.lineText(i))) frontMatter = false;
      continue;
    }
    // Each pattern below can match only where the first character after spaces and tabs is one it
    // names, or another white space character (`\s` also takes form feeds and Unicode spaces):
    // the others skip the regular expressions, which ran on every line of every file. A printable
    // ASCII character at the line's start is that first character, found without the line's end.
    const start = starts[i]!;
    const c = text.charCodeAt(start);
    const first = c > 0x20 && c < 0x7f ? c : firstAfterBlanks(text, start, lines.lineEnd(i));
    const odd = first <= 0x20 || first >= 0x7f;
    // Any other first character (a letter, most punctuation) makes a content line that is no
    // fence, heading or item, and is read without cutting the line out of the text.
    if (!odd && !MAY_MATTER.has(first)) {
      if (!fence) scan.contentLines++;
      continue;
    }
    const line = lines.lineText(i);
    if ((odd || first === 0x60 || first === 0x7e) && FENCE.test(line)) fence = !fence;
    if (fence || !line.trim() || ((odd || first === 0x3c) && COMMENT_START.test(line))) continue;
    // The message names at most four headings: past them, a heading line only needs recognising, which `test` does without a match array.
    if (first === 0x23 && scan.headings.length >= MESSAGE_HEADINGS && HEADING.test(line)) continue;
    const heading = first === 0x23 ? HEADING.exec(line) : null;
    if (heading) {
      const title = headingTitle(heading[2]!);
      if (heading[1]!.length > 1 && title) scan.headings.push(`${heading[1]} ${title}`);
      continue;
    }
    scan.contentLines++;
    if (odd || first === 0x2d || first === 0x2a || first === 0x2b || (first >= 0x30 && first <= 0x39)) {
      if (CHECKBOX.test(line)) scan.checkboxes++;
      if (ITEM.test(line)) scan.items++;
    }
  }
  return scan;
}

/** First characters (after blanks) that a pattern of scanText can match on: fences, comments, headings, list markers, digits. */
const MAY_MATTER: ReadonlySet<number> = new Set([0x60, 0x7e, 0x3c, 0x23, 0x2d, 0x2a, 0x2b, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39]);

/** The code of the first character of `text` between `start` and `end` that is not a space or a tab (NaN-free: 0 when there is none). */
function firstAfterBlanks(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i < end ? text.charCodeAt(i) : 0;
}

/** A heading's text without its optional closing hashes (`## Goals ##`), by string code rather than a backtracking regex. */
function headingTitle(rest: string): string {
  let end = rest.trimEnd().length;
  const trimmed = rest.slice(0, end);
  while (end > 0 && trimmed[end - 1] === '#') end--;
  // Closing hashes count only after a space; `C#` keeps its hash.
  return (end < trimmed.length && (end === 0 || trimmed[end - 1] === ' ' || trimmed[end - 1] === '\t') ? trimmed.slice(0, end) : trimmed).trimEnd();
}
