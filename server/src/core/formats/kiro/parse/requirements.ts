// @spec specthread-core#1.1
import { CriterionNode, Heading, ParseNote, RequirementNode, TextSource } from '../../../model';
import { Block, MarkdownDoc, blockRange, collectHeadings, firstLineRange, listItemColumns, plainText, sectionAfter } from '../../../parse/markdown';
import { scanInlineCriteria } from './inlineCriteria';

/**
 * Kiro `requirements.md`, both dialects:
 *   v1: `### Requirement 1` + `**User Story:**` + `#### Acceptance Criteria` + `1. WHEN … THEN … SHALL …`
 *   v2: the same plus `## Glossary` and canonical EARS (`THE <System> SHALL …`).
 * Drift seen in real repositories is tolerated: `Requirement 1: Title`, `Requirement 1 - Title`,
 * a bold `**Acceptance Criteria:**` paragraph instead of a heading, bulleted criteria, criteria
 * numbered inline (`1.1. THE …`), translated headings (`Requisito 1`, `Criterios de Aceptación`).
 */

const REQUIREMENT_HEADING = /^(?:Requirement|Requisito|Anforderung|Exigence)\s+(\d+)\b\s*(?:[:.\-–—]\s*)?(.*)$/i;
const CRITERIA_LABEL = /^(?:Acceptance Criteria|Criterios de Aceptaci[oó]n|Akzeptanzkriterien|Crit[eè]res d'acceptation)\s*:?$/i;
const USER_STORY = /^\s*User Story\s*:?\s*/i;

export interface RequirementsFacts {
  readonly requirements: RequirementNode[];
  readonly glossary: string[];
  readonly headings: Heading[];
  readonly notes: ParseNote[];
}

export function parseRequirements(doc: MarkdownDoc): RequirementsFacts {
  const requirements: RequirementNode[] = [];
  const blocks = doc.root.children;
  blocks.forEach((block, i) => {
    if (block.type !== 'heading') return;
    const m = REQUIREMENT_HEADING.exec(plainText(block));
    if (!m) return;
    const section = sectionAfter(blocks, i, block.depth!);
    const id = m[1]!;
    const range = firstLineRange(doc, block);
    const headingText = doc.lines.lineText(block.startLine);
    const idCol = headingText.indexOf(id, headingText.search(/\d/));
    const last = section.length ? section[section.length - 1]! : block;
    requirements.push({
      id,
      title: m[2]!.trim(),
      userStory: findUserStory(section),
      range,
      idRange: { start: { line: block.startLine, character: idCol }, end: { line: block.startLine, character: idCol + id.length } },
      sectionRange: { start: range.start, end: blockRange(doc, last).end },
      criteria: findCriteria(doc, id, section),
    });
  });
  return { requirements, glossary: findGlossary(blocks), headings: collectHeadings(doc), notes: [] };
}

function findUserStory(section: Block[]): string | undefined {
  for (const block of section) {
    if (block.type !== 'paragraph') continue;
    const text = plainText(block);
    if (USER_STORY.test(text)) return text.replace(USER_STORY, '').replace(/^:\s*/, '').trim();
  }
  return undefined;
}

function isCriteriaLabel(block: Block): boolean {
  return (block.type === 'heading' || block.type === 'paragraph') && CRITERIA_LABEL.test(plainText(block));
}

/**
 * The criteria are the lists that follow an "Acceptance Criteria" label inside the requirement's
 * section. Without a label, the first numbered list in the section is taken, because that is how
 * hand-written specs that skip the label still read.
 */
function findCriteria(doc: MarkdownDoc, requirementId: string, section: Block[]): CriterionNode[] {
  const lists: Block[] = [];
  const paragraphs: Block[] = [];
  const labelAt = section.findIndex(isCriteriaLabel);
  if (labelAt >= 0) {
    const label = section[labelAt]!;
    const zone = label.type === 'heading' ? sectionAfter(section, labelAt, label.depth!) : section.slice(labelAt + 1);
    for (const b of zone) {
      if (b.type === 'heading') break;
      if (b.type === 'list') lists.push(b);
      if (b.type === 'paragraph') paragraphs.push(b);
    }
  } else {
    const at = section.findIndex((b) => b.type === 'list' && b.ordered);
    if (at >= 0) {
      lists.push(section[at]!);
      // A suppression comment between two items splits the list in two; the criteria go on.
      for (let i = at + 1; i + 1 < section.length && section[i]!.type === 'html' && section[i + 1]!.type === 'list' && section[i + 1]!.ordered; i += 2) {
        lists.push(section[i + 1]!);
      }
    } else paragraphs.push(...section.filter((b) => b.type === 'paragraph'));
  }
  if (lists.length === 0) {
    // `1.1. THE framework SHALL …` lines are a paragraph to CommonMark, not a list.
    return paragraphs.flatMap((p) => scanInlineCriteria(doc, p.startLine, p.endLine, requirementId));
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

function criterionFromItem(doc: MarkdownDoc, requirementId: string, list: Block, item: Block, position: number): CriterionNode {
  const line = item.startLine;
  const cols = listItemColumns(doc, item);
  // The number as written, so that citations match what an author sees in the raw file even
  // when a list is numbered `1. 1. 1.` (CommonMark would render it 1, 2, 3).
  const n = list.ordered && item.number ? item.number : String(position);
  return {
    id: `${requirementId}.${Number(n)}`,
    requirementId,
    text: plainText(item.children[0]),
    range: { start: { line, character: cols.marker }, end: { line, character: doc.lines.lineText(line).length } },
    idRange: { start: { line, character: cols.marker }, end: { line, character: cols.marker + cols.markerText.length } },
    source: itemSource(doc, item, cols.content),
  };
}

/** The item's first paragraph exactly as written, from the text after the marker. */
function itemSource(doc: MarkdownDoc, item: Block, contentColumn: number): TextSource | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || first.startLine !== item.startLine) return undefined;
  const from = doc.lines.lineStart(item.startLine) + contentColumn;
  return { raw: doc.text.slice(from, doc.lines.lineEnd(first.endLine)), start: { line: item.startLine, character: contentColumn } };
}

/** Terms under a `Glossary` heading: the bold lead of each bullet (`- **Issue_Manager**: …`). */
function findGlossary(blocks: Block[]): string[] {
  const terms: string[] = [];
  const at = blocks.findIndex((b) => b.type === 'heading' && /^glossary$/i.test(plainText(b)));
  if (at < 0) return terms;
  for (const b of sectionAfter(blocks, at, blocks[at]!.depth!)) {
    if (b.type !== 'list') continue;
    for (const item of b.children) {
      const raw = item.children[0]?.content ?? '';
      const m = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(raw) ?? /^([^:]{1,80}):/.exec(raw);
      if (m) terms.push(m[1]!.replace(/:$/, '').trim());
    }
  }
  return terms;
}
