// @spec specthread-core#18.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { tasksFor } from '../../coverage/coverage';
import { Located, SpecModel } from '../../index/specModel';
import { TaskNode } from '../../model';
import { Range } from '../../text/range';
import { TraceLink } from '../../trace/traceIndex';
import { AgentView, TagPlace, TaskSummary, tagPlace, taskSummary, uniquePlaces } from './agentView';

/** A changed file: its absolute path, and its changed lines (0-based) when known (a diff); the whole file otherwise. */
export interface ChangedFile {
  readonly path: string;
  readonly lines?: readonly number[];
}

export interface ImpactFile {
  readonly path: string;
  /** `spec` (a spec's own file), `source` or `test` (tagged code), `other` (nothing of the thread knows it). */
  readonly role: 'spec' | 'source' | 'test' | 'other';
  readonly spec?: string;
}

/** What a change touches along the thread: `impact`, and the `review-change` prompt. */
export interface Impact {
  readonly files: readonly ImpactFile[];
  readonly requirements: readonly string[];
  readonly criteria: readonly string[];
  readonly tasks: readonly (TaskSummary & { readonly spec: string })[];
  /** Tests that verify a touched criterion: what to re-run. */
  readonly tests: readonly TagPlace[];
}

const touches = (range: Range, lines: readonly number[] | undefined) => !lines || lines.some((l) => range.start.line <= l && l <= range.end.line);

/**
 * The requirements, criteria, tasks and tests a change touches. In a spec file: what the changed
 * lines define (requirements, criteria, tasks). In a code or test file: every ref its tags name,
 * because a tag at the top of a file speaks for the whole file; and the tasks whose text names
 * the file. Then, for every touched criterion, the tests that verify it.
 */
export function impactOf(view: AgentView, changes: readonly ChangedFile[], token: CancellationToken): Impact {
  throwIfCancelled(token);
  const { analysis } = view;
  const specs = analysis.specs.specs;
  const touched = new Map<SpecModel, Set<string>>();
  const touch = (spec: SpecModel, id: string) => touched.set(spec, (touched.get(spec) ?? new Set()).add(id));
  const tasks = new Map<TaskNode, { spec: SpecModel; task: Located<TaskNode> }>();
  const files: ImpactFile[] = [];

  for (const change of changes) {
    throwIfCancelled(token);
    const spec = specs.find((s) => s.fileList.some((f) => f.path === change.path));
    if (spec) {
      files.push({ path: view.show(change.path), role: 'spec', spec: spec.id });
      for (const r of spec.requirementList) {
        if (r.path !== change.path) continue;
        if (touches(r.node.range, change.lines)) touch(spec, r.node.id);
        for (const c of r.node.criteria) if (touches(c.range, change.lines)) touch(spec, c.id);
        // A change inside a requirement's section, not on one of its criteria, still touches the requirement.
        if (change.lines && !r.node.criteria.some((c) => touches(c.range, change.lines)) && touches(r.node.sectionRange, change.lines)) touch(spec, r.node.id);
      }
      for (const t of spec.taskList) if (t.path === change.path && touches(t.node.itemRange, change.lines)) tasks.set(t.node, { spec, task: t });
      continue;
    }
    const links = analysis.index.linksIn(change.path);
    const role: ImpactFile['role'] = analysis.files.isScannable(change.path) ? analysis.files.roleOf(change.path) : 'other';
    files.push({ path: view.show(change.path), role });
    for (const link of links) {
      if (link.resolution.status === 'ok') touch(link.resolution.spec, link.resolution.target.located.node.id);
    }
    for (const s of specs) {
      for (const m of analysis.mentions(s)) {
        if (analysis.resolveMention(s, m.path) !== change.path) continue;
        const t = s.taskList.find((x) => x.node === m.task);
        if (t) tasks.set(t.node, { spec: s, task: t });
      }
    }
  }

  const criteria: string[] = [];
  const requirements = new Set<string>();
  const tests: TraceLink[] = [];
  for (const [spec, ids] of touched) {
    for (const id of ids) {
      const c = spec.criteria.get(id);
      const requirementId = c ? c.node.requirementId : id;
      requirements.add(`${spec.id}#${requirementId}`);
      const unitIds = c ? [id] : (spec.requirements.get(id)?.node.criteria.map((x) => x.id) ?? []);
      for (const unit of unitIds.length ? unitIds : [id]) criteria.push(`${spec.id}#${unit}`);
      tests.push(...(c ? analysis.index.linksForCriterion(spec, id) : analysis.index.linksForRequirement(spec, id)).filter((l) => l.role === 'test'));
      // Tasks that cite a touched id are touched by the change too.
      for (const t of c ? tasksFor(spec, requirementId, id) : tasksFor(spec, id, id)) tasks.set(t.node, { spec, task: t });
    }
  }
  return {
    files,
    requirements: [...requirements].sort(),
    criteria: [...new Set(criteria)].sort(),
    tasks: [...tasks.values()].map(({ spec, task }) => ({ spec: spec.id, ...taskSummary(view, task) })),
    tests: uniquePlaces(tests.map((l) => tagPlace(view, l))),
  };
}
