import { CancellationToken, throwIfCancelled } from '../cancellation';
import { FirstById, GroupedBy, RefsById, SingleIds } from './compactMaps';
import { paddingLookup } from './paddedIds';
import { CriterionNode, RefOccurrence, RequirementNode, SpecFileFacts, SpecFileKind, SpecFormat, TaskNode } from '../model';

/**
 * One spec folder after its files are put together: ids resolved, citations linked both ways,
 * task hierarchy known. Rebuilt only when one of the spec's own files changes.
 */

export interface Located<T> {
  readonly node: T;
  readonly path: string;
}

export interface ResolvedRef {
  readonly occurrence: RefOccurrence;
  readonly path: string;
  /** Requirement or criterion ids the token names that exist. */
  readonly resolved: readonly string[];
  /** Ids the token names that do not exist (a range contributes its missing ends). */
  readonly unresolved: readonly string[];
  /** A cross-spec ref (`001-user-auth#FR-003`): resolved by the workspace pass, not here. */
  readonly external?: boolean;
}

export interface SpecModel {
  readonly id: string;
  readonly dir: string;
  readonly format: SpecFormat;
  /** Other names cross-spec refs may use for the spec, given by its format (spec-kit: `user-auth` for `001-user-auth`). */
  readonly aliases?: readonly string[];
  /** The first file of each kind; `fileList` has all of them (checklists, delta specs). */
  readonly files: Partial<Record<SpecFileKind, SpecFileFacts>>;
  readonly fileList: readonly SpecFileFacts[];
  /** OpenSpec archived changes are modelled (for the inventory) and never checked. */
  readonly archived?: boolean;
  /** All requirements in file order, duplicates included (checks report them). */
  readonly requirementList: readonly Located<RequirementNode>[];
  readonly criterionList: readonly Located<CriterionNode>[];
  readonly taskList: readonly Located<TaskNode>[];
  /** First definition of each id. */
  readonly requirements: ReadonlyMap<string, Located<RequirementNode>>;
  readonly criteria: ReadonlyMap<string, Located<CriterionNode>>;
  readonly tasks: ReadonlyMap<string, Located<TaskNode>>;
  readonly refs: readonly ResolvedRef[];
  /** Requirement or criterion id → the refs that name it explicitly (`All` is not included). */
  readonly citedBy: ReadonlyMap<string, readonly ResolvedRef[]>;
  /** True when some task cites `All`, which covers every requirement. */
  readonly citesAll: boolean;
  /** Task id → its direct sub-tasks. */
  readonly subtasks: ReadonlyMap<string, readonly Located<TaskNode>[]>;
}

/** What a spec's format says about linking it (see formats/specFormatPlugin.ts). */
export interface SpecShape {
  readonly aliases?: readonly string[];
  /** The file kinds whose refs cite the spec's ids, in link order; tasks and design when absent. */
  readonly citingKinds?: readonly SpecFileKind[];
}

