// @spec specthread-core#18.1, specthread-core#18.2
import type { CoverageState } from '../../../../../shared/coverage';
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { suggestIds } from '../../checks/suggest';
import { kiroPatterns } from '../../checks/kiroPatterns';
import { compileGlobs } from '../../glob/glob';
import { Located, SpecModel } from '../../index/specModel';
import { Heading, TaskNode } from '../../model';
import { Range } from '../../text/range';
import { AgentView, Place, TagPlace, TaskSummary, coverageOf, placeOf, tagPlace, taskSummary, uniquePlaces } from './agentView';
import { QueryError } from './queryError';
import { specNamed } from './specRef';

/** Longest text of one design section or steering file packed in; the rest is a read away. */
const MAX_SECTION = 6000;

export interface ContextCriterion {
  readonly ref: string;
  readonly requirement: string;
  readonly requirementTitle: string;
  readonly text: string;
  readonly state: CoverageState;
}

export interface ContextSection extends Place {
  readonly heading: string;
  readonly text: string;
  readonly truncated: boolean;
}

export interface ContextFile {
  /** As the task writes it. */
  readonly mentioned: string;
  /** The file it names in the workspace, when one exists. */
  readonly path?: string;
}

export interface SteeringFile extends Place {
  readonly inclusion: string;
  readonly text: string;
  readonly truncated: boolean;
}

/** What an agent needs to do one task, in one answer: `task_context` and the `implement-task` prompt. */
export interface TaskContext {
  readonly spec: string;
  readonly task: TaskSummary & { readonly text: string };
  readonly subtasks: readonly TaskSummary[];
  readonly criteria: readonly ContextCriterion[];
  readonly design: readonly ContextSection[];
  readonly files: readonly ContextFile[];
  readonly code: readonly TagPlace[];
  readonly tests: readonly TagPlace[];
  readonly steering: readonly SteeringFile[];
}

export function findTask(spec: SpecModel, id: string): Located<TaskNode> {
  const task = spec.tasks.get(id);
  if (task) return task;
  if (!spec.files.tasks) throw new QueryError(`${spec.id} has no tasks file.`);
  const near = suggestIds(id, [...spec.tasks.keys()], 3);
  throw new QueryError(`${spec.id} has no task '${id}'.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}`);
}

/** The task and all its sub-tasks, depth first. */
function withDescendants(spec: SpecModel, task: Located<TaskNode>): Located<TaskNode>[] {
  const out = [task];
  for (const sub of task.node.id ? (spec.subtasks.get(task.node.id) ?? []) : []) out.push(...withDescendants(spec, sub));
  return out;
}

export function taskContext(view: AgentView, specName: string, taskId: string, token: CancellationToken): TaskContext {
  throwIfCancelled(token);
  const spec = specNamed(view.analysis.specs, specName);
  const task = findTask(spec, taskId);
  const family = withDescendants(spec, task);
  const ids = new Set(family.map((t) => t.node.id).filter((id): id is string => !!id));

  // The ids the task and its sub-tasks cite, then each requirement cited whole expanded to its criteria.
  const cited: string[] = [];
  for (const ref of spec.refs) if (ref.occurrence.taskId && ids.has(ref.occurrence.taskId)) cited.push(...ref.resolved);
  const coverage = coverageOf(view, token);
  const criteria: ContextCriterion[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const c = spec.criteria.get(id);
    const r = spec.requirements.get(c ? c.node.requirementId : id);
    if (!r) return;
    const ref = `${spec.id}#${id}`;
    criteria.push({
      ref,
      requirement: r.node.id,
      requirementTitle: r.node.title,
      text: c ? c.node.text : (r.node.text ?? r.node.title),
      state: coverage.get(ref)?.state ?? 'specified',
    });
  };
  for (const id of cited) {
    const r = spec.requirements.get(id);
    if (r && r.node.criteria.length) r.node.criteria.forEach((c) => add(c.id));
    else add(id);
  }

  const index = view.analysis.index;
  const links = criteria.flatMap((c) => {
    const id = c.ref.slice(spec.id.length + 1);
    return spec.criteria.has(id) ? index.linksForCriterion(spec, id) : index.linksForRequirement(spec, id);
  });
  const files = fileMentions(view, spec, family);
  return {
    spec: spec.id,
    task: { ...taskSummary(view, task), text: sliceLines(view.textOf(task.path), task.node.itemRange) },
    subtasks: family.slice(1).map((t) => taskSummary(view, t)),
    criteria,
    design: designSections(view, spec, new Set([...seen, ...criteria.map((c) => c.requirement)])),
    files,
    code: uniquePlaces(links.filter((l) => l.role === 'source').map((l) => tagPlace(view, l))),
    tests: uniquePlaces(links.filter((l) => l.role === 'test').map((l) => tagPlace(view, l))),
    steering: steeringFor(view, spec, files),
  };
}

