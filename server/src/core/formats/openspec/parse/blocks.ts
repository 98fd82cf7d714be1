import { OpenSpecSection, RequirementBlock, ScenarioInfo } from '../extras';
import { Range } from '../../../text/range';
import { MarkdownDoc } from '../../../parse/markdown';
import { lowerBound } from '../../../sortedNumbers';
import { NamedLine, dropClosingHashes } from './namedLine';

/**
 * Line-level reading of OpenSpec documents, the way `openspec validate` reads them: headings
 * by `#` count on lines outside fenced code, `### Requirement: <name>` blocks, `####` scenario
 * headers, and a requirement's body as the text before its first sub-heading (`**Key**:`
 * metadata lines are not body unless nothing else is). Reading the same way is what makes our
 * findings agree with theirs.
 */

export const REQUIREMENT_HEADER = new NamedLine(/^###\s*Requirement:(.+)$/i);
// `\s+(.+)` then a trim in code: `(.+?)\s*$` was quadratic on a title padded with spaces.
const HEADER = /^(#{1,6})\s+(.+)$/;
const METADATA_LINE = /^\*\*[^*]+\*\*:/;
// Constants rather than literals in the loops that test them: a regular expression literal makes a
// new object each time it is evaluated, here once per line.
/** A `##` heading: it ends a requirement block (and, in spec.ts and delta.ts, a section). */
export const SECTION_HEADER = /^##\s+/;
const ANY_HEADER = /^#{1,6}\s/;
const SCENARIO_HEADER = /^####\s+/;
const SCENARIO_LABEL = /^Scenario:\s*/i;
const BULLET_SCENARIO = /^\s*[-*+]\s+(?:\*\*)?Scenario\b/i;

/** OpenSpec's key for a requirement name: a closing `###` sequence dropped, trimmed. */
export function normalizeName(name: string): string {
  return dropClosingHashes(name).trim();
}

/** Requirement and scenario ids: the name lower-cased, runs of other characters as `-`. */
export function slug(name: string): string {
  const normalized = normalizeName(name);
  return (
    tabledSlug(normalized.toLowerCase()) ??
    (normalized
      .toLowerCase()
      .replace(/[`*_]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') ||
      'requirement')
  );
}

/**
 * `slug` of a lower-cased name whose characters outside ASCII all lie in the blocks SLUG_RUN_STARTS
 * knows, or undefined. Every requirement and scenario of a repository is slugged (and unknown delta
 * targets slug every name of their base spec), and the Unicode-aware replacements of the general
 * reading cost far more than this loop: the `[\p{L}\p{N}]` pattern alone costs more to compile
 * (some 17M instructions, on the first name outside ASCII of a run) than a `check` of an OpenSpec
 * repository of 600 files spends slugging all its names, and names with a dash, a CJK character or
 * an accented letter are common. In ASCII a letter or digit is `[a-z0-9]` once lower-cased;
 * dropping `` ` ``, `*` and `_` before collapsing runs is skipping them. Runs of letters and digits
 * are copied as slices, not character by character: appending one character at a time made a
 * string piece per character.
 */
function tabledSlug(lower: string): string | undefined {
  let out = '';
  let dash = false;
  let run = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : -1;
    let word: boolean;
    if (c < 0x80) word = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    else {
      const kind = SLUG_RUN_KINDS[lowerBound(SLUG_RUN_STARTS, c + 1) - 1];
      if (kind === 2) return undefined;
      word = kind === 1;
    }
    if (word) {
      if (run < 0) {
        if (dash && out) out += '-';
        dash = false;
        run = i;
      }
      continue;
    }
    if (run >= 0) {
      out += lower.slice(run, i);
      run = -1;
    }
    if (c !== 0x60 && c !== 0x2a && c !== 0x5f && c >= 0) dash = true;
  }
  return out || 'requirement';
}

/**
 * Runs of code units from 0x80 up, each up to the next start, in the blocks names are written in
 * (Latin-1 and Latin Extended-A, general punctuation, arrows to dingbats, CJK punctuation and
 * ideographs, Hangul syllables, fullwidth forms), with their kind in SLUG_RUN_KINDS: 1 a letter or
 * digit (`[\p{L}\p{N}]`), 0 neither, 2 not known here (unassigned, in no listed block, or half of
 * a surrogate pair): the general reading decides. Generated from `\p{L}`, `\p{N}` and `\p{Cn}`;
 * `test/core/openspecSlug.test.ts` checks every code unit against the pattern.
 */
// prettier-ignore
const SLUG_RUN_STARTS: readonly number[] = [
  0x80, 0xaa, 0xab, 0xb2, 0xb4, 0xb5, 0xb6, 0xb9, 0xbb, 0xbc, 0xbf, 0xc0, 0xd7, 0xd8, 0xf7, 0xf8, 0x180,
  0x2000, 0x2065, 0x2066, 0x2070, 0x2190, 0x242a, 0x2440, 0x244b, 0x2460, 0x249c, 0x24ea, 0x2500, 0x2776, 0x2794, 0x27c0,
  0x3000, 0x3005, 0x3008, 0x3021, 0x302a, 0x3031, 0x3036, 0x3038, 0x303d, 0x3040, 0x4e00, 0xa000, 0xac00, 0xd7a4,
  0xff01, 0xff10, 0xff1a, 0xff21, 0xff3b, 0xff41, 0xff5b, 0xff66,
];
// prettier-ignore
const SLUG_RUN_KINDS: readonly number[] = [
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 2,
  0, 2, 0, 2, 0, 2, 0, 2, 1, 0, 1, 0, 1, 0, 2,
  0, 1, 0, 1, 0, 1, 0, 1, 0, 2, 1, 2, 1, 2,
  0, 1, 0, 1, 0, 1, 0, 2,
];

export function lineRange(doc: MarkdownDoc, line: number): Range {
  return { start: { line, character: doc.lines.leadingBlanks(line) }, end: { line, character: doc.lines.lineLength(line) } };
}

/**
 * True when `line` starts with `#`. Every header pattern of this reader does, so the passes over a
 * document test this first: the other lines (most of them) are neither sliced nor matched, which
 * was much of parsing an OpenSpec repository (a CLI run executes this code once per file, cold).
 */
export function startsWithHash(doc: MarkdownDoc, line: number): boolean {
  return doc.lines.text.charCodeAt(doc.lines.lineStart(line)) === 0x23;
}

export function headerAt(doc: MarkdownDoc, line: number): { level: number; title: string } | undefined {
  if (!startsWithHash(doc, line) || doc.codeLines.has(line)) return undefined;
  const m = HEADER.exec(doc.lines.lineText(line));
  return m ? { level: m[1]!.length, title: m[2]!.trimEnd() || m[2]! } : undefined;
}

/**
 * The lines that start with `#` outside code, in order. Every header pattern of this reader
 * matches only such lines, so the passes over a document that look for headers walk this list,
 * built once per file, instead of every line of the file each.
 */
export function hashLines(doc: MarkdownDoc): readonly number[] {
  if (doc.hashLines) return doc.hashLines;
  const out: number[] = [];
  const text = doc.lines.text;
  for (let line = 0; line < doc.lines.lineCount; line++) if (text.charCodeAt(doc.lines.lineStart(line)) === 0x23 && !doc.codeLines.has(line)) out.push(line);
  return out;
}

/** Level-1 and level-2 sections with their text up to the next heading of the same or a higher level. */
export function readSections(doc: MarkdownDoc, hashes: readonly number[] = hashLines(doc)): OpenSpecSection[] {
  // Only a level-1 or level-2 heading can end such a section.
  const heads: { line: number; level: number; title: string }[] = [];
  for (const line of hashes) {
    // A line starting `###` is a header of level 3 or more, or none: HEADER's `#` run is followed by a blank.
    const start = doc.lines.lineStart(line);
    if (doc.lines.text.charCodeAt(start + 1) === 0x23 && doc.lines.text.charCodeAt(start + 2) === 0x23) continue;
    const h = headerAt(doc, line);
    if (h && h.level <= 2) heads.push({ line, level: h.level, title: h.title });
  }
  const out: OpenSpecSection[] = [];
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i]!;
    let end = doc.lines.lineCount;
    for (let j = i + 1; j < heads.length; j++) {
      if (heads[j]!.level <= h.level) {
        end = heads[j]!.line;
        break;
      }
    }
    out.push(sectionOf(doc, h.title, h.line, end));
  }
  return out;
}

function sectionOf(doc: MarkdownDoc, title: string, headingLine: number, end: number): OpenSpecSection {
  // The section's non-blank lines joined by line breaks: each run of consecutive non-blank lines
  // is cut from the text in one piece (linesText) rather than line by line, since every line of
  // every file lies in some section and each used to be a string of its own.
  const runs: string[] = [];
  let first = -1;
  let last = -1;
  let run = -1;
  const lines = doc.lines;
  for (let l = headingLine + 1; l <= end; l++) {
    if (l < end && !lines.isBlank(l)) {
      if (first < 0) first = l;
      last = l;
      if (run < 0) run = l;
    } else if (run >= 0) {
      runs.push(linesText(doc, run, l - 1));
      run = -1;
    }
  }
  const range = lineRange(doc, headingLine);
  return {
    title: title.trim(),
    range,
    text: joinTrimmed(runs),
    textRange: first < 0 ? range : { start: { line: first, character: 0 }, end: { line: last, character: doc.lines.lineLength(last) } },
  };
}

/**
 * `runs.join('\n').trim()` for runs that each hold a non-blank line, built by concatenation: the
 * result refers to the runs (slices of the file's text) instead of copying their characters.
 * Joined, the sections of a file (its title's, which spans the whole file, and each `##` one's)
 * were two copies of the file kept for the run, the largest allocation of parsing it. Each run
 * holds a character `trim` keeps, so trimming the whole is trimming the first run's start and
 * the last run's end.
 */
function joinTrimmed(runs: readonly string[]): string {
  let text = '';
  for (let i = 0; i < runs.length; i++) {
    let run = runs[i]!;
    if (i === 0) run = run.trimStart();
    if (i === runs.length - 1) run = run.trimEnd();
    text = i === 0 ? run : text + '\n' + run;
  }
  return text;
}

/**
 * True when `line` is blank as `trim` sees it, read from the text without cutting the line out:
 * its leading blanks (as `trimStart` counts them) are the whole line.
 */
export function isBlankLine(doc: MarkdownDoc, line: number): boolean {
  return doc.lines.isBlank(line);
}

/**
 * Lines `from` to `to` (inclusive) joined by `\n`: one cut of the text when their line breaks are
 * all `\n` (a slice shares the text's characters instead of copying them), else line by line.
 */
function linesText(doc: MarkdownDoc, from: number, to: number): string {
  const cut = doc.lines.text.slice(doc.lines.lineStart(from), doc.lines.lineEnd(to));
  if (!cut.includes('\r')) return cut;
  const lines: string[] = [];
  for (let l = from; l <= to; l++) lines.push(doc.lines.lineText(l));
  return lines.join('\n');
}

/** The code of the first character of `line` that is not a space or a tab (0 when there is none). */
function firstAfterBlanks(doc: MarkdownDoc, line: number): number {
  const text = doc.lines.text;
  const end = doc.lines.lineEnd(line);
  let i = doc.lines.lineStart(line);
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i < end ? text.charCodeAt(i) : 0;
}

/**
 * The `### Requirement:` blocks between `from` and `to` (exclusive). A block ends at the next
 * requirement header or `##` heading. `onOther` sees every other `###` heading in the span.
 */
export function readRequirementBlocks(
  doc: MarkdownDoc,
  from: number,
  to: number,
  onOther?: (line: number, header: string) => void,
  hashes: readonly number[] = hashLines(doc),
): RequirementBlock[] {
  const out: RequirementBlock[] = [];
  let k = lowerBound(hashes, from);
  while (k < hashes.length && hashes[k]! < to) {
    const line = hashes[k]!;
    const m = REQUIREMENT_HEADER.exec(doc.lines.lineText(line));
    if (!m) {
      const h = headerAt(doc, line);
      if (h?.level === 3) onOther?.(line, h.title);
      k++;
      continue;
    }
    // The block ends at the next requirement header or `##` heading (both start with `#`), or at `to`.
    let e = k + 1;
    while (e < hashes.length && hashes[e]! < to && !isBlockEnd(doc, hashes[e]!)) {
      const h = headerAt(doc, hashes[e]!);
      if (h?.level === 3) onOther?.(hashes[e]!, h.title);
      e++;
    }
    out.push(readBlock(doc, line, e < hashes.length && hashes[e]! < to ? hashes[e]! : to, m[1]));
    k = e;
  }
  return out;
}

function isBlockEnd(doc: MarkdownDoc, line: number): boolean {
  if (!startsWithHash(doc, line) || doc.codeLines.has(line)) return false;
  const text = doc.lines.lineText(line);
  return REQUIREMENT_HEADER.test(text) || SECTION_HEADER.test(text);
}

function readBlock(doc: MarkdownDoc, header: number, end: number, rawName: string): RequirementBlock {
  const headerText = doc.lines.lineText(header);
  const name = normalizeName(rawName);
  const nameCol = headerText.indexOf(rawName.trim(), headerText.indexOf(':') + 1);
  const body: string[] = [];
  const metadata: string[] = [];
  // The two passes below read every line of the block; they keep what they read per line at hand
  // (a CLI run executes them unoptimised, where each call and property read counts), and code
  // lines are looked up only in a file that has some.
  const lines = doc.lines;
  const all = lines.text;
  const starts = lines.starts;
  const code = doc.codeLines.size > 0 ? doc.codeLines : undefined;
  let l = header + 1;
  for (; l < end; l++) {
    if (code?.has(l)) continue;
    const c = all.charCodeAt(starts[l]!);
    // An empty line (its first character is its line break, or it ends the text) trims to nothing.
    if (c === 0x0a || c === 0x0d || c !== c) continue;
    const text = lines.lineText(l);
    if (c === 0x23 && ANY_HEADER.test(text)) break;
    const trimmed = text.trim();
    if (!trimmed) continue;
    // A metadata line starts with `**`, which trim leaves in place.
    (trimmed.charCodeAt(0) === 0x2a && METADATA_LINE.test(trimmed) ? metadata : body).push(trimmed);
  }
  const scenarios: ScenarioInfo[] = [];
  let bulletScenarios = 0;
  for (let s = header + 1; s < end; s++) {
    if (code?.has(s)) continue;
    // Only a line whose first character after blanks is a list marker (or another kind of white
    // space, which `\s` also skips) can be a bullet scenario, and only one starting with `#` a
    // scenario header: the other lines are not cut out of the text. A printable ASCII character
    // at the line's start is its first after blanks.
    const c = all.charCodeAt(starts[s]!);
    const first = c > 0x20 && c < 0x80 ? c : firstAfterBlanks(doc, s);
    const hash = first === 0x23 && c === 0x23;
    if (!hash && !(first === 0x2d || first === 0x2a || first === 0x2b || (first !== 0 && first < 0x20) || first >= 0x80)) continue;
    const text = doc.lines.lineText(s);
    if (BULLET_SCENARIO.test(text)) bulletScenarios++;
    if (!hash || !SCENARIO_HEADER.test(text)) continue;
    let stop = s + 1;
    let hasBody = false;
    while (stop < end && !((headerAt(doc, stop)?.level ?? 5) <= 4)) {
      if (!isBlankLine(doc, stop)) hasBody = true;
      stop++;
    }
    const scenarioName = dropClosingHashes(text.replace(SCENARIO_HEADER, '')).replace(SCENARIO_LABEL, '').trim();
    scenarios.push({ name: scenarioName, range: lineRange(doc, s), hasBody });
  }
  let last = end - 1;
  while (last > header && isBlankLine(doc, last)) last--;
  const raw = linesText(doc, header, last);
  return {
    name,
    range: lineRange(doc, header),
    nameRange: { start: { line: header, character: Math.max(0, nameCol) }, end: { line: header, character: Math.max(0, nameCol) + name.length } },
    body: (body.length ? body : metadata).join('\n'),
    scenarios,
    bulletScenarios,
    blockRange: { start: lineRange(doc, header).start, end: { line: last, character: doc.lines.lineLength(last) } },
    raw: raw.trim(),
  };
}
