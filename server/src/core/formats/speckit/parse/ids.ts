import { RefOccurrence, RefSourceKind, RefTarget } from '../../../model';
import { MarkdownDoc } from '../../../parse/markdown';

/**
 * spec-kit ids as they appear in running text: `FR-003`, `SC-002`, `NFR-001`, `FR-S09`, dotted
 * `FR-1.1` / `FR-009.1` and suffixed `FR-015a`, `US1`, `US-1`, `US1.2` (scenario 2 of story 1),
 * `US-2.1` (a story numbered within a phase), tasks `T012` / `T020a` / `T007.1` and the task ids
 * real repositories write besides the template's (`T-79`, `T-HF02`, `TASK-001`,
 * `T026-REMEDIAL`), ranges (`FR-001–FR-005`, `T003-T010`) and cross-spec refs
 * (`001-user-auth#FR-003`). `US-1` is read as `US1`, the form task labels use.
 */

/** Task ids: the template's `T001`, and what teams write instead. Shared with the tasks.md reader. */
export const TASK_ID = String.raw`(?:T\d{3,}[a-z]?(?:\.\d+)*(?:-[A-Z]{2,}(?![a-z]))?|T-[A-Z]{0,3}\d+[a-z]?|TASK-\d+[a-z]?)`;
const ID = String.raw`(?:(?:FR|SC|NFR)-[A-Z]{0,3}\d+[a-z]?(?:\.\d+)*|US-?\d+[a-z]?(?:\.\d+){0,2}|${TASK_ID})`;
const TOKEN = new RegExp(String.raw`(?<![\w#/.-])(?:([A-Za-z0-9][\w.-]*)#)?(${ID})(?:\s*(?:[-–—]|\.\.|\bthrough\b|\bto\b)\s*(${ID}))?(?![\w-]|\.\d)`, 'g');

/** `US-1` → `US1`; other ids unchanged. */
export function normalizeId(id: string): string {
  return /^US-\d/.test(id) ? 'US' + id.slice(3) : id;
}

export interface IdToken {
  readonly target: RefTarget;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly spec?: string;
}

/** Every id in one line of text, with offsets; a range only when both ends share a prefix. */
export function scanIds(line: string): IdToken[] {
  const out: IdToken[] = [];
  for (const m of line.matchAll(TOKEN)) {
    const start = m.index! + (m[1] ? m[1].length + 1 : 0);
    const from = normalizeId(m[2]!);
    const to = m[3] ? normalizeId(m[3]) : undefined;
    if (to && prefixOf(from) === prefixOf(to)) {
      out.push({ target: { kind: 'range', from, to }, raw: m[0].slice(start - m.index!), start, end: m.index! + m[0].length, spec: m[1] });
      continue;
    }
    const end = start + m[2]!.length;
    out.push({ target: { kind: 'id', id: from }, raw: m[2]!, start, end, spec: m[1] });
    if (to) {
      const toStart = m.index! + m[0].length - m[3]!.length;
      out.push({ target: { kind: 'id', id: to }, raw: m[3]!, start: toStart, end: toStart + m[3]!.length });
    }
  }
  return out;
}

export function prefixOf(id: string): string {
  // `(?<!x)x+$` starts only at the start of a run: a bare `x+$` retries inside a long run, quadratic.
  return id.replace(/(?<![\d.])\d+[a-z]?(?:\.\d+)*$/, '');
}

/** Whether an id names a task (`T012`, `T-79`, `TASK-001`) rather than a requirement or story. */
export function isTaskIdText(id: string): boolean {
  return /^T(?:ASK)?-?[A-Z]{0,3}\d/.test(id);
}

/** Refs in a whole document, skipping code and the lines `skip` rejects (definitions). */
export function scanDocIds(doc: MarkdownDoc, source: RefSourceKind, skip: (line: number, start: number) => boolean = () => false): RefOccurrence[] {
  const refs: RefOccurrence[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    const text = doc.lines.lineText(line);
    for (const tok of scanIds(stripInlineCode(text))) {
      if (skip(line, tok.start)) continue;
      refs.push({
        target: tok.target,
        raw: tok.raw,
        source,
        spec: tok.spec,
        range: { start: { line, character: tok.start }, end: { line, character: tok.end } },
      });
    }
  }
  return refs;
}

/** Blanks code spans (keeping offsets): an id inside backticks is an example, not a citation. */
export function stripInlineCode(text: string): string {
  return text.replace(/`[^`]*`/g, (s) => ' '.repeat(s.length));
}
