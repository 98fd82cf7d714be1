// @spec specthread-core#3.1
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Located, SpecModel } from '../index/specModel';
import { TaskNode } from '../model';
import { analyzeEars, earsPatternLabel } from '../requirements/ears';
import { Position, Range } from '../text/range';
import { SpecLookup, SpecTarget, citingTasks, specOfRef, targetAt } from './locate';

export interface HoverResult {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

const STATUS_ICON: Record<TaskNode['status'], string> = { open: '☐', done: '☑', 'in-progress': '◐', queued: '◔' };

export function hover(spec: SpecModel, path: string, pos: Position, token: CancellationToken, lookup?: SpecLookup): HoverResult | undefined {
  throwIfCancelled(token);
  const target = targetAt(spec, path, pos);
  if (!target) return undefined;
  const contents = describe(spec, target, lookup);
  return contents ? { contents, range: target.range } : undefined;
}

function describe(spec: SpecModel, target: SpecTarget, lookup?: SpecLookup): string | undefined {
  switch (target.kind) {
    case 'ref': {
      const owner = specOfRef(spec, target.ref, lookup);
      if (!owner) return `No spec named \`${target.ref.occurrence.spec}\`.`;
      return describeId(owner, target.id) ?? `**${target.id}** does not exist in spec \`${owner.id}\`.`;
    }
    case 'requirement':
    case 'criterion':
      return describeId(spec, target.node.id);
    case 'task':
      return undefined;
  }
}

function describeId(spec: SpecModel, id: string): string | undefined {
  const criterion = spec.criteria.get(id);
  const requirement = spec.requirements.get(criterion ? criterion.node.requirementId : id);
  if (!criterion && !requirement) return undefined;
  const lines: string[] = [];
  if (criterion) {
    lines.push(`**${spec.id}#${id}** — ${criterion.node.text}`, '', `EARS: ${earsPatternLabel(analyzeEars(criterion.node.text).pattern)}`, '');
  }
  if (requirement) {
    const r = requirement.node;
    lines.push(`${criterion ? 'Requirement' : `**${spec.id}#${r.id}** — Requirement`} ${r.id}${r.title ? `: ${r.title}` : ''}`);
    if (r.userStory) lines.push('', `_${r.userStory}_`);
    if (!criterion && r.criteria.length) lines.push('', `${r.criteria.length} acceptance criteria`);
  }
  lines.push('', tasksLine(citingTasks(spec, id)));
  return lines.join('\n');
}

function tasksLine(tasks: Located<TaskNode>[]): string {
  if (tasks.length === 0) return 'Cited by no task.';
  const items = tasks.map((t) => `- ${STATUS_ICON[t.node.status]} ${t.node.id ? `${t.node.id} ` : ''}${t.node.title}`);
  return [`Cited by ${tasks.length} task${tasks.length > 1 ? 's' : ''}:`, ...items].join('\n');
}
