// @spec specthread-core#18.1, specthread-core#18.2
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { AgentView } from './agentView';
import { QueryError } from './queryError';
import { specNamed } from './specRef';

export type IdKind = 'requirement' | 'criterion' | 'task';

export interface NextId {
  readonly spec: string;
  readonly kind: IdKind;
  readonly id: string;
  /** The full ref for requirements and criteria (`user-auth#3.4`), for tags and citations. */
  readonly ref?: string;
}

/**
 * The next free id of a kind, in the spec's own numbering: Kiro `4`, `3.5`, `2.3`; spec-kit
 * `FR-013`, `T042` (zero-padding kept). Ids are read from the spec, never guessed: the highest
 * number among ids that share the commonest prefix, plus one. A criterion needs its requirement
 * (`parent`); a task with `parent` gets the parent's next sub-task number.
 */
export function nextId(view: AgentView, specName: string, kind: IdKind, parent: string | undefined, token: CancellationToken): NextId {
  throwIfCancelled(token);
  const spec = specNamed(view.analysis.specs, specName);
  const id = nextOf(spec, kind, parent);
  return { spec: spec.id, kind, id, ...(kind === 'task' ? {} : { ref: `${spec.id}#${id}` }) };
}

function nextOf(spec: SpecModel, kind: IdKind, parent: string | undefined): string {
  if (kind === 'requirement') {
    // Stories (spec-kit US1) number apart from functional requirements; a new requirement is the latter.
    const ids = spec.requirementList.filter((r) => r.node.kind !== 'story').map((r) => r.node.id);
    return successor(ids, '1');
  }
  if (kind === 'criterion') {
    if (!parent)
      throw new QueryError(`A criterion belongs to a requirement: give 'parent', e.g. the requirement id ${spec.requirementList[0]?.node.id ?? '1'}.`);
    const r = spec.requirements.get(parent);
    if (!r) throw new QueryError(`${spec.id} has no requirement '${parent}'.`);
    const locals = r.node.criteria.map((c) => c.id).filter((id) => id.startsWith(`${parent}.`));
    return `${parent}.${successor(
      locals.map((id) => id.slice(parent.length + 1)),
      '1',
    )}`;
  }
  if (!spec.files.tasks) throw new QueryError(`${spec.id} has no tasks file.`);
  if (parent) {
    if (!spec.tasks.has(parent)) throw new QueryError(`${spec.id} has no task '${parent}'.`);
    const subs = (spec.subtasks.get(parent) ?? []).map((t) => t.node.id).filter((id): id is string => !!id && id.startsWith(`${parent}.`));
    return `${parent}.${successor(
      subs.map((id) => id.slice(parent.length + 1)),
      '1',
    )}`;
  }
  const top = spec.taskList.filter((t) => t.node.depth === 0 || !t.node.id?.includes('.')).map((t) => t.node.id);
  return successor(
    top.filter((id): id is string => !!id && !id.includes('.')),
    spec.format === 'speckit' ? 'T001' : '1',
  );
}

/** The successor of the highest `<prefix><number>` among `ids`, for the prefix most of them share. */
function successor(ids: readonly string[], first: string): string {
  const groups = new Map<string, { max: number; width: number; count: number }>();
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    const g = groups.get(m[1]!) ?? { max: 0, width: 0, count: 0 };
    g.max = Math.max(g.max, Number(m[2]));
    g.width = Math.max(g.width, m[2]!.length);
    g.count++;
    groups.set(m[1]!, g);
  }
  const best = [...groups.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  if (!best) return first;
  const [prefix, g] = best;
  // Zero-padding only when the spec pads (`FR-003`); Kiro's `9` becomes `10`, not `0`.
  const padded = g.width > 1 && ids.some((id) => new RegExp(`^${escape(prefix)}0\\d`).test(id));
  return prefix + String(g.max + 1).padStart(padded ? g.width : 0, '0');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
