// @spec specthread-core#1.1, specthread-core#16.1
import { CriterionNode, Heading, ParseNote, RequirementNode, TextSource } from '../../../model';
import { Block, MarkdownDoc, blockRange, collectHeadings, firstLineRange, listItemColumns, plainText, sectionAfter } from '../../../parse/markdown';
import { scanInlineCriteria } from './inlineCriteria';
import { Vocabulary, withWords } from '../../../requirements/vocabulary';

/**
 * Kiro `requirements.md`, both dialects:
 *   v1: `### Requirement 1` + `**User Story:**` + `#### Acceptance Criteria` + `1. WHEN … THEN … SHALL …`
 *   v2: the same plus `## Glossary` and canonical EARS (`THE <System> SHALL …`).
 * Drift seen in real repositories is tolerated: `Requirement 1: Title`, `Requirement 1 - Title`,
 * a bold `**Acceptance Criteria:**` paragraph instead of a heading, bulleted criteria, criteria
 * numbered inline (`1.1. THE …`), translated headings (`Requisito 1`, `Criterios de Aceptación`).
 */

// Keyword tables per language. Latin words need a space before the number; CJK words often have none.
const LATIN_REQUIREMENT = 'Requirement|Requisito|Anforderung|Exigence|Gereksinim|Persyaratan|Kebutuhan';
const CJK_REQUIREMENT = '要件|需求|要求|요구사항|요구 사항';
const CRITERIA_WORDS =
  "Acceptance Criteria|Criterios de Aceptaci[oó]n|Crit[eé]rios de Aceita[cç][aã]o|Akzeptanzkriterien|Crit[eè]res d'acceptation|" +
  'Kabul Kriterleri|Kriteria Penerimaan|受け入れ基準|受入基準|受け入れ条件|受入条件|验收标准|验收准则|验收条件|' +
  '수용 기준|인수 기준|승인 기준';
const SECTION_WORDS = 'Requirements|Functional Requirements|Requisitos|Anforderungen|Gereksinimler|Persyaratan|Kebutuhan|要件|要件定義|需求|功能需求|요구사항';
const USER_STORY =
  /^\s*(?:User Story|Objective|Hist[oó]ria de Usu[aá]rio|Historia de Usuario|用户故事|ユーザーストーリー|目的|사용자 스토리|Kullanıcı Hikayesi)\s*[:：]?\s*/i;
/**
 * cc-sdd and some hand-written specs number requirement headings bare (`### 1. Title`, `### 1 Title`)
 * under a `## Requirements` (or translated) section. Read only there, and only when no keyword
 * heading exists, so that numbered design notes elsewhere are never taken for requirements.
 */
const NUMBERED_HEADING = /^(\d+)\.?\s+(\S.*)$/;

/** The heading patterns: the built-in tables, plus the words `specthread.json` adds (`keywords`). */
interface HeadingPatterns {
  /** `R1` / `RF1` (requisito funcional) prefixes name the same number; tasks cite them as `R1.2`. */
  readonly requirementHeading: RegExp;
  readonly criteriaLabel: RegExp;
  readonly requirementsSection: RegExp;
}

function headingPatterns(vocabulary: Vocabulary | undefined): HeadingPatterns {
  // Configured words are taken as written in any script, so they may stand right before the number.
  const latin = LATIN_REQUIREMENT;
  const cjk = withWords(CJK_REQUIREMENT, vocabulary?.requirement ?? []);
  return {
    requirementHeading: new RegExp(String.raw`^(?:(?:${latin})\s+(?:RF?)?|(?:${cjk})\s*|RF?(?=\d))(\d+)\b\s*(?:[:：.\-–—]\s*)?(.*)$`, 'i'),
    criteriaLabel: new RegExp(`^(?:${withWords(CRITERIA_WORDS, vocabulary?.acceptanceCriteria ?? [])})\\s*[:：]?$`, 'i'),
    requirementsSection: new RegExp(`^(?:${withWords(SECTION_WORDS, vocabulary?.requirementsSection ?? [])})\\s*[:：]?$`, 'i'),
  };
}

const BUILT_IN = headingPatterns(undefined);

export interface RequirementsFacts {
  readonly requirements: RequirementNode[];
  readonly glossary: string[];
  readonly headings: Heading[];
  readonly notes: ParseNote[];
}

/** `vocabulary`: words `specthread.json` adds to the heading tables; the built-in tables alone without it. */
export function parseRequirements(doc: MarkdownDoc, vocabulary?: Vocabulary): RequirementsFacts {
  const patterns = vocabulary ? headingPatterns(vocabulary) : BUILT_IN;
  const requirements: RequirementNode[] = [];
  const blocks = doc.root.children;
  for (const { index: i, id, title, bare } of requirementHeadings(blocks, patterns)) {
    // The index comes from requirementHeadings over these same blocks.
    const block = blocks[i]!;
    const section = sectionAfter(blocks, i, block.depth!);
    const range = firstLineRange(doc, block);
    const headingText = doc.lines.lineText(block.startLine);
    const idCol = headingText.indexOf(id, headingText.search(/\d/));
    const last = section.length ? section[section.length - 1]! : block;
    const criteria = findCriteria(doc, id, section, patterns);
    // A heading without the word (`### 1. Title`, `### RF1 — Title`) is a requirement only if criteria follow it: `### 1. Blog Posts Section`
    // with a feature list is a product brief, and calling it a requirement without criteria is noise.
    if (bare && criteria.length === 0) continue;
    requirements.push({
      id,
      title: title.trim(),
      userStory: findUserStory(section),
      range,
      idRange: doc.lines.span(block.startLine, idCol, block.startLine, idCol + id.length),
      sectionRange: { start: range.start, end: blockRange(doc, last).end },
      criteria,
    });
  }
  return { requirements, glossary: findGlossary(blocks), headings: collectHeadings(doc), notes: [] };
}

