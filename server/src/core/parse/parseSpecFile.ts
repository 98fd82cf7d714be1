import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Heading, RefOccurrence, SpecFileFacts, SpecFileKind, TaskNode } from '../model';
import { comparePositions, rangeContains } from '../text/range';
import { collectHeadings, parseMarkdown } from './markdown';
import { parseBugfix } from './kiro/bugfix';
import { scanRefLines } from './kiro/refLines';
import { parseRequirements } from './kiro/requirements';
import { parseTasks } from './kiro/tasks';
import { findSuppressions } from './suppressions';

/**
 * Parses one spec file into facts that depend on nothing but its text. The result is cached by
 * content in the engine, so an edit re-parses exactly one file.
 */
export function parseSpecFile(path: string, kind: SpecFileKind, text: string, token: CancellationToken): SpecFileFacts {
  throwIfCancelled(token);
  const doc = parseMarkdown(text);
  // Suppression comments are rare; the property is left out when there are none.
  const suppressions = text.includes('specthread-') ? findSuppressions(doc) : [];
  const base = { path, kind, lineCount: doc.lines.lineCount, ...(suppressions.length ? { suppressions } : {}) };
  switch (kind) {
    case 'requirements':
    case 'bugfix': {
      const facts = kind === 'bugfix' ? parseBugfix(doc) : parseRequirements(doc);
      return { ...base, ...facts, tasks: [], refs: [] };
    }
    case 'tasks': {
      const tasks = parseTasks(doc);
      const refs = scanRefLines(doc).map((ref) => ({ ...ref, taskId: owningTask(tasks, ref)?.id }));
      return { ...base, requirements: [], tasks, refs, headings: collectHeadings(doc), glossary: [], notes: [] };
    }
    case 'design': {
      const headings = collectHeadings(doc);
      const refs = scanRefLines(doc).map((ref) => ({ ...ref, context: enclosingHeading(headings, ref)?.text }));
      return { ...base, requirements: [], tasks: [], refs, headings, glossary: [], notes: [] };
    }
  }
}

/** The innermost task whose list item holds the ref's line. */
function owningTask(tasks: readonly TaskNode[], ref: RefOccurrence): TaskNode | undefined {
  let best: TaskNode | undefined;
  for (const task of tasks) {
    if (!rangeContains(task.itemRange, ref.range.start)) continue;
    if (!best || comparePositions(task.itemRange.start, best.itemRange.start) > 0) best = task;
  }
  return best;
}

function enclosingHeading(headings: readonly Heading[], ref: RefOccurrence): Heading | undefined {
  let best: Heading | undefined;
  for (const h of headings) if (h.range.start.line <= ref.range.start.line) best = h;
  return best;
}
