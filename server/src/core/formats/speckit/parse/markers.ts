import { Marker } from '../../../text/marker';
import { MarkdownDoc } from '../../../parse/markdown';
import { stripInlineCode } from './ids';

/**
 * Open questions and unfilled template text in spec-kit documents:
 *   `[NEEDS CLARIFICATION: auth method not specified]`  (spec.md, plan.md)
 *   `**Language/Version**: NEEDS CLARIFICATION`        (the bare form plan.md uses)
 *   `[PROJECT_NAME]`, `[PRINCIPLE_1_NAME]`              (constitution template placeholders)
 * A sentence that talks about markers ("No [NEEDS CLARIFICATION] markers remain") has no
 * colon and no question, and is not a marker.
 */

const CLARIFICATION = /\[NEEDS CLARIFICATION:\s*([^\]]*)\]/g;
const BARE_CLARIFICATION = /^(\s*(?:[-*+]\s+)?\*\*[^*]+\*\*:?\s*)(NEEDS CLARIFICATION)\s*$/;
const PLACEHOLDER = /\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\](?![(:[])/g;

export function findClarifications(doc: MarkdownDoc, bareForm: boolean): Marker[] {
  const out: Marker[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    const text = stripInlineCode(doc.lines.lineText(line));
    for (const m of text.matchAll(CLARIFICATION)) {
      out.push({ text: m[1]!.trim(), range: { start: { line, character: m.index! }, end: { line, character: m.index! + m[0].length } } });
    }
    const bare = bareForm ? BARE_CLARIFICATION.exec(text) : null;
    if (bare) out.push({ text: '', range: { start: { line, character: bare[1]!.length }, end: { line, character: bare[1]!.length + bare[2]!.length } } });
  }
  return out;
}

export function findPlaceholders(doc: MarkdownDoc): Marker[] {
  const out: Marker[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    const text = stripInlineCode(doc.lines.lineText(line));
    // A line that is only an HTML comment is template guidance, not document text.
    if (/^\s*<!--/.test(text)) continue;
    for (const m of text.matchAll(PLACEHOLDER)) {
      out.push({ text: m[1]!, range: { start: { line, character: m.index! }, end: { line, character: m.index! + m[0].length } } });
    }
  }
  return out;
}
