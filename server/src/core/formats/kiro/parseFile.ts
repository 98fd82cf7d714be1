// @spec specthread-core#15.1
import { AnalysisCache } from '../../analysisCache';
import type { Vocabulary } from '../../requirements/vocabulary';
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecFileFacts, SpecFileKind } from '../../model';
import { NO_STRUCTURE, lineCount, markdownBase } from '../../parse/fileBase';
import { headingAtOrAbove } from '../../parse/headingAt';
import { checkJson } from '../../parse/json';
import { collectHeadings } from '../../parse/markdown';
import { parseTasks } from '../../parse/numberedTasks';
import { taskAtLine } from '../../parse/taskAtLine';
import { POSITION_POOL } from '../../text/positionPool';
import { parseBugfix } from './parse/bugfix';
import { scanRefLines } from './parse/refLines';
import { parseRequirements } from './parse/requirements';
import { KIRO_CONFIG_SCHEMA, KIRO_HOOK_SCHEMA } from './parse/schemas';
import { parseSteering } from './parse/steering';

/** Parses one Kiro file: requirements, bugfix, design, tasks, steering, and the JSON hook and config files. */
export function parseKiroFile(
  path: string,
  kind: SpecFileKind,
  text: string,
  token: CancellationToken,
  cache?: AnalysisCache,
  vocabulary?: Vocabulary,
): SpecFileFacts {
  throwIfCancelled(token);
  // JSON files are not Markdown; they are checked for shape only.
  if (kind === 'hook') return { path, kind, lineCount: lineCount(text), ...NO_STRUCTURE, extras: checkJson(text, KIRO_HOOK_SCHEMA, { cache }) };
  if (kind === 'kiro-config') return { path, kind, lineCount: lineCount(text), ...NO_STRUCTURE, extras: checkJson(text, KIRO_CONFIG_SCHEMA, { cache }) };
  const { doc, base } = markdownBase(path, kind, text, cache?.table(POSITION_POOL));
  switch (kind) {
    case 'requirements':
    case 'bugfix': {
      const facts = kind === 'bugfix' ? parseBugfix(doc) : parseRequirements(doc, vocabulary);
      return { ...base, ...facts, tasks: [], refs: [] };
    }
    case 'tasks': {
      const tasks = parseTasks(doc);
      const owner = taskAtLine(tasks);
      // A ref starts on a non-blank character of an item's line, so the item holding its line holds it.
      // Built field by field, not spread: a spread object gets a hidden class of its own per
      // ref (61,874 of them at the benchmark's L size, 15 MB of the CLI's heap).
      const refs = scanRefLines(doc, vocabulary).map((ref) => ({
        target: ref.target,
        raw: ref.raw,
        range: ref.range,
        source: ref.source,
        taskId: owner(ref.range.start.line)?.id,
      }));
      return { ...base, requirements: [], tasks, refs, headings: collectHeadings(doc), glossary: [], notes: [] };
    }
    case 'design': {
      const headings = collectHeadings(doc);
      const refs = scanRefLines(doc, vocabulary).map((ref) => ({
        target: ref.target,
        raw: ref.raw,
        range: ref.range,
        source: ref.source,
        context: headingAtOrAbove(headings, ref.range.start.line)?.text,
      }));
      return { ...base, requirements: [], tasks: [], refs, headings, glossary: [], notes: [] };
    }
    case 'steering':
      return { ...base, ...NO_STRUCTURE, headings: collectHeadings(doc), extras: parseSteering(text) };
    default:
      return { ...base, ...NO_STRUCTURE, headings: collectHeadings(doc) };
  }
}
