// @spec specthread-core#13.1
// @spec specthread-core#16.1
import { SpecKitExtras } from '../extras';
import { CriterionNode, Heading, RefOccurrence, RequirementKind, RequirementNode } from '../../../model';
import { Range } from '../../../text/range';
import { Block, MarkdownDoc, blockRange, collectHeadings, firstLineRange, listItemColumns, plainText, sectionAfter } from '../../../parse/markdown';
import { dropHistoryMentions } from './history';
import { normalizeId, scanDocIds } from './ids';
import { findClarifications } from './markers';

/**
 * spec-kit `spec.md`: user stories `### User Story 1 - Title (Priority: P1)` (also `US-1: Title
 * (P0)`, `User Story 5a — …`) with `**Given** … **When** … **Then**` acceptance scenarios as a
 * numbered list or as paragraphs; requirements `- **FR-001**: …`, success criteria
 * `- **SC-001**: …`, also as table rows `| FR-01 | … |`; key entities; clarification markers
 * and sessions. Beside the template, real specs write: localized story headings (`### 用户故事 1 —
 * 标题（优先级：P1）`), stories numbered within a phase (`### US-2.1 Title`), requirements as
 * headings (`## FR-001: Title`, `### FR-1: Title`), and dotted or suffixed ids (`FR-009.1`,
 * `FR-015a`).
 */

const STORY_WORDS = String.raw`User Story|US|用户故事|用戶故事|ユーザーストーリー|História de Usuário|Historia de Usuario|사용자 스토리`;
const STORY_HEADING = new RegExp(
  String.raw`^(?:${STORY_WORDS})[\s-]*(\d+[a-z]?(?:\.\d+)?)(?![\d.]*\d)\s*(?:[-–—:.：]\s*)?(.*?)\s*(?:[(（](?:(?:Priority|优先级|優先級|優先度|Prioridade|Prioridad)\s*[:：]\s*)?(P\d+)[)）]\s*)?(?:🎯.*)?$`,
  'i',
);
// A scenario starts with Given; a paragraph that merely mentions "Given/When/Then" is not one.
const SCENARIO = /^\W*(?:Given\b|Dad[oa]s?\b|假设|假如|给定|給定)[\s\S]*(?:\b(?:When|Then|Quando|Cuando|Ent[ãa]o|Entonces)\b|当|當|那么|那麼)/i;
// A label that opens a story's acceptance list: `**Acceptance Criteria**:`, `**验收**：`, `受け入れ基準:`.
const ACCEPTANCE_LABEL =
  /^\W*(?:Acceptance(?:\s+(?:Criteria|Scenarios|Tests?))?|验收(?:标准|条件|场景)?|驗收(?:標準|條件|情境)?|受け入れ(?:基準|条件)|受入基準|Crit[ée]rios?\s+de\s+Aceita[çc][ãa]o|Criterios?\s+de\s+Aceptaci[óo]n|인수\s*기준)\W*$/i;