interface RequirementHeading {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  /** Numbered without a requirement keyword, so only criteria show that it is one. */
  readonly bare: boolean;
}

/** Keyword headings (`Requirement 1`, `要件 1`); failing those, bare numbered headings inside a Requirements section. */
function requirementHeadings(blocks: Block[], patterns: HeadingPatterns): RequirementHeading[] {
  const keyword: RequirementHeading[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return;
    const m = patterns.requirementHeading.exec(plainText(block));
    if (m) keyword.push({ index, id: m[1]!, title: m[2]!, bare: /^RF?\d/i.test(plainText(block)) });
  });
  if (keyword.length) return keyword;
  const numbered: RequirementHeading[] = [];
  blocks.forEach((block, at) => {
    if (block.type !== 'heading' || !patterns.requirementsSection.test(plainText(block))) return;
    let depth: number | undefined;
    const section = sectionAfter(blocks, at, block.depth!);
    section.forEach((b, k) => {
      if (b.type !== 'heading') return;
      const m = NUMBERED_HEADING.exec(plainText(b));
      if (!m || (depth !== undefined && b.depth !== depth)) return;
      depth = b.depth;
      numbered.push({ index: at + 1 + k, id: String(Number(m[1])), title: m[2]!, bare: true });
    });
  });
  return numbered;
}

function findUserStory(section: Block[]): string | undefined {
  for (const block of section) {
    if (block.type !== 'paragraph') continue;
    const text = plainText(block);
    if (USER_STORY.test(text)) return text.replace(USER_STORY, '').replace(/^:\s*/, '').trim();
  }
  return undefined;
}

function isCriteriaLabel(block: Block, patterns: HeadingPatterns): boolean {
  return (block.type === 'heading' || block.type === 'paragraph') && patterns.criteriaLabel.test(plainText(block));
}

/**
 * The criteria are the lists that follow an "Acceptance Criteria" label inside the requirement's
 * section. Without a label, the first numbered list in the section is taken, because that is how
 * hand-written specs that skip the label still read.
 */
function findCriteria(doc: MarkdownDoc, requirementId: string, section: Block[], patterns: HeadingPatterns): CriterionNode[] {
  const lists: Block[] = [];
  const paragraphs: Block[] = [];
  const labelAt = section.findIndex((b) => isCriteriaLabel(b, patterns));
  if (labelAt >= 0) {
    const label = section[labelAt]!;
    const zone = label.type === 'heading' ? sectionAfter(section, labelAt, label.depth!) : section.slice(labelAt + 1);
    for (const b of zone) {
      // A heading label's zone may hold sub-headings (`##### Error handling`) that group the
      // criteria; a paragraph label's zone ends at the next heading.
      if (b.type === 'heading' && label.type !== 'heading') break;
      if (b.type === 'list') lists.push(b);
      if (b.type === 'paragraph') paragraphs.push(b);
    }
  } else {
    // Bulleted criteria count only when they carry their ids (`- R1.1 — …`); other bullets are notes.
    const at = section.findIndex((b) => b.type === 'list' && (b.ordered || EXPLICIT_ID.test(b.children[0]?.children[0]?.content ?? '')));
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

const EXPLICIT_ID = /^\s*(?:\*\*|__)?(?:RF?)?(\d+)\.(\d+)\.?(?:\*\*|__)?(?=[\s:)]|$)/;

function criterionFromItem(doc: MarkdownDoc, requirementId: string, list: Block, item: Block, position: number): CriterionNode {
  const line = item.startLine;
  const cols = listItemColumns(doc, item);
  // The number as written, so that citations match what an author sees in the raw file even
  // when a list is numbered `1. 1. 1.` (CommonMark would render it 1, 2, 3).
  // An explicit `1.2 …` at the start of the item (cc-sdd writes `- 1.2 WHEN …`) is the id its author cites.
  const explicit = EXPLICIT_ID.exec(item.children[0]?.content ?? '');
  const n = explicit && Number(explicit[1]) === Number(requirementId) ? explicit[2] : list.ordered && item.number ? item.number : String(position);
  return {
    id: `${requirementId}.${Number(n)}`,
    requirementId,
    text: plainText(item.children[0]),
    range: doc.lines.span(line, cols.marker, line, doc.lines.lineText(line).length),
    idRange: doc.lines.span(line, cols.marker, line, cols.marker + cols.markerText.length),
    source: itemSource(doc, item, cols.content),
  };
}

/** The item's first paragraph exactly as written, from the text after the marker. */
function itemSource(doc: MarkdownDoc, item: Block, contentColumn: number): TextSource | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || first.startLine !== item.startLine) return undefined;
  const from = doc.lines.lineStart(item.startLine) + contentColumn;
  return { raw: doc.text.slice(from, doc.lines.lineEnd(first.endLine)), start: doc.lines.at(item.startLine, contentColumn) };
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
