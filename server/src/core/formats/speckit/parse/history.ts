// @spec specthread-core#16.1
import { Heading, RefOccurrence } from '../../../model';
import { headingAtOrAbove } from '../../../parse/headingAt';
import { MarkdownDoc } from '../../../parse/markdown';

/**
 * Mentions of ids that are not citations. Real specs keep their history in place: "US1 and
 * FR-008…FR-015 were descoped", "~~T051~~ 已移除", "T001 folded into T005", and they name ids of
 * other features ("per feature 007's FR-016a", "`specs/011-sales/spec.md`, FR-050 through
 * FR-054"). Such a mention cannot be resolved in this spec with certainty, so it is not read as a
 * citation at all: an unknown id there is the author's record, not a broken thread.
 */

// Phrases that say an id is gone on purpose, in the languages the corpus writes (en, zh, ja, es, pt).
// Bare verbs are not enough: "detects branches that are merged (FR-006)" and "删除用户" describe
// what the software does. Only a passive about the id, a label, or an explicitly retiring word counts.
const GONE = String.raw`(?:folded|removed|deleted|dropped|descoped|deprecated|renumbered|superseded|retired|withdrawn|cancell?ed)`;
const RETIRED = new RegExp(
  [
    String.raw`\b(?:was|were|been|got)\s+(?:now\s+|since\s+|later\s+)?(?:\*\*|__)?${GONE}\b`,
    String.raw`[(（]\s*(?:\*\*|__)?${GONE}\b`,
    // "**Deleted**: ~~T030.1~~", "Removed from this feature: US1, FR-008".
    String.raw`\b(?:Removed|Deleted|Dropped|Retired|Descoped|Deprecated)\b[^.:：]{0,30}[:：—–]`,
    String.raw`\bdescop(?:e|ed|ing)\b`,
    String.raw`\bsuperseded\b`,
    String.raw`\bno longer exists?\b`,
    String.raw`\bdo(?:es)? not exist\b`,
    String.raw`\b(?:foi|foram|fue|fueron)\s+(?:removid|eliminad|descartad)\w*`,
    '已移除|已删除|已刪除|移除了|删除了|刪除了|已废弃|已廢棄|作废|作廢|已取消|削除済|廃止',
  ].join('|'),
  'i',
);
// The broader words tasks.md uses of task ids alone: "T001 folded into T005", "split from T105".
const TASK_HISTORY = /\b(?:folded|merged|split|removed|deleted|dropped|renumbered|replaced|superseded|obsolete|retired)\b/i;

// A sentence that names another feature (`feature 007`, `spec 020`, `011-sales-cycle`) speaks of its ids.
const OTHER_FEATURE = /\b(?:feature|spec)\s+#?(\d{3,})\b|(?<![\w-])(\d{3,})[-_][a-z][\w-]*/gi;
// "编号延续 002（T-35..T-54）", "numbering continues from 001": ids counted in an earlier feature.
const CONTINUES = /编号延续|編號延續|番号.{0,4}継続|\bcontinu(?:es|ing|ed)\s+(?:from|after)\b|\bnumbering\s+continues\b/i;

/** Whether a title or sentence says its subject is gone: "User Story 16 - （已移除：…）". */
// A cheap test per line for any word the phrases above are built from; a window without one is plain text.
const HINT =
  /remov|delet|drop|descop|deprecat|renumber|supersed|retir|withdraw|cancel|fold|exist|elimin|descart|feature|spec|continu|\d{3,}[-_][a-z]|已|移除|删除|刪除|废弃|廢棄|作废|作廢|取消|削除|廃止|延续|延續|継続/i;

export function readsRetired(text: string): boolean {
  return RETIRED.test(text);
}