const DEFINITION = /^(\s*(?:[-*+]\s+|#{2,6}\s+)?(?:\*\*|__)?)((?:FR|SC|NFR)-[A-Z]{0,3}\d+[a-z]?(?:\.\d+)*)(?:\*\*|__)?\s*[:.\-–—：]?\s*(?:\*\*|__)?\s*(.*)$/;
const TABLE_DEFINITION = /^(\s*\|\s*(?:\*\*)?)((?:FR|SC|NFR)-[A-Z]{0,3}\d+[a-z]?(?:\.\d+)*)(?:\*\*)?\s*\|\s*([^|]*)/;

export interface SpeckitSpecFacts {
  readonly requirements: RequirementNode[];
  readonly glossary: string[];
  readonly headings: Heading[];
  readonly refs: RefOccurrence[];
  readonly extras: SpecKitExtras;
}

/** `feature` is the spec's folder name (`001-auth`), to tell its own ids from other features'. */
export function parseSpeckitSpec(doc: MarkdownDoc, feature?: string): SpeckitSpecFacts {
  const headings = collectHeadings(doc);
  const stories = findStories(doc);
  const definitions = findDefinitions(doc);
  const definedAt = new Set(definitions.map((d) => `${d.idRange.start.line}:${d.idRange.start.character}`));
  const storyLines = new Set(stories.map((s) => s.range.start.line));
  // Every other mention of an id is a citation: "SC-002 depends on FR-003", "see US2".
  const mentions = scanDocIds(doc, 'inline-id', (line, start) => definedAt.has(`${line}:${start}`) || storyLines.has(line));
  const refs = dropHistoryMentions(doc, mentions, headings, feature);
  return {
    requirements: [...stories, ...definitions],
    glossary: findKeyEntities(doc),
    headings,
    refs,
    extras: {
      type: 'speckit',
      clarifications: findClarifications(doc, false),
      ...clarificationSessions(doc),
      placeholders: [],
      checkpoints: 0,
    },
  };
}

function findStories(doc: MarkdownDoc): RequirementNode[] {
  const blocks = doc.root.children;
  const out: RequirementNode[] = [];
  blocks.forEach((block, i) => {
    if (block.type !== 'heading') return;
    const m = STORY_HEADING.exec(plainText(block));
    if (!m) return;
    const id = 'US' + m[1];
    const section = sectionAfter(blocks, i, block.depth!);
    const range = firstLineRange(doc, block);
    const line = doc.lines.lineText(block.startLine);
    // The story words hold no digit, so the first digit of the heading line starts the story number.
    const firstDigit = line.search(/\d/);
    const numberAt = firstDigit >= 0 && line.startsWith(m[1]!, firstDigit) ? firstDigit : -1;
    const last = section.length ? section[section.length - 1]! : block;
    out.push({
      id,
      kind: 'story',
      title: m[2]!.trim(),
      priority: m[3],
      userStory: storyText(section),
      range,
      idRange:
        numberAt >= 0 ? { start: { line: block.startLine, character: numberAt }, end: { line: block.startLine, character: numberAt + m[1]!.length } } : range,
      sectionRange: { start: range.start, end: blockRange(doc, last).end },
      criteria: findScenarios(doc, id, section),
    });
  });
  return out;
}

/** The story's narrative: the first paragraph that is not a labelled field. */
function storyText(section: Block[]): string | undefined {
  for (const b of section) {
    if (b.type === 'heading') break;
    if (b.type !== 'paragraph') continue;
    const text = plainText(b);
    if (/^(Why this priority|Independent Test|Acceptance Scenarios)\b/i.test(text) || SCENARIO.test(text)) continue;
    return text;
  }
  return undefined;
}

/**
 * Scenarios are list items or paragraphs holding Given … When/Then, in the story's own
 * section (up to its first sub-heading). Numbered as written in a numbered list, else by
 * position, so `US1.2` is what an author counts.
 */
function findScenarios(doc: MarkdownDoc, storyId: string, section: Block[]): CriterionNode[] {
  const out: CriterionNode[] = [];
  let position = 0;
  const add = (block: Block, number: string | undefined, idRange: Range) => {
    position++;
    const n = number ?? String(position);
    const line = block.startLine;
    out.push({
      id: `${storyId}.${Number(n)}`,
      requirementId: storyId,
      text: plainText(block.type === 'listItem' ? block.children[0] : block),
      range: { start: idRange.start, end: { line, character: doc.lines.lineText(line).length } },
      idRange,
    });
  };
  // Stories without Given/When/Then often list their acceptance instead (`**验收**：` then bullets):
  // those bullets are the story's acceptance criteria, numbered the same way.
  let acceptance = false;
  const hasScenario = section.some(
    (b) => (b.type === 'paragraph' && SCENARIO.test(b.content ?? '')) || (b.type === 'list' && b.children.some((i) => SCENARIO.test(plainText(i)))),
  );
  for (const b of section) {
    if (b.type === 'heading') break;
    if (b.type === 'paragraph' && SCENARIO.test(b.content ?? '')) add(b, undefined, firstLineRange(doc, b));
    if (b.type === 'paragraph') acceptance = !hasScenario && ACCEPTANCE_LABEL.test(plainText(b));
    if (b.type !== 'list') continue;
    for (const item of b.children) {
      if (!acceptance && !SCENARIO.test(plainText(item))) continue;
      const cols = listItemColumns(doc, item);
      const idRange = {
        start: { line: item.startLine, character: cols.marker },
        end: { line: item.startLine, character: cols.marker + cols.markerText.length },
      };
      add(item, b.ordered ? item.number : undefined, idRange);
    }
  }
  return out;
}

function findDefinitions(doc: MarkdownDoc): RequirementNode[] {
  const out: RequirementNode[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    const text = doc.lines.lineText(line);
    const m = DEFINITION.exec(text) ?? TABLE_DEFINITION.exec(text);
    if (!m) continue;
    // `FR-001` alone at the start of running prose ("FR-001 and FR-002 overlap") is not a definition.
    const id = m[2]!;
    const bold = /^\s*(?:[-*+]\s+)?(?:\*\*|__)/.test(text);
    const labelled = new RegExp(String.raw`^\s*(?:[-*+]\s+|#{2,6}\s+)?${id.replace(/\./g, '\\.')}\s*[:：]`).test(text);
    if (!bold && !labelled && !text.trimStart().startsWith('|')) continue;
    const col = m[1]!.length;
    const statement = m[3]!
      .replace(/\*\*|__/g, '')
      .split('|')[0]!
      .trim();
    const range: Range = { start: { line, character: text.length - text.trimStart().length }, end: { line, character: text.length } };
    out.push({
      id,
      kind: kindOf(id),
      title: statement.length > 80 ? statement.slice(0, 79) + '…' : statement,
      text: statement,
      range,
      idRange: { start: { line, character: col }, end: { line, character: col + id.length } },
      sectionRange: range,
      criteria: [],
    });
  }
  return out;
}

function kindOf(id: string): RequirementKind {
  return id.startsWith('SC-') ? 'success-criterion' : 'functional';
}

/** `- **User**: …` bullets under a `Key Entities` heading. */
function findKeyEntities(doc: MarkdownDoc): string[] {
  const blocks = doc.root.children;
  const at = blocks.findIndex((b) => b.type === 'heading' && /^key entities/i.test(plainText(b)));
  if (at < 0) return [];
  const out: string[] = [];
  for (const b of sectionAfter(blocks, at, blocks[at]!.depth!)) {
    if (b.type !== 'list') continue;
    for (const item of b.children) {
      const m = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(item.children[0]?.content ?? '');
      if (m) out.push(m[1]!.replace(/:$/, '').trim());
    }
  }
  return out;
}

function clarificationSessions(doc: MarkdownDoc): { clarificationSessions: number; clarificationAnswers: number } {
  const headings = collectHeadings(doc);
  const section = headings.find((h) => /^clarifications$/i.test(h.text));
  if (!section) return { clarificationSessions: 0, clarificationAnswers: 0 };
  const inside = (line: number) => line > section.range.start.line && line <= section.sectionRange.end.line;
  const sessions = headings.filter((h) => inside(h.range.start.line) && /^session\b/i.test(h.text)).length;
  let answers = 0;
  for (let line = section.range.start.line + 1; line <= section.sectionRange.end.line; line++) {
    if (/^\s*[-*+]\s+(?:\*\*)?Q(?:\*\*)?\s*:/.test(doc.lines.lineText(line))) answers++;
  }
  return { clarificationSessions: sessions, clarificationAnswers: answers };
}

export { normalizeId };
