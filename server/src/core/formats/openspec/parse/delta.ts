// @spec specthread-core#13.2, specthread-core#13.3
import { DeltaEntry, DeltaFacts, DeltaOp, OpenSpecExtras, RenamePair } from '../extras';
import { Range } from '../../../text/range';
import { MarkdownDoc, collectHeadings } from '../../../parse/markdown';
import { Heading } from '../../../model';
import { hashLines, lineRange, normalizeName, readRequirementBlocks, readSections, REQUIREMENT_HEADER, SECTION_HEADER } from './blocks';
import { NamedLine } from './namedLine';

/**
 * An OpenSpec delta spec (`openspec/changes/<id>/specs/<capability>/spec.md`):
 * `## ADDED|MODIFIED|REMOVED|RENAMED Requirements` sections. ADDED and MODIFIED hold whole
 * requirement blocks; REMOVED names requirements by header (or `- ### Requirement: …` bullets);
 * RENAMED pairs `FROM: ### Requirement: old` with the `TO:` line after it.
 */

const DELTA_SECTION = /^##\s+(ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements\s*$/i;
const SECTION_TITLE = /^##\s+(.+)$/;
// Names are trimmed in code (see namedLine.ts), and `\s*[-*+]?\s*` became `\s*(?:[-*+]\s*)?`: two
// blank runs around an optional marker split a long indent in quadratically many ways.
const REMOVED_BULLET = new NamedLine(/^\s*[-*+]\s*`?###\s*Requirement:(.+)$/, true);
const FROM = new NamedLine(/^\s*(?:[-*+]\s*)?FROM:\s*`?###\s*Requirement:(.+)$/, true);
const TO = new NamedLine(/^\s*(?:[-*+]\s*)?TO:\s*`?###\s*Requirement:(.+)$/, true);

export interface DeltaSpecFacts {
  readonly headings: Heading[];
  readonly extras: OpenSpecExtras;
}

export function parseDeltaSpec(doc: MarkdownDoc, capability: string): DeltaSpecFacts {
  const spans: { op: DeltaOp | undefined; title: string; line: number; end: number }[] = [];
  const hashes = hashLines(doc);
  for (const line of hashes) {
    const m = SECTION_TITLE.exec(doc.lines.lineText(line));
    if (!m) continue;
    if (spans.length) spans[spans.length - 1]!.end = line;
    const d = DELTA_SECTION.exec(doc.lines.lineText(line));
    spans.push({ op: d ? (d[1]!.toUpperCase() as DeltaOp) : undefined, title: m[1]!.trimEnd() || m[1]!, line, end: doc.lines.lineCount });
  }
  const entries: DeltaEntry[] = [];
  const renamed: RenamePair[] = [];
  const unpaired: DeltaFacts['unpaired'][number][] = [];
  const strayHeaders: DeltaFacts['strayHeaders'][number][] = [];
  const orphans: DeltaFacts['orphans'][number][] = [];
  // Text above the first `##` is outside every section, too.
  const outside = [{ line: -1, end: spans.length ? spans[0]!.line : doc.lines.lineCount, title: undefined as string | undefined }];
  for (const span of spans) {
    const { op } = span;
    if (!op) {
      outside.push({ line: span.line, end: span.end, title: span.title });
      continue;
    }
    if (op === 'ADDED' || op === 'MODIFIED') {
      const section = doc.lines.lineText(span.line).replace(SECTION_HEADER, '').trim();
      const blocks = readRequirementBlocks(
        doc,
        span.line + 1,
        span.end,
        (line, header) => strayHeaders.push({ header, section, range: lineRange(doc, line) }),
        hashes,
      );
      for (const block of blocks) entries.push({ op, block });
    } else if (op === 'REMOVED') {
      for (let line = span.line + 1; line < span.end; line++) {
        if (doc.codeLines.has(line)) continue;
        const text = doc.lines.lineText(line);
        const m = REQUIREMENT_HEADER.exec(text) ?? REMOVED_BULLET.exec(text);
        if (m) entries.push({ op, block: nameOnlyBlock(doc, line, m[1]) });
      }
    } else {
      let pending: { name: string; range: Range } | undefined;
      for (let line = span.line + 1; line < span.end; line++) {
        if (doc.codeLines.has(line)) continue;
        const text = doc.lines.lineText(line);
        const from = FROM.exec(text);
        const to = TO.exec(text);
        if (from) {
          if (pending) unpaired.push({ side: 'FROM', ...pending });
          pending = { name: normalizeName(from[1]), range: nameRangeOn(doc, line, from[1]) };
        } else if (to) {
          const range = nameRangeOn(doc, line, to[1]);
          if (!pending) unpaired.push({ side: 'TO', name: normalizeName(to[1]), range });
          else renamed.push({ from: pending.name, fromRange: pending.range, to: normalizeName(to[1]), toRange: range });
          pending = undefined;
        }
      }
      if (pending) unpaired.push({ side: 'FROM', ...pending });
    }
  }
  for (const span of outside) {
    for (const line of hashes) {
      if (line <= span.line || line >= span.end) continue;
      const m = REQUIREMENT_HEADER.exec(doc.lines.lineText(line));
      if (m) orphans.push({ name: normalizeName(m[1]), section: span.title, range: lineRange(doc, line) });
    }
  }
  const delta: DeltaFacts = {
    capability,
    sections: spans.filter((s) => s.op).map((s) => ({ op: s.op!, range: lineRange(doc, s.line) })),
    entries,
    renamed,
    unpaired,
    orphans,
    strayHeaders,
  };
  return { headings: collectHeadings(doc), extras: { type: 'openspec', sections: readSections(doc, hashes), requirementBlocks: [], misplaced: [], delta } };
}

function nameRangeOn(doc: MarkdownDoc, line: number, raw: string): Range {
  const text = doc.lines.lineText(line);
  const at = text.lastIndexOf(raw.trim());
  return at >= 0 ? { start: { line, character: at }, end: { line, character: at + normalizeName(raw).length } } : lineRange(doc, line);
}

function nameOnlyBlock(doc: MarkdownDoc, line: number, raw: string): DeltaEntry['block'] {
  const range = lineRange(doc, line);
  return {
    name: normalizeName(raw),
    range,
    nameRange: nameRangeOn(doc, line, raw),
    body: '',
    scenarios: [],
    bulletScenarios: 0,
    blockRange: range,
    raw: doc.lines.lineText(line).trim(),
  };
}