export function buildSpecModel(
  id: string,
  dir: string,
  format: SpecFormat,
  files: readonly SpecFileFacts[],
  archived = false,
  shape: SpecShape = {},
  token?: CancellationToken,
  /** Shared one-element id lists; the spec index passes one table for all its models. */
  singles: SingleIds = new SingleIds(),
): SpecModel {
  if (token) throwIfCancelled(token);
  const byKind: Partial<Record<SpecFileKind, SpecFileFacts>> = {};
  for (const f of files) byKind[f.kind] ??= f;
  // A folder with both requirements.md and bugfix.md is unusual; both define ids.
  // spec-kit and OpenSpec define theirs in spec.md.
  const requirementFiles = [byKind.requirements, byKind.bugfix, byKind.spec].filter((f): f is SpecFileFacts => !!f);

  const requirementsGrown: Located<RequirementNode>[] = [];
  const criteriaGrown: Located<CriterionNode>[] = [];
  for (const f of requirementFiles) {
    for (const r of f.requirements) {
      requirementsGrown.push({ node: r, path: f.path });
      for (const c of r.criteria) criteriaGrown.push({ node: c, path: f.path });
    }
  }
  // Exact-size copies of lists that grew by pushes (a push reserves up to half again), as the model keeps them.
  const requirementList = requirementsGrown.slice();
  const criterionList = criteriaGrown.slice();
  // The lookups by id are the lists themselves, scanned (compactMaps.ts): a spec has few ids.
  const requirements = new FirstById(requirementList);
  const criteria = new FirstById(criterionList);

  const taskList: Located<TaskNode>[] = (byKind.tasks?.tasks ?? []).map((node) => ({ node, path: byKind.tasks!.path }));
  const tasks = new FirstById(taskList, false);

  // The ids straight from the lists: a repeated id changes nothing in paddingLookup, and the lookups' keys() would each build a Set.
  const padded = paddingLookup([
    ...requirementList.map((r) => r.node.id),
    ...criterionList.map((c) => c.node.id),
    ...taskList.map((t) => t.node.id).filter((id): id is string => !!id && isTaskId(id)),
  ]);
  // Only spec-kit task ids (`T012`, `T-79`, `TASK-001`) name tasks; a Kiro `5` is a requirement even when a task 5 exists.
  const exists = (id: string) => criteria.has(id) || requirements.has(id) || (isTaskId(id) && tasks.has(id));
  // The id as the spec defines it: as written, or the one definition it names with other zero padding (`FR-001` for `FR-1`).
  // Made once per model, not per ref: a tasks file cites hundreds of ids, and the bundle wraps every closure it makes.
  const lookup = (id: string) => (exists(id) ? id : padded(id));
  const refsGrown: ResolvedRef[] = [];
  let citesAll = false;
  // Kiro cites from tasks and design; a format may name more citing files (spec-kit: spec.md and checklists).
  const order: Partial<Record<SpecFileKind, number>> = {};
  (shape.citingKinds ?? ['tasks', 'design']).forEach((kind, i) => (order[kind] = i));
  const citing = files.filter((f) => order[f.kind] !== undefined).sort((a, b) => order[a.kind]! - order[b.kind]!);
  for (const f of citing) {
    for (const occurrence of f.refs) {
      if (occurrence.spec) {
        refsGrown.push({ occurrence, path: f.path, resolved: NO_IDS, unresolved: NO_IDS, external: true });
        continue;
      }
      const { resolved, unresolved } = resolveTarget(occurrence, criterionList, requirements, lookup, singles);
      const ref: ResolvedRef = { occurrence, path: f.path, resolved, unresolved };
      refsGrown.push(ref);
      if (occurrence.target.kind === 'all' && f.kind === 'tasks') citesAll = true;
    }
  }

  const refs = refsGrown.slice();
  return {
    id,
    dir,
    format,
    ...(shape.aliases?.length ? { aliases: shape.aliases } : {}),
    files: byKind,
    fileList: files,
    archived,
    requirementList,
    criterionList,
    taskList,
    requirements,
    criteria,
    tasks,
    refs,
    // Derived from the refs on each lookup (compactMaps.ts); a table only for a spec that cites a lot.
    citedBy: RefsById.of(refs),
    citesAll,
    subtasks: buildSubtasks(taskList),
  };
}

function resolveTarget(
  occurrence: RefOccurrence,
  criterionList: readonly Located<CriterionNode>[],
  requirements: ReadonlyMap<string, Located<RequirementNode>>,
  /** The id as the spec defines it, or undefined when it defines no such id. */
  lookup: (id: string) => string | undefined,
  singles: SingleIds,
): { resolved: readonly string[]; unresolved: readonly string[] } {
  const target = occurrence.target;
  if (target.kind === 'all') return { resolved: NO_IDS, unresolved: NO_IDS };
  if (target.kind === 'id') {
    const found = lookup(target.id);
    return found ? { resolved: singles.of(found), unresolved: NO_IDS } : { resolved: NO_IDS, unresolved: [target.id] };
  }
  const unresolved = [target.from, target.to].filter((id) => !lookup(id));
  const named = expandPrefixedRange(target.from, target.to) ?? expandRange(target.from, target.to, criterionList, requirements);
  const resolved = named.map(lookup).filter((id): id is string => !!id);
  const distinct = resolved.length > 1 ? [...new Set(resolved)] : resolved;
  return {
    resolved: distinct.length === 0 ? NO_IDS : distinct.length === 1 ? singles.of(distinct[0]!) : distinct,
    unresolved: unresolved.length ? unresolved : NO_IDS,
  };
}

