// @spec specthread-core#21.1
import { SpecModel } from '../index/specModel';
import { CodeFileFacts, TraceRole, TraceTag } from './model';
import { Resolution, SpecDirectory } from './resolveRef';

/** One tag or test-title ref, resolved against the specs. */
export interface TraceLink {
  readonly path: string;
  readonly role: TraceRole;
  readonly tag: TraceTag;
  readonly resolution: Resolution;
}

/** What a delta moved: the code files whose links changed, and the spec folders links point into (before or after). */
export interface TraceDelta {
  readonly paths: Set<string>;
  readonly specDirs: Set<string>;
}

/**
 * The cross-file half of the thread into code: every tag resolved, and indexed by the spec node
 * it names. Built once from per-file facts and spec models, then updated by delta: a changed
 * code file replaces its own links (`setFile`), and a changed spec re-resolves only the links
 * whose spec name now means another model (`setSpecs`), so an edit costs time in the links it
 * touches, not in the size of the workspace.
 */
export class TraceIndex {
  private readonly byTarget = new Map<string, TraceLink[]>();
  private readonly byPath = new Map<string, TraceLink[]>();
  /** Code files by the spec names their tags write, so a spec's change finds the links that name it. */
  private readonly byName = new Map<string, Set<string>>();
  /** The names of byName that no spec answers to, kept so a spec change finds them without walking every name. */
  private readonly unknownNames = new Set<string>();
  /** Resolved links per spec folder: a spec is traced while this is above zero. */
  private readonly tracedCount = new Map<string, number>();
  private readonly facts = new Map<string, CodeFileFacts>();
  private flat?: readonly TraceLink[];

  constructor(
    private readonly directory: SpecDirectory,
    files: Iterable<CodeFileFacts>,
  ) {
    for (const file of files) this.link(file);
  }

  get specs(): SpecDirectory {
    return this.directory;
  }

  /** Every link, file by file. */
  get links(): readonly TraceLink[] {
    this.flat ??= [...this.byPath.values()].flat();
    return this.flat;
  }

  /** Replaces one code file's links (`undefined`: the file has no tags any more). */
  setFile(path: string, facts: CodeFileFacts | undefined): TraceDelta {
    const delta: TraceDelta = { paths: new Set([path]), specDirs: new Set() };
    this.unlink(path, delta.specDirs);
    if (facts) this.link(facts, delta.specDirs);
    return delta;
  }

  /**
   * The specs changed (`specs` is every spec now; only specs answering to `names`, before or
   * after, changed): links whose spec name now resolves to another model (the spec was edited,
   * added, removed or renamed) are resolved again; every other link stays as it is. Returns what
   * moved and the names that now mean another spec, with the spec each meant before.
   */
  setSpecs(specs: readonly SpecModel[], names: Iterable<string>): { delta: TraceDelta; renamed: Map<string, SpecModel | undefined> } {
    const renamed = this.directory.update(specs, names);
    const delta: TraceDelta = { paths: new Set(), specDirs: new Set() };
    for (const [name, was] of renamed) {
      const now = this.directory.spec(name);
      if (this.byName.has(name)) {
        if (now) this.unknownNames.delete(name);
        else this.unknownNames.add(name);
      }
      if (was) delta.specDirs.add(was.dir);
      if (now) delta.specDirs.add(now.dir);
      for (const path of this.byName.get(name) ?? []) delta.paths.add(path);
    }
    for (const path of delta.paths) {
      const facts = this.facts.get(path);
      this.unlink(path, delta.specDirs);
      if (facts) this.link(facts, delta.specDirs);
    }
    return { delta, renamed };
  }

