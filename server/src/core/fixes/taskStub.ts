import { lineEndingOf } from '../text/lineEnding';
import { Fix } from '../findings';
import { SpecModel } from '../index/specModel';
import { RequirementNode } from '../model';

/**
 * For a requirement no task cites: a new open top-level task at the end of tasks.md that cites
 * every criterion of the requirement, numbered after the last top-level task.
 */
export function taskStubFix(spec: SpecModel, requirement: RequirementNode, textOf: (path: string) => string | undefined): Fix | undefined {
  const tasks = spec.files.tasks;
  const text = tasks ? textOf(tasks.path) : undefined;
  if (!tasks || text === undefined) return undefined;
  const top = tasks.tasks.filter((t) => t.id && /^\d+$/.test(t.id)).map((t) => Number(t.id));
  const next = (top.length ? Math.max(...top) : 0) + 1;
  const cites = requirement.criteria.length ? requirement.criteria.map((c) => c.id).join(', ') : requirement.id;
  const title = requirement.title || `Requirement ${requirement.id}`;
  const lines = text.split(/\r\n|\r|\n/);
  const last = lines.length - 1;
  const lastLength = lines[last]!.length;
  const eol = lineEndingOf(text);
  const trimmedEnd = text.trimEnd();
  const lead = trimmedEnd.length === 0 ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  const stub = `${lead}- [ ] ${next}. ${title}${eol}  - _Requirements: ${cites}_${eol}`;
  return {
    title: `Add task ${next} for requirement ${requirement.id} to tasks.md`,
    edits: [{ path: tasks.path, range: { start: { line: last, character: lastLength }, end: { line: last, character: lastLength } }, newText: stub }],
  };
}
