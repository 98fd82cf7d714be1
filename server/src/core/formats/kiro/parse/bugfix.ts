// @spec specthread-core#1.1
import { CriterionNode, RequirementNode } from '../../../model';
import { Range } from '../../../text/range';
import { MarkdownDoc, collectHeadings } from '../../../parse/markdown';
import { scanInlineCriteria } from './inlineCriteria';
import { RequirementsFacts } from './requirements';

/**
 * Kiro bugfix specs (`bugfix.md`) write their criteria inline, numbered by section:
 * `1.x` current (defective) behaviour, `2.x` expected behaviour, `3.x` unchanged behaviour.
 * Each section becomes a requirement whose id is the major number, so `_Requirements: 2.1_`
 * in tasks.md resolves exactly as it does for feature specs.
 */

/**
 * The section that describes the bug as it is ("Current Behavior (Defect)"): its criteria state
 * what must stop happening, so coverage rules do not ask for a task or code that builds them.
 */
const DEFECT_HEADING = /\bdefect|\b(current|actual|observed) behaviou?r|comportamiento actual|comportamento atual|现状|当前行为|缺陷|現在の動作|不具合/i;

export function parseBugfix(doc: MarkdownDoc): RequirementsFacts {
  const headings = collectHeadings(doc);
  const byMajor = new Map<string, { criteria: CriterionNode[]; first: Range }>();
  for (const criterion of scanInlineCriteria(doc, 0, doc.lines.lineCount - 1)) {
    const entry = byMajor.get(criterion.requirementId) ?? { criteria: [], first: criterion.range };
    entry.criteria.push(criterion);
    byMajor.set(criterion.requirementId, entry);
  }

  const requirements: RequirementNode[] = [];
  for (const [major, { criteria, first }] of byMajor) {
    // The section heading above the first criterion names the group ("Expected Behavior").
    const heading = [...headings].reverse().find((h) => h.range.start.line < first.start.line);
    // Every entry is created with its first criterion.
    const last = criteria[criteria.length - 1]!.range;
    requirements.push({
      id: major,
      ...(heading && DEFECT_HEADING.test(heading.text) ? { kind: 'defect' as const } : {}),
      title: heading?.text ?? `Section ${major}`,
      range: heading?.range ?? first,
      idRange: first.start.line === criteria[0]!.idRange.start.line ? criteria[0]!.idRange : first,
      sectionRange: { start: (heading?.range ?? first).start, end: last.end },
      criteria,
    });
  }
  return { requirements, glossary: [], headings, notes: [] };
}
