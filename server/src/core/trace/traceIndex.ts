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

/**
 * The cross-file half of the thread into code: every tag resolved, and indexed by the spec node
 * it names. Derived from per-file facts and spec models; rebuilt when either changes, which costs
 * time in the number of tags, not of files.
 */
export class TraceIndex {
  readonly links: readonly TraceLink[];
  private readonly byTarget = new Map<string, TraceLink[]>();
  private readonly byPath = new Map<string, TraceLink[]>();
  private readonly tracedSpecs = new Set<string>();

  constructor(
    readonly specs: SpecDirectory,
    files: Iterable<CodeFileFacts>,
  ) {
    const links: TraceLink[] = [];
    for (const file of files) {
      for (const tag of file.tags) {
        const resolution = specs.resolve(tag.spec, tag.id);
        // `issue#12` in a test title is not a ref: titles only count when they name a real spec.
        if (tag.kind === 'title' && resolution.status === 'unknown-spec') continue;
        const link: TraceLink = { path: file.path, role: file.role, tag, resolution };
        links.push(link);
        push(this.byPath, file.path, link);
        if (resolution.status === 'ok') {
          push(this.byTarget, key(resolution.spec, resolution.target.located.node.id), link);
          this.tracedSpecs.add(resolution.spec.dir);
        }
      }
    }
    this.links = links;
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

  /**
   * Does any code or test point into this spec? A team that never tags a spec's code is not
   * told that each of its criteria is unimplemented.
   */
  isTraced(spec: SpecModel): boolean {
    return this.tracedSpecs.has(spec.dir);
  }
}

function key(spec: SpecModel, id: string): string {
  return `${spec.dir}#${id}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