  private link(file: CodeFileFacts, touched?: Set<string>): void {
    this.flat = undefined;
    this.facts.set(file.path, file);
    const links: TraceLink[] = [];
    for (const tag of file.tags) {
      push(this.byName, tag.spec, file.path);
      if (!this.directory.spec(tag.spec)) this.unknownNames.add(tag.spec);
      const resolution = this.directory.resolve(tag.spec, tag.id);
      // `issue#12` in a test title is not a ref: titles only count when they name a real spec.
      if (tag.kind === 'title' && resolution.status === 'unknown-spec') continue;
      const link: TraceLink = { path: file.path, role: file.role, tag, resolution };
      links.push(link);
      if (resolution.status === 'ok') {
        const k = key(resolution.spec, resolution.target.located.node.id);
        // Short lists are replaced by exact-size copies: a push reserves room for 17 links, and
        // most targets have one or two (a source tag and a test).
        const list = this.byTarget.get(k);
        if (!list) this.byTarget.set(k, [link]);
        else if (list.length < 8) this.byTarget.set(k, list.concat(link));
        else list.push(link);
        this.tracedCount.set(resolution.spec.dir, (this.tracedCount.get(resolution.spec.dir) ?? 0) + 1);
        touched?.add(resolution.spec.dir);
      }
    }
    // An exact-size copy: most code files hold one tag, and the array they were pushed into has room for 17.
    if (links.length) this.byPath.set(file.path, links.slice());
  }

  private unlink(path: string, touched: Set<string>): void {
    this.flat = undefined;
    const facts = this.facts.get(path);
    this.facts.delete(path);
    for (const tag of facts?.tags ?? []) {
      const paths = this.byName.get(tag.spec);
      paths?.delete(path);
      if (paths?.size === 0) {
        this.byName.delete(tag.spec);
        this.unknownNames.delete(tag.spec);
      }
    }
    for (const link of this.byPath.get(path) ?? []) {
      if (link.resolution.status !== 'ok') continue;
      const dir = link.resolution.spec.dir;
      touched.add(dir);
      const k = key(link.resolution.spec, link.resolution.target.located.node.id);
      const kept = (this.byTarget.get(k) ?? []).filter((l) => l.path !== path);
      if (kept.length) this.byTarget.set(k, kept);
      else this.byTarget.delete(k);
      const n = (this.tracedCount.get(dir) ?? 0) - 1;
      if (n > 0) this.tracedCount.set(dir, n);
      else this.tracedCount.delete(dir);
    }
    this.byPath.delete(path);
  }

  /** Links that name `id` in `spec` exactly. */
  linksTo(spec: SpecModel, id: string): readonly TraceLink[] {
    return this.byTarget.get(key(spec, id)) ?? [];
  }

  /** Links that count for a criterion: tags on it, and tags on its whole requirement. */
  linksForCriterion(spec: SpecModel, criterionId: string): TraceLink[] {
    const c = spec.criteria.get(criterionId);
    const own = this.linksTo(spec, criterionId);
    return c && c.node.requirementId !== criterionId ? [...own, ...this.linksTo(spec, c.node.requirementId)] : [...own];
  }

  /** Links into a requirement: on it, or on any of its criteria. */
  linksForRequirement(spec: SpecModel, requirementId: string): TraceLink[] {
    const r = spec.requirements.get(requirementId);
    return [...this.linksTo(spec, requirementId), ...(r?.node.criteria ?? []).flatMap((c) => this.linksTo(spec, c.id))];
  }

  linksIn(path: string): readonly TraceLink[] {
    return this.byPath.get(path) ?? [];
  }

  /** Code files with a tag naming a spec no spec answers to, among the names `near` accepts. */
  unknownSpecPaths(near: (name: string) => boolean): Set<string> {
    const out = new Set<string>();
    for (const name of this.unknownNames) if (near(name)) for (const p of this.byName.get(name) ?? []) out.add(p);
    return out;
  }

  /** Code files that carry at least one link. */
  paths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  /**
   * Does any code or test point into this spec? A team that never tags a spec's code is not
   * told that each of its criteria is unimplemented.
   */
  isTraced(spec: SpecModel): boolean {
    return (this.tracedCount.get(spec.dir) ?? 0) > 0;
  }
}

function key(spec: SpecModel, id: string): string {
  return `${spec.dir}#${id}`;
}

function push(map: Map<string, Set<string>>, k: string, v: string): void {
  const set = map.get(k);
  if (set) set.add(v);
  else map.set(k, new Set([v]));
}
