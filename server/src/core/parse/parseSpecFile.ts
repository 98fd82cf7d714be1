import { CancellationToken, throwIfCancelled } from '../cancellation';
import { deltaCapability } from '../formats/openspec/layout';
import { RefOccurrence, SpecFileFacts, SpecFileKind, SpecFormat } from '../model';
import { MarkdownDoc, collectHeadings, parseMarkdown } from './markdown';
import { SpecKitExtras } from '../extras';
import { parseBugfix } from '../formats/kiro/parse/bugfix';
import { scanRefLines } from '../formats/kiro/parse/refLines';
import { parseRequirements } from '../formats/kiro/parse/requirements';
import { parseTasks } from './numberedTasks';
import { taskAtLine } from './taskAtLine';
import { headingAtOrAbove } from './headingAt';
import { findSuppressions } from './suppressions';
import { KIRO_CONFIG_SCHEMA, KIRO_HOOK_SCHEMA } from '../formats/kiro/parse/schemas';
import { checkJson } from './json';
import { parseSteering } from '../formats/kiro/parse/steering';
import { parseDeltaSpec } from '../formats/openspec/parse/delta';
import { parseChangeMeta } from '../formats/openspec/parse/meta';
import { parseProposal } from '../formats/openspec/parse/proposal';
import { parseOpenSpecSpec } from '../formats/openspec/parse/spec';
import { scanDocIds } from '../formats/speckit/parse/ids';
import { findClarifications, findPlaceholders } from '../formats/speckit/parse/markers';
import { parseSpeckitSpec } from '../formats/speckit/parse/spec';
import { parseSpeckitTasks } from '../formats/speckit/parse/tasks';

/**
 * Parses one spec file into facts that depend on nothing but its text. The result is cached by
 * content in the engine, so an edit re-parses exactly one file.
 */
export function parseSpecFile(path: string, kind: SpecFileKind, text: string, token: CancellationToken, format: SpecFormat = 'kiro'): SpecFileFacts {
  throwIfCancelled(token);
  const empty = { requirements: [], tasks: [], refs: [], headings: [], glossary: [], notes: [] };
  // JSON and YAML files are not Markdown; they are checked for shape only.
  switch (kind) {
    case 'hook':
      return { path, kind, lineCount: lineCount(text), ...empty, extras: checkJson(text, KIRO_HOOK_SCHEMA) };
    case 'kiro-config':
      return { path, kind, lineCount: lineCount(text), ...empty, extras: checkJson(text, KIRO_CONFIG_SCHEMA) };
    case 'change-meta':
      return { path, kind, lineCount: lineCount(text), ...empty, extras: parseChangeMeta(text) };
  }
  const doc = parseMarkdown(text);
  // Suppression comments are rare; the property is left out when there are none.
  const suppressions = text.includes('specthread-') ? findSuppressions(doc) : [];
  const base = { path, kind, lineCount: doc.lines.lineCount, ...(suppressions.length ? { suppressions } : {}) };
  if (format === 'speckit') return parseSpeckitFile(doc, base);
  if (format === 'openspec') return parseOpenSpecFile(doc, base, path);
  switch (kind) {
    case 'requirements':
    case 'bugfix': {
      const facts = kind === 'bugfix' ? parseBugfix(doc) : parseRequirements(doc);
      return { ...base, ...facts, tasks: [], refs: [] };
    }
    case 'tasks': {
      const tasks = parseTasks(doc);
      const owner = taskAtLine(tasks);
      // A ref starts on a non-blank character of an item's line, so the item holding its line holds it.
      const refs = scanRefLines(doc).map((ref) => ({ ...ref, taskId: owner(ref.range.start.line)?.id }));
      return { ...base, requirements: [], tasks, refs, headings: collectHeadings(doc), glossary: [], notes: [] };
    }
    case 'design': {
      const headings = collectHeadings(doc);
      const refs = scanRefLines(doc).map((ref) => ({ ...ref, context: headingAtOrAbove(headings, ref.range.start.line)?.text }));
      return { ...base, requirements: [], tasks: [], refs, headings, glossary: [], notes: [] };
    }
    case 'steering':
      return { ...base, ...empty, headings: collectHeadings(doc), extras: parseSteering(text) };
    default:
      return { ...base, ...empty, headings: collectHeadings(doc) };
  }
}

type Base = { path: string; kind: SpecFileKind; lineCount: number; suppressions?: SpecFileFacts['suppressions'] };

function parseSpeckitFile(doc: MarkdownDoc, base: Base): SpecFileFacts {
  const empty = { requirements: [], tasks: [], refs: [], glossary: [], notes: [] };
  switch (base.kind) {
    case 'spec':
      return { ...base, ...empty, ...parseSpeckitSpec(doc) };
    case 'tasks':
      return { ...base, ...empty, ...parseSpeckitTasks(doc) };
    case 'constitution':
      return { ...base, ...empty, headings: collectHeadings(doc), extras: speckitExtras({ placeholders: findPlaceholders(doc) }) };
    case 'plan':
      return { ...base, ...empty, headings: collectHeadings(doc), extras: speckitExtras({ clarifications: findClarifications(doc, true) }) };
    case 'checklist':
      // Checklists cite requirements (`[Spec §FR-001]`); those citations must resolve.
      return { ...base, ...empty, headings: collectHeadings(doc), refs: scanDocIds(doc, 'inline-id').filter((r) => !isTaskRef(r)) };
    default:
      return { ...base, ...empty, headings: collectHeadings(doc) };
  }
}

function isTaskRef(r: RefOccurrence): boolean {
  return r.target.kind === 'id' ? /^T\d/.test(r.target.id) : r.target.kind === 'range' && /^T\d/.test(r.target.from);
}

function speckitExtras(part: Partial<Omit<SpecKitExtras, 'type'>>): SpecKitExtras {
  return { type: 'speckit', clarifications: [], clarificationSessions: 0, clarificationAnswers: 0, placeholders: [], checkpoints: 0, ...part };
}

function parseOpenSpecFile(doc: MarkdownDoc, base: Base, path: string): SpecFileFacts {
  const empty = { requirements: [], tasks: [], refs: [], glossary: [], notes: [] };
  switch (base.kind) {
    case 'spec':
      return { ...base, ...empty, ...parseOpenSpecSpec(doc) };
    case 'delta':
      return { ...base, ...empty, ...parseDeltaSpec(doc, deltaCapability(path)) };
    case 'tasks':
      // OpenSpec tasks are numbered like Kiro's (`- [ ] 1.1 …` under `## 1. Group`).
      return { ...base, ...empty, tasks: parseTasks(doc), headings: collectHeadings(doc) };
    case 'proposal':
    case 'project':
      return { ...base, ...empty, ...parseProposal(doc) };
    default:
      return { ...base, ...empty, headings: collectHeadings(doc) };
  }
}

/** Lines as LSP counts them: `\n`, `\r\n` and a lone `\r` each end one. */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}
