// @spec specthread-core#13.2
import { CriterionNode, RequirementNode } from '../../../model';
import { MarkdownDoc } from '../../../parse/markdown';
import { RequirementBlock } from '../extras';
import { hashLines, headerAt, lineRange, readRequirementBlocks, slug } from './blocks';

/**
 * Requirements of a main spec that `openspec validate` cannot parse (it has no `## Requirements`
 * section), read the way its authors wrote them so that coverage, hovers and the inventory still
 * see them. OpenSpec itself sees none of these, so the OpenSpec rules keep working on the blocks
 * it reads; these nodes only feed the format-neutral model. Real specs write three shapes:
 *
 * - a change delta copied into `specs/` (`## ADDED Requirements` with `### Requirement:` blocks);
 * - bare `### Requirement:` blocks with no `##` section at all (what `openspec archive` of an
 *   older version left behind);
 * - `### RF-1: Title` or `### REQ-001: Title` blocks under a localized requirements heading
 *   (`## Requisitos Funcionales`, `## Functional Requirements`, `## 需求`).
 *
 * REMOVED and RENAMED sections name requirements that no longer exist, so they are skipped.
 */

const GONE_SECTION = /^##\s+(REMOVED|RENAMED)\s+Requirements\s*$/i;
/** A localized "requirements" heading: English, Spanish/Portuguese, Chinese, Japanese, Korean. */
export const REQUIREMENTS_HEADING = /requirements|requisitos|requerimientos|exigences|需求|要件|요구사항/i;
/** `RF-1: …`, `REQ-001: …`, `NFR-2.1 — …`, `Requirement 3: …`. */
const ID_HEADING = /^((?:Requirement|Requisito)\s+\d+(?:\.\d+)*|[A-Z]{1,6}-\d+(?:\.\d+)*[a-z]?)\s*(?:[:：.—–]|\s-)\s*(\S.*)$/i;

export function fallbackRequirements(doc: MarkdownDoc): RequirementNode[] {
  const blocks = blocksOutsideGoneSections(doc);
  if (blocks.length) return blocks.map(fromBlock);
  return idHeadings(doc);
}

function blocksOutsideGoneSections(doc: MarkdownDoc): RequirementBlock[] {
  const out: RequirementBlock[] = [];
  let from = 0;
  let skipping = false;
  const hashes = hashLines(doc);
  const flush = (to: number) => {
    if (!skipping && to > from) out.push(...readRequirementBlocks(doc, from, to, undefined, hashes));
  };
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const h = headerAt(doc, line);
    if (!h || h.level !== 2) continue;
    flush(line);
    skipping = GONE_SECTION.test(doc.lines.lineText(line));
    // The heading itself ends the previous span; reading restarts on the line after it.
    from = line + 1;
  }
  flush(doc.lines.lineCount);
  return out;
}

function fromBlock(b: RequirementBlock): RequirementNode {
  const id = slug(b.name);
  const criteria = b.scenarios
    .filter((s) => s.hasBody)
    .map((s): CriterionNode => ({ id: `${id}/${slug(s.name)}`, requirementId: id, text: s.name, range: s.range, idRange: s.range }));
  return { id, kind: 'requirement', title: b.name, text: b.body, range: b.range, idRange: b.nameRange, sectionRange: b.blockRange, criteria };
}

/** `### <id>: <title>` headings inside `##` sections whose title says they hold requirements. */
function idHeadings(doc: MarkdownDoc): RequirementNode[] {
  const out: RequirementNode[] = [];
  let inRequirements = false;
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const h = headerAt(doc, line);
    if (!h) continue;
    if (h.level <= 2) {
      inRequirements = h.level === 2 && REQUIREMENTS_HEADING.test(h.title);
      continue;
    }
    const m = h.level === 3 && inRequirements ? ID_HEADING.exec(h.title) : null;
    if (!m) continue;
    // Both groups of ID_HEADING are required, so a match holds them.
    const id = m[1]!;
    const title = m[2]!;
    let end = line + 1;
    for (; end < doc.lines.lineCount; end++) {
      const next = headerAt(doc, end);
      if (next && next.level <= 3) break;
    }
    let last = end - 1;
    while (last > line && doc.lines.lineText(last).trim() === '') last--;
    const text = doc.lines.lineText(line);
    const idAt = text.indexOf(id);
    const body: string[] = [];
    for (let l = line + 1; l <= last; l++) if (!doc.codeLines.has(l) && doc.lines.lineText(l).trim()) body.push(doc.lines.lineText(l).trim());
    out.push({
      id: id.replace(/\s+/g, ' '),
      kind: 'requirement',
      title: title.trim(),
      text: body.join('\n'),
      range: lineRange(doc, line),
      idRange: { start: { line, character: Math.max(0, idAt) }, end: { line, character: Math.max(0, idAt) + id.length } },
      sectionRange: { start: lineRange(doc, line).start, end: { line: last, character: doc.lines.lineText(last).length } },
      criteria: [],
    });
  }
  return out;
}
