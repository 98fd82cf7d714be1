import type { List, ListItem, Nodes, RootContent } from 'mdast';
import { CriterionNode, Heading, ParseNote, RequirementNode } from '../../model';
import { MarkdownDoc, collectHeadings, endOffset, plainText, startOffset } from '../markdown';
import { scanInlineCriteria } from './inlineCriteria';

/**
 * Kiro `requirements.md`, both dialects:
 *   v1: `### Requirement 1` + `**User Story:**` + `#### Acceptance Criteria` + `1. WHEN … THEN … SHALL …`
 *   v2: the same plus `## Glossary` and canonical EARS (`THE <System> SHALL …`).
 * Drift seen in real repositories is tolerated: `Requirement 1: Title`, `Requirement 1 - Title`,
 * a bold `**Acceptance Criteria:**` paragraph instead of a heading, bulleted criteria, translated
 * headings (`Requisito 1`, `Criterios de Aceptación`).
 */

const REQUIREMENT_HEADING = /^(?:Requirement|Requisito|Anforderung|Exigence)\s+(\d+)\b\s*(?:[:.\-–—]\s*)?(.*)$/i;
const CRITERIA_LABEL = /^(?:Acceptance Criteria|Criterios de Aceptaci[oó]n|Akzeptanzkriterien|Crit[eè]res d'acceptation)\s*:?$/i;
const USER_STORY = /^\s*(?:\*\*|__)?User Story\s*:?\s*(?:\*\*|__)?\s*:?\s*/i;

export interface RequirementsFacts {
  readonly requirements: RequirementNode[];
  readonly glossary: string[];
  readonly headings: Heading[];
  readonly notes: ParseNote[];
}

export function parseRequirements(doc: MarkdownDoc): RequirementsFacts {
  const headings = collectHeadings(doc);
  const requirements: RequirementNode[] = [];
  const notes: ParseNote[] = [];
  const nodes = doc.root.children;

  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type !== 'heading') continue;
    const m = REQUIREMENT_HEADING.exec(plainText(node).trim());
    if (!m) continue;
    // The section runs to the next heading of the same or a higher level.
    let end = i + 1;
    while (end < nodes.length && !(nodes[end].type === 'heading' && (nodes[end] as { depth: number }).depth <= node.depth)) end++;
    const section = nodes.slice(i + 1, end);
    const id = m[1];
    const headingText = doc.lines.lineText(doc.lines.positionAt(startOffset(node)).line);
    const idCol = headingText.indexOf(id, headingText.search(/\d/));
    const headingRange = doc.lines.rangeOf(startOffset(node), endOffset(node));
    const sectionEnd = section.length ? endOffset(section[section.length - 1]) : endOffset(node);
    requirements.push({
      id,
      title: m[2].trim(),
      userStory: findUserStory(section),
      range: headingRange,
      idRange: {
        start: { line: headingRange.start.line, character: idCol },
        end: { line: headingRange.start.line, character: idCol + id.length },
      },
      sectionRange: doc.lines.rangeOf(startOffset(node), sectionEnd),
      criteria: findCriteria(doc, id, section),
    });
  }

  return { requirements, glossary: findGlossary(nodes), headings, notes };
}

function findUserStory(section: RootContent[]): string | undefined {
  for (const node of section) {
    if (node.type !== 'paragraph') continue;
    const text = plainText(node);
    if (/^\s*User Story\b/i.test(text)) return text.replace(USER_STORY, '').trim();
  }
  return undefined;
}

function isCriteriaLabel(node: RootContent): boolean {
  if (node.type === 'heading') return CRITERIA_LABEL.test(plainText(node).trim());
  if (node.type === 'paragraph') return CRITERIA_LABEL.test(plainText(node).trim());
  return false;
}

/**
 * The criteria are the lists that follow an "Acceptance Criteria" label inside the requirement's
 * section. Without a label, the first ordered list in the section is taken, because that is how
 * hand-written specs that skip the label still read.
 */
function findCriteria(doc: MarkdownDoc, requirementId: string, section: RootContent[]): CriterionNode[] {
  const lists: List[] = [];
  const paragraphs: RootContent[] = [];
  const labelAt = section.findIndex(isCriteriaLabel);
  if (labelAt >= 0) {
    const label = section[labelAt];
    const labelDepth = label.type === 'heading' ? label.depth : 7;
    for (let j = labelAt + 1; j < section.length; j++) {
      const n = section[j];
      if (n.type === 'heading' && n.depth <= labelDepth) break;
      if (n.type === 'list') lists.push(n);
      if (n.type === 'paragraph') paragraphs.push(n);
    }
  } else {
    const first = section.find((n): n is List => n.type === 'list' && n.ordered === true);
    if (first) lists.push(first);
    else paragraphs.push(...section.filter((n) => n.type === 'paragraph'));
  }
  if (lists.length === 0) {
    // `1.1. THE framework SHALL …` lines are a paragraph to CommonMark, not a list.
    return paragraphs.flatMap((p) => {
      const r = doc.lines.rangeOf(startOffset(p), endOffset(p));
      return scanInlineCriteria(doc, r.start.line, r.end.line, requirementId);
    });
  }

  const criteria: CriterionNode[] = [];
  let position = 0;
  for (const list of lists) {
    for (const item of list.children) {
      position++;
      criteria.push(criterionFromItem(doc, requirementId, list, item, position));
    }
  }
  return criteria;
}

function criterionFromItem(doc: MarkdownDoc, requirementId: string, list: List, item: ListItem, position: number): CriterionNode {
  const start = startOffset(item);
  const line = doc.lines.positionAt(start).line;
  const lineText = doc.lines.lineText(line);
  const col = start - doc.lines.lineStart(line);
  // The number as written, so that citations match what an author sees in the raw file even
  // when a list is numbered `1. 1. 1.` (CommonMark would render it 1, 2, 3).
  const written = list.ordered ? /^(\d+)[.)]/.exec(lineText.slice(col)) : null;
  const n = written ? written[1] : String(position);
  const markerLength = written ? written[0].length : 1;
  const first = item.children[0] as Nodes | undefined;
  const text = (first ? plainText(first) : '').replace(/\s+/g, ' ').trim();
  return {
    id: `${requirementId}.${Number(n)}`,
    requirementId,
    text,
    range: { start: { line, character: col }, end: { line, character: lineText.length } },
    idRange: { start: { line, character: col }, end: { line, character: col + markerLength } },
  };
}

/** Terms under a `Glossary` heading: the bold lead of each bullet (`- **Issue_Manager**: …`). */
function findGlossary(nodes: RootContent[]): string[] {
  const terms: string[] = [];
  const at = nodes.findIndex((n) => n.type === 'heading' && /^glossary$/i.test(plainText(n).trim()));
  if (at < 0) return terms;
  const depth = (nodes[at] as { depth: number }).depth;
  for (let j = at + 1; j < nodes.length; j++) {
    const n = nodes[j];
    if (n.type === 'heading' && n.depth <= depth) break;
    if (n.type !== 'list') continue;
    for (const item of n.children) {
      const para = item.children[0];
      if (para?.type !== 'paragraph') continue;
      const lead = para.children[0];
      if (lead?.type === 'strong') terms.push(plainText(lead).replace(/:$/, '').trim());
      else {
        const m = /^([^:]{1,80}):/.exec(plainText(para));
        if (m) terms.push(m[1].trim());
      }
    }
  }
  return terms;
}
