// @spec specthread-core#1.1
import { CriterionNode } from '../../../model';
import { MarkdownDoc } from '../../../parse/markdown';

/**
 * Criteria written with their full number at the start of a line instead of as a Markdown
 * list: `1.1 WHEN …`, `**2.3** …`, `1.1. THE framework SHALL …`, `- 3.2 …`. Bugfix specs
 * always use this form; some hand-written requirements.md files do too, some with an `R`/`RF`
 * prefix (`**RF1.2** …`, `- R1.1 — …`).
 */
const INLINE_CRITERION = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?(?:RF?)?)(\d+)\.(\d+)\.?(?:\*\*|__)?[:.)]?\s+(.*)$/;

/** Scans lines `fromLine..toLine` (inclusive), skipping code. `major` restricts to one requirement. */
export function scanInlineCriteria(doc: MarkdownDoc, fromLine: number, toLine: number, major?: string): CriterionNode[] {
  const out: CriterionNode[] = [];
  for (let line = fromLine; line <= toLine && line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    const text = doc.lines.lineText(line);
    const m = INLINE_CRITERION.exec(text);
    if (!m) continue;
    const requirementId = String(Number(m[2]));
    if (major !== undefined && requirementId !== major) continue;
    const col = m[1]!.length;
    const idEnd = col + m[2]!.length + 1 + m[3]!.length;
    out.push({
      id: `${requirementId}.${Number(m[3])}`,
      requirementId,
      text: m[4]!
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/[*_`]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
      range: doc.lines.span(line, col, line, text.length),
      idRange: doc.lines.span(line, col, line, idEnd),
      source: { raw: m[4]!, start: doc.lines.at(line, text.length - m[4]!.length) },
    });
  }
  return out;
}
