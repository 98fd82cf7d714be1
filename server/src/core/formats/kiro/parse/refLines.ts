// @spec specthread-core#1.3, specthread-core#16.1
import { MarkdownDoc } from '../../../parse/markdown';
import { RefOccurrence, RefSourceKind, RefTarget } from '../../../model';
import { Vocabulary, withWords } from '../../../requirements/vocabulary';

/**
 * Finds the lines on which Kiro documents cite requirements:
 *   `_Requirements: 1.1, 2.3-2.5_`            (tasks.md, the Kiro template)
 *   `**Validates: Requirements 1.2, 3.1**`    (tasks.md and design.md correctness properties)
 * and splits each list into ref tokens with exact ranges. Text that is not a ref
 * (`All requirements for X`, `(preserve functionality)`) is tolerated and skipped.
 * Translated labels (`_需求: 1.1_`, `_要件: 1.1_`, `_Requisitos: 1.1_`), the short `_Reqs:_`,
 * a full-width colon and ideographic separators (`Requirements：R1、R13`) are read the same way.
 */

interface LineHeader {
  readonly source: RefSourceKind;
  /** Offset within the line where the list starts. */
  readonly listStart: number;
  /** Offset within the line where the list ends (closing emphasis or end of line). */
  readonly listEnd: number;
}

// The label per language: data, one alternative per spelling seen in real specs.
const LABEL_WORDS = 'Requirements?|Reqs?|Requisitos?|Requerimientos?|Anforderungen|Gereksinimler|Persyaratan|要件|需求|要求|요구사항';
/**
 * `_Requirements:` / `*Requirements:*` / `**Requirements:**`, or a bullet that starts with `Requirements:`;
 * with the labels `specthread.json` adds (`keywords.refLabel`).
 */
function headerPattern(vocabulary: Vocabulary | undefined): RegExp {
  const label = `(?:${withWords(LABEL_WORDS, vocabulary?.refLabel ?? [])})`;
  return new RegExp(String.raw`(?:[_*]{1,2}${label}\s*[:：][_*]{0,2}|^\s*(?:[-*+]\s+)?${label}\s*[:：])\s*`);
}
const REQUIREMENTS_HEADER = headerPattern(undefined);
// `**Validates: Requirements 1.2**`, `Validates: Requirement 1.2`, `**Validates:** Requirements 1.2`.
const VALIDATES_HEADER = /Validates\s*:\s*(?:\*\*)?\s*Requirements?\s*:?\s*/;

function findHeader(line: string, requirementsHeader: RegExp): LineHeader | undefined {
  const validates = VALIDATES_HEADER.exec(line);
  if (validates) {
    const listStart = validates.index + validates[0].length;
    return { source: 'validates-line', listStart, listEnd: closingEmphasis(line, listStart) };
  }
  const req = requirementsHeader.exec(line);
  if (req) {
    const listStart = req.index + req[0].length;
    return { source: 'requirements-line', listStart, listEnd: closingEmphasis(line, listStart) };
  }
  return undefined;
}

/** The list ends at the first emphasis marker that closes the `_…_` or `**…**` span, or at the line end. */
function closingEmphasis(line: string, from: number): number {
  const m = /[_*]/.exec(line.slice(from));
  let end = m ? from + m.index : line.length;
  while (end > from && /\s/.test(line[end - 1]!)) end--;
  return end;
}

const ID = String.raw`\d+(?:\.\d+)*`;
// A token may carry the word (`Requirement 2`) or an `R` prefix (`R1.2`); the id is what follows.
const PREFIX = String.raw`(?:Requirements?\s+|Requisitos?\s+|要件\s*|需求\s*|R(?=\d))?`;
const ITEM = new RegExp(String.raw`^(\s*\(?\s*${PREFIX})(${ID})(?:\s*[-–—~]\s*${PREFIX}(${ID}))?(?=$|[\s,;)_*]|\.(?!\d))`);
const ALL = /^(\s*)(All)\b/;
const PAREN_ID = new RegExp(String.raw`\(\s*(${ID})(?:\s*[-–—]\s*(${ID}))?(?=$|[\s,;)])`);

/** Splits a ref list (the text after the header) into tokens with their offsets in the list. */
export function tokenizeRefList(list: string): { target: RefTarget; raw: string; start: number; end: number }[] {
  const tokens: { target: RefTarget; raw: string; start: number; end: number }[] = [];
  let itemStart = 0;
  for (const item of list.split(/[,;、，；]/)) {
    const all = item.includes('All') ? ALL.exec(item) : null;
    const m = ITEM.exec(item);
    if (all) {
      const start = itemStart + all[1]!.length;
      tokens.push({ target: { kind: 'all' }, raw: 'All', start, end: start + 3 });
    } else if (m) {
      const start = itemStart + m[1]!.length;
      const raw = m[0].slice(m[1]!.length);
      const target: RefTarget = m[3] ? { kind: 'range', from: m[2]!, to: m[3] } : { kind: 'id', id: m[2]! };
      tokens.push({ target, raw, start, end: start + raw.length });
    } else {
      // A label followed by a parenthesised list, e.g. `Core validation (1.1`.
      const p = PAREN_ID.exec(item);
      if (p) {
        const raw = p[0].slice(p[0].indexOf(p[1]!));
        const start = itemStart + p.index + p[0].length - raw.length;
        const target: RefTarget = p[2] ? { kind: 'range', from: p[1]!, to: p[2] } : { kind: 'id', id: p[1]! };
        tokens.push({ target, raw, start, end: start + raw.length });
      }
    }
    itemStart += item.length + 1;
  }
  return tokens;
}

export function scanRefLines(doc: MarkdownDoc, vocabulary?: Vocabulary): RefOccurrence[] {
  const header = vocabulary?.refLabel.length ? headerPattern(vocabulary) : REQUIREMENTS_HEADER;
  const refs: RefOccurrence[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    const text = doc.lines.lineText(line);
    // Both headers end their label with a colon; most lines have none, and skip both expressions.
    if (!text.includes(':') && !text.includes('：')) continue;
    const found = findHeader(text, header);
    if (!found) continue;
    const list = text.slice(found.listStart, found.listEnd);
    for (const tok of tokenizeRefList(list)) {
      refs.push({
        target: tok.target,
        raw: tok.raw,
        source: found.source,
        range: doc.lines.span(line, found.listStart + tok.start, line, found.listStart + tok.end),
      });
    }
  }
  return refs;
}