export function dropHistoryMentions(doc: MarkdownDoc, refs: RefOccurrence[], headings: readonly Heading[], ownFeature: string | undefined): RefOccurrence[] {
  const ownNumber = ownFeature ? /^(\d+)/.exec(ownFeature)?.[1] : undefined;
  const lineHints = new Map<number, boolean>();
  const kinds: LineKinds = new Map();
  return refs.filter((ref) => {
    const line = ref.range.start.line;
    const text = doc.lines.lineText(line);
    if (struckThrough(text, ref.range.start.character)) return false;
    // "there is no US1 phase", "No US1."
    if (/\bno\s+\**$/i.test(text.slice(0, ref.range.start.character))) return false;
    const heading = headingAtOrAbove(headings, line);
    if (heading && heading.range.start.line !== line && RETIRED.test(heading.text)) return false;
    if (ref.source === 'task-dependency' && TASK_HISTORY.test(text)) return false;
    // Most mentions stand in paragraphs that say nothing of history: test the whole window once per
    // line, and cut out the id's own sentence only when the window holds such words.
    const { first, last } = paragraphWindow(doc, line, kinds);
    let suspicious = false;
    for (let l = first; l <= last && !suspicious; l++) {
      let hit = lineHints.get(l);
      if (hit === undefined) lineHints.set(l, (hit = HINT.test(doc.lines.lineText(l))));
      suspicious = hit;
    }
    if (!suspicious) return true;
    const sentence = sentenceAround(doc, line, ref.range.start.character, ref.range.end.character);
    if (RETIRED.test(sentence)) return false;
    if (ref.spec === undefined && (CONTINUES.test(sentence) || namesOtherFeature(sentence, ownNumber))) return false;
    return true;
  });
}

function struckThrough(text: string, at: number): boolean {
  return (text.slice(0, at).match(/~~/g)?.length ?? 0) % 2 === 1;
}

function namesOtherFeature(sentence: string, ownNumber: string | undefined): boolean {
  for (const m of sentence.matchAll(OTHER_FEATURE)) {
    const n = m[1] ?? m[2]!;
    if (ownNumber === undefined || Number(n) !== Number(ownNumber)) return true;
  }
  return false;
}

/**
 * The sentence holding columns `start`–`end` of `line`, read across the hard-wrapped lines of its
 * paragraph or list item. A question and its answer (`Q: … ? → A: …`) stay one sentence, so "which
 * FRs were removed? → A: FR-120" is read as the history it is.
 */
function sentenceAround(doc: MarkdownDoc, line: number, start: number, end: number): string {
  const { first, last } = paragraphWindow(doc, line);
  const before: string[] = [];
  for (let l = first; l < line; l++) before.push(doc.lines.lineText(l));
  const after: string[] = [];
  for (let l = line + 1; l <= last; l++) after.push(doc.lines.lineText(l));
  const text = doc.lines.lineText(line);
  const head = [...before, text.slice(0, start)].join(' ');
  const tail = [text.slice(end), ...after].join(' ');
  const from = lastBoundary(head);
  const to = firstBoundary(tail);
  return head.slice(from) + text.slice(start, end) + tail.slice(0, to);
}

type LineKinds = Map<number, 'text' | 'blank' | 'opens'>;

/** The lines of the paragraph or list item around `line`, at most 8 either way. */
function paragraphWindow(doc: MarkdownDoc, line: number, kinds: LineKinds = new Map()): { first: number; last: number } {
  const kind = (l: number) => {
    let k = kinds.get(l);
    if (k === undefined) {
      const t = doc.lines.lineText(l);
      k = t.trim() === '' || doc.codeLines.has(l) ? 'blank' : /^\s*(?:#|[-*+]\s|\d+[.)]\s|\|)/.test(t) ? 'opens' : 'text';
      kinds.set(l, k);
    }
    return k;
  };
  let first = line;
  while (first > 0 && first > line - 8 && kind(first) !== 'opens' && kind(first - 1) !== 'blank') first--;
  let last = line;
  while (last + 1 < doc.lines.lineCount && last < line + 8 && kind(last + 1) === 'text') last++;
  return { first, last };
}

const BOUNDARY = /[.!;。！；](?:\s|$)|[。！；]/g;

function lastBoundary(s: string): number {
  let at = 0;
  for (const m of s.matchAll(BOUNDARY)) at = m.index! + m[0].length;
  return at;
}

function firstBoundary(s: string): number {
  const m = new RegExp(BOUNDARY.source).exec(s);
  return m ? m.index + 1 : s.length;
}