/**
 * The empty id list every ref without resolved (or unresolved) ids shares: at the benchmark's L
 * size 58,000 refs each held an empty array of their own (32 bytes each). Frozen, so that no
 * reader can fill it for all.
 */
const NO_IDS: readonly string[] = Object.freeze([]);

function isTaskId(id: string): boolean {
  return /^T(?:ASK)?-?[A-Z]{0,3}\d/.test(id);
}

/**
 * spec-kit ranges: `FR-001–FR-005`, `T003-T010`, `SC-01..SC-03` name every id between, with the
 * padding of the first. Undefined for Kiro's dotted numbers.
 */
function expandPrefixedRange(from: string, to: string): string[] | undefined {
  const a = /^([A-Z]+-?[A-Z]*)(\d+)$/.exec(from);
  const b = /^([A-Z]+(?:-[A-Z]*)?)(\d+)$/.exec(to);
  if (!a || !b || a[1] !== b[1]) return /^[A-Z]/.test(from) ? [from, to] : undefined;
  const out: string[] = [];
  for (let n = Number(a[2]); n <= Number(b[2]) && out.length < 1000; n++) out.push(a[1] + String(n).padStart(a[2]!.length, '0'));
  return out;
}

/**
 * `2.3-2.5` means every criterion from 2.3 to 2.5; `2.3-3.1` runs across requirements in
 * document order. Requirement ranges (`2-4`) name whole requirements.
 */
function expandRange(
  from: string,
  to: string,
  criterionList: readonly Located<CriterionNode>[],
  requirements: ReadonlyMap<string, Located<RequirementNode>>,
): string[] {
  if (!from.includes('.') && !to.includes('.')) {
    const out: string[] = [];
    for (let n = Number(from); n <= Number(to) && out.length < 1000; n++) out.push(String(n));
    return out;
  }
  const key = (id: string) => id.split('.').map(Number);
  const [fa, fb] = key(from);
  const [ta, tb] = key(to);
  if (fa === ta && fb !== undefined && tb !== undefined) {
    const out: string[] = [];
    for (let n = fb; n <= tb && out.length < 1000; n++) out.push(`${fa}.${n}`);
    return out;
  }
  const ids = criterionList.map((c) => c.node.id);
  const i = ids.indexOf(from);
  const j = ids.indexOf(to);
  if (i >= 0 && j >= i) return ids.slice(i, j + 1);
  return [from, to].filter((id) => requirements.has(id) || ids.includes(id));
}

/**
 * Sub-tasks are found by id (`1.2` belongs to `1`) because Kiro writes them both indented and
 * flat; unnumbered checkbox items fall back to list nesting.
 */
function buildSubtasks(taskList: readonly Located<TaskNode>[]): ReadonlyMap<string, readonly Located<TaskNode>[]> {
  // Each id as its task holds it, so a child keeps its parent's own string, not a new slice of its id.
  const ids = new Map<string, string>();
  for (const t of taskList) if (t.node.id) ids.set(t.node.id, t.node.id);
  let lastNumbered: Located<TaskNode> | undefined;
  const parents = taskList.map((t) => {
    let parent: string | undefined;
    if (t.node.id) {
      const dot = t.node.id.lastIndexOf('.');
      if (dot > 0) parent = ids.get(t.node.id.slice(0, dot));
      lastNumbered = t;
    } else if (lastNumbered?.node.id && t.node.depth > lastNumbered.node.depth) {
      parent = lastNumbered.node.id;
    }
    return parent || undefined;
  });
  return GroupedBy.of(taskList, parents);
}

/**
 * The file that stands for the whole spec, where findings about the spec as a whole go (an
 * internal error of a spec-level rule): its requirements, then its tasks, then its first file.
 */
export function mainFileOf(spec: SpecModel): string {
  const { files } = spec;
  const main = files.requirements ?? files.bugfix ?? files.spec ?? files.proposal ?? files.tasks ?? spec.fileList[0];
  return main?.path ?? spec.dir;
}