function fileMentions(view: AgentView, spec: SpecModel, family: readonly Located<TaskNode>[]): ContextFile[] {
  const nodes = new Set(family.map((t) => t.node));
  const out: ContextFile[] = [];
  const seen = new Set<string>();
  for (const m of view.analysis.mentions(spec)) {
    if (!nodes.has(m.task) || seen.has(m.path)) continue;
    seen.add(m.path);
    const found = view.analysis.resolveMention(spec, m.path);
    out.push({ mentioned: m.path, ...(found ? { path: view.show(found) } : {}) });
  }
  return out;
}

/** The design sections that cite any of `ids` (the deepest heading above each citation). */
function designSections(view: AgentView, spec: SpecModel, ids: ReadonlySet<string>): ContextSection[] {
  const design = spec.files.design;
  if (!design) return [];
  const text = view.textOf(design.path);
  const chosen = new Map<Heading, true>();
  for (const ref of spec.refs) {
    if (ref.path !== design.path || !ref.resolved.some((id) => ids.has(id))) continue;
    const heading = innermostHeading(design.headings, ref.occurrence.range.start.line);
    if (heading) chosen.set(heading, true);
  }
  return [...chosen.keys()]
    .sort((a, b) => a.range.start.line - b.range.start.line)
    .map((h) => {
      const full = sliceLines(text, h.sectionRange);
      return { heading: h.text, ...placeOf(view, design.path, h.range), text: full.slice(0, MAX_SECTION), truncated: full.length > MAX_SECTION };
    });
}

function innermostHeading(headings: readonly Heading[], line: number): Heading | undefined {
  let best: Heading | undefined;
  for (const h of headings) {
    if (h.sectionRange.start.line <= line && line <= h.sectionRange.end.line && (!best || h.depth > best.depth)) best = h;
  }
  return best;
}

/**
 * Kiro steering files of the spec's project that apply: `inclusion: always` (the default without
 * front matter) and `fileMatch` whose pattern matches a file the task names.
 */
function steeringFor(view: AgentView, spec: SpecModel, files: readonly ContextFile[]): SteeringFile[] {
  const kiro = spec.dir.lastIndexOf('/.kiro/');
  if (kiro < 0) return [];
  const base = spec.dir.slice(0, kiro);
  const steering = view.analysis.specs.specs.find((s) => s.format === 'kiro' && s.dir === `${base}/.kiro/steering`);
  if (!steering) return [];
  const named = files.map((f) => f.mentioned);
  const out: SteeringFile[] = [];
  for (const f of steering.fileList) {
    if (f.kind !== 'steering') continue;
    const fields = f.extras?.type === 'steering' ? f.extras.fields : [];
    const inclusionValue = fields.find((x) => x.key === 'inclusion')?.value;
    const inclusion = typeof inclusionValue === 'string' ? inclusionValue : 'always';
    let applies = inclusion === 'always';
    if (inclusion === 'fileMatch') {
      applies = kiroPatterns(f.extras).some(({ list }) => {
        const { match, problems } = compileGlobs(list, { basename: list.every((p) => !p.includes('/')) });
        return !problems.length && named.some((n) => match(n));
      });
    }
    if (!applies) continue;
    const text = view.textOf(f.path) ?? '';
    out.push({
      ...placeOf(view, f.path, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
      inclusion,
      text: text.slice(0, MAX_SECTION),
      truncated: text.length > MAX_SECTION,
    });
  }
  return out;
}

export function sliceLines(text: string | undefined, range: Range): string {
  if (text === undefined) return '';
  const lines = text.split(/\r\n|\r|\n/);
  return lines
    .slice(range.start.line, range.end.line + 1)
    .join('\n')
    .trimEnd();
}
