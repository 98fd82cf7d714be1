// @spec specthread-core#10.1
import { compareIds, editDistance, suggestIds } from '../checks/suggest';
import { Located, SpecModel } from '../index/specModel';
import { CriterionNode, RequirementNode } from '../model';

/**
 * Resolves `<spec>#<local-id>` refs written in code and tests. The spec part is looked up by the
 * names a spec answers to (its folder name and the aliases its format plugin gives it, such as
 * spec-kit's `user-auth` for `001-user-auth`), the id part by asking that spec's model, so new
 * formats plug in without touching the callers.
 */

export type RefNode =
  { readonly kind: 'requirement'; readonly located: Located<RequirementNode> } | { readonly kind: 'criterion'; readonly located: Located<CriterionNode> };

export type Resolution =
  | { readonly status: 'ok'; readonly spec: SpecModel; readonly target: RefNode }
  | { readonly status: 'unknown-spec' }
  | { readonly status: 'unknown-id'; readonly spec: SpecModel };

/**
 * The names a ref may use for a spec: its folder name, and the aliases its format gives it
 * (spec-kit: the name without its number prefix, `user-auth` for `001-user-auth`), honoured
 * only when unambiguous.
 */
export function specNames(spec: SpecModel): string[] {
  return [spec.id, ...(spec.aliases ?? [])];
}

/** The requirement or criterion `id` names in `spec`. */
export function findNode(spec: SpecModel, id: string): RefNode | undefined {
  const c = spec.criteria.get(id);
  if (c) return { kind: 'criterion', located: c };
  const r = spec.requirements.get(id);
  if (r) return { kind: 'requirement', located: r };
  return undefined;
}

/** Every id a ref into `spec` may name, in document order: each requirement, then its criteria. */
export function refIds(spec: SpecModel): string[] {
  const out: string[] = [];
  for (const r of [...spec.requirements.values()].sort((a, b) => compareIds(a.node.id, b.node.id))) {
    out.push(r.node.id, ...r.node.criteria.map((c) => c.id));
  }
  return out;
}

/** The text a pin hashes: a criterion's text, or a requirement's title and criteria. */
export function pinnedTextOf(target: RefNode): string {
  if (target.kind === 'criterion') return target.located.node.text;
  const r = target.located.node;
  return [r.title, ...r.criteria.map((c) => c.text)].join('\n');
}

/** All specs by every name they answer to. The first spec wins a name two specs share. */
export class SpecDirectory {
  private readonly byName = new Map<string, SpecModel>();
  private list: readonly SpecModel[];

  constructor(specs: readonly SpecModel[]) {
    this.list = specs;
    // A folder name always wins; an alias counts only when a single spec claims it.
    for (const spec of specs) this.byName.set(spec.id, spec);
    const aliasOwners = new Map<string, SpecModel[]>();
    for (const spec of specs) for (const name of specNames(spec).slice(1)) aliasOwners.set(name, [...(aliasOwners.get(name) ?? []), spec]);
    for (const [name, owners] of aliasOwners) if (owners.length === 1 && !this.byName.has(name)) this.byName.set(name, owners[0]!);
  }

  get specs(): readonly SpecModel[] {
    return this.list;
  }

  /**
   * Brings the directory to `specs` (every spec now) when only specs answering to `names`
   * (before or after the change) changed: only those names are looked up again, so an edit
   * does not rebuild the names of every spec, and the result equals `new SpecDirectory(specs)`.
   * Returns the names that now mean another spec (or none), with the spec each meant before.
   */
  update(specs: readonly SpecModel[], names: Iterable<string>): Map<string, SpecModel | undefined> {
    this.list = specs;
    const moved = new Map<string, SpecModel | undefined>();
    for (const name of names) {
      const was = this.byName.get(name);
      const now = ownerOf(specs, name);
      if (was === now) continue;
      moved.set(name, was);
      if (now) this.byName.set(name, now);
      else this.byName.delete(name);
    }
    return moved;
  }

  spec(name: string): SpecModel | undefined {
    return this.byName.get(name);
  }

  /** How many names resolve to a spec. */
  get nameCount(): number {
    return this.byName.size;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  resolve(specName: string, id: string): Resolution {
    const spec = this.byName.get(specName);
    if (!spec) return { status: 'unknown-spec' };
    const target = findNode(spec, id);
    return target ? { status: 'ok', spec, target } : { status: 'unknown-id', spec };
  }

  /** "Did you mean" for a ref that resolves to nothing: full refs, nearest first. */
  suggest(specName: string, id: string, max = 2): string[] {
    const spec = this.byName.get(specName);
    if (spec) return suggestIds(id, refIds(spec), max).map((s) => `${specName}#${s}`);
    const names = this.names()
      .map((name) => ({ name, d: editDistance(specName, name) }))
      .filter((x) => x.d <= Math.max(2, Math.ceil(specName.length / 3)))
      .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1));
    const out: string[] = [];
    for (const { name } of names) {
      const candidate = this.byName.get(name)!;
      if (findNode(candidate, id)) out.push(`${name}#${id}`);
      else out.push(...suggestIds(id, refIds(candidate), 1).map((s) => `${name}#${s}`));
      if (out.length >= max) break;
    }
    return out.slice(0, max);
  }
}

/** The spec `name` resolves to among `specs`, by the rule of the SpecDirectory constructor. */
function ownerOf(specs: readonly SpecModel[], name: string): SpecModel | undefined {
  let byId: SpecModel | undefined;
  let byAlias: SpecModel | undefined;
  let aliasClaims = 0;
  for (const spec of specs) {
    if (spec.id === name) byId = spec;
    for (const alias of spec.aliases ?? []) {
      if (alias !== name) continue;
      aliasClaims++;
      byAlias = spec;
    }
  }
  return byId ?? (aliasClaims === 1 ? byAlias : undefined);
}
