// @spec specthread-core#3.2, specthread-core#3.3
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { SpecModel } from '../index/specModel';
import { Position } from '../text/range';
import { Location, SpecLookup, definitionOf, idOfTarget, specOfRef, targetAt } from './locate';

/** Go to definition: from a ref to the criterion or requirement it names. */
export function definition(spec: SpecModel, path: string, pos: Position, token: CancellationToken, lookup?: SpecLookup): Location[] {
  throwIfCancelled(token);
  const target = targetAt(spec, path, pos);
  if (target?.kind !== 'ref') return [];
  const owner = specOfRef(spec, target.ref, lookup);
  const def = owner && definitionOf(owner, target.id);
  return def ? [def] : [];
}

/**
 * Find references: every citation of the criterion or requirement under the cursor (the
 * cursor may be on a ref or on the definition). A requirement's references include the
 * citations of its criteria. `All` is not listed: it cites everything and would drown the list.
 */
export function references(spec: SpecModel, path: string, pos: Position, includeDeclaration: boolean, token: CancellationToken): Location[] {
  throwIfCancelled(token);
  const target = targetAt(spec, path, pos);
  if (!target) return [];
  const id = idOfTarget(target);
  if (!id) return [];
  const ids = [id, ...(spec.requirements.get(id)?.node.criteria.map((c) => c.id) ?? [])];
  const out: Location[] = [];
  if (includeDeclaration) {
    const def = definitionOf(spec, id);
    if (def) out.push(def);
  }
  const seen = new Set<string>();
  for (const each of ids) {
    for (const ref of spec.citedBy.get(each) ?? []) {
      const key = `${ref.path}:${ref.occurrence.range.start.line}:${ref.occurrence.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ path: ref.path, range: ref.occurrence.range });
    }
  }
  return out;
}
