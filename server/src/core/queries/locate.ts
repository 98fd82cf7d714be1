import { Located, ResolvedRef, SpecModel } from '../index/specModel';
import { CriterionNode, RequirementNode, TaskNode } from '../model';
import { Position, Range, rangeContains } from '../text/range';

/** What stands under the cursor, in terms of the spec model. */
export type SpecTarget =
  | { readonly kind: 'ref'; readonly ref: ResolvedRef; readonly id: string; readonly range: Range }
  | { readonly kind: 'requirement'; readonly node: RequirementNode; readonly path: string; readonly range: Range }
  | { readonly kind: 'criterion'; readonly node: CriterionNode; readonly path: string; readonly range: Range }
  | { readonly kind: 'task'; readonly node: TaskNode; readonly path: string; readonly range: Range };

/** Finds another spec by the name a cross-spec ref uses (`001-user-auth`, or the alias `user-auth`). */
export type SpecLookup = (name: string) => SpecModel | undefined;

/**
 * The spec a ref's id lives in: its own spec, or for a cross-spec ref (`001-user-auth#FR-003`)
 * the spec it names, when the lookup knows it.
 */
export function specOfRef(spec: SpecModel, ref: ResolvedRef, lookup?: SpecLookup): SpecModel | undefined {
  if (!ref.external) return spec;
  return ref.occurrence.spec && lookup ? lookup(ref.occurrence.spec) : undefined;
}

export interface Location {
  readonly path: string;
  readonly range: Range;
}

export function targetAt(spec: SpecModel, path: string, pos: Position): SpecTarget | undefined {
  for (const ref of spec.refs) {
    if (ref.path !== path || !rangeContains(ref.occurrence.range, pos)) continue;
    const id = idUnderCursor(ref, pos);
    if (id) return { kind: 'ref', ref, id: id.id, range: id.range };
  }
  for (const r of spec.requirementList) {
    if (r.path === path && rangeContains(r.node.range, pos)) return { kind: 'requirement', node: r.node, path, range: r.node.range };
  }
  for (const c of spec.criterionList) {
    if (c.path === path && rangeContains(c.node.range, pos)) return { kind: 'criterion', node: c.node, path, range: c.node.idRange };
  }
  for (const t of spec.taskList) {
    if (t.path === path && rangeContains(t.node.range, pos)) return { kind: 'task', node: t.node, path, range: t.node.range };
  }
  return undefined;
}

/** For a range token `2.3-2.5`, the end the cursor is on; for `All`, nothing. */
function idUnderCursor(ref: ResolvedRef, pos: Position): { id: string; range: Range } | undefined {
  const target = ref.occurrence.target;
  const r = ref.occurrence.range;
  if (target.kind === 'all') return undefined;
  if (target.kind === 'id') return { id: target.id, range: r };
  const toStart = r.end.character - target.to.length;
  if (pos.character >= toStart) return { id: target.to, range: { start: { line: r.start.line, character: toStart }, end: r.end } };
  return { id: target.from, range: { start: r.start, end: { line: r.start.line, character: r.start.character + target.from.length } } };
}

/** The definition of a requirement or criterion id within a spec. */
export function definitionOf(spec: SpecModel, id: string): Location | undefined {
  const c = spec.criteria.get(id);
  if (c) return { path: c.path, range: c.node.range };
  const r = spec.requirements.get(id);
  if (r) return { path: r.path, range: r.node.range };
  return undefined;
}

/** The id a target stands for, when it stands for a requirement or criterion. */
export function idOfTarget(target: SpecTarget): string | undefined {
  if (target.kind === 'ref') return target.id;
  if (target.kind === 'requirement' || target.kind === 'criterion') return target.node.id;
  return undefined;
}

/** Tasks that cite `id` directly, or through one of its criteria when `id` is a requirement. */
export function citingTasks(spec: SpecModel, id: string): Located<TaskNode>[] {
  return tasksCitingAny(spec, [id, ...(spec.requirements.get(id)?.node.criteria.map((c) => c.id) ?? [])]);
}

/** Tasks that cite any of `ids`, each once, in citation order. */
export function tasksCitingAny(spec: SpecModel, ids: readonly string[]): Located<TaskNode>[] {
  const seen = new Set<TaskNode>();
  const out: Located<TaskNode>[] = [];
  for (const each of ids) {
    for (const ref of spec.citedBy.get(each) ?? []) {
      const task = ref.occurrence.taskId ? spec.tasks.get(ref.occurrence.taskId) : undefined;
      if (task && !seen.has(task.node)) {
        seen.add(task.node);
        out.push(task);
      }
    }
  }
  return out;
}
