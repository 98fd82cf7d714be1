// @spec specthread-core#18.2
import { SpecModel } from '../../index/specModel';
import { SpecDirectory } from '../../trace/resolveRef';
import { QueryError } from './queryError';

/** A `<spec>#<id>` reference split in its parts, its spec found. */
export interface SpecRef {
  readonly spec: SpecModel;
  readonly id: string;
}

const REF = /^([A-Za-z0-9_][\w.-]*(?:\/[\w.-]+)*)#([A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)*)$/;

/** The spec a name (folder name or alias) names; a QueryError listing near names when none does. */
export function specNamed(specs: SpecDirectory, name: string): SpecModel {
  const spec = specs.spec(name);
  if (spec) return spec;
  const near = specs
    .names()
    .filter((n) => n.includes(name) || name.includes(n))
    .slice(0, 5);
  const known = near.length ? near : specs.names().slice(0, 10);
  throw new QueryError(`Unknown spec '${name}'.${known.length ? ` Known specs include: ${known.join(', ')}.` : ' The workspace has no specs.'}`);
}

/**
 * Parses `<spec>#<id>` (the syntax of `@spec` tags) and finds its spec. The id is not checked here:
 * some callers accept ids that do not exist yet.
 */
export function parseSpecRef(specs: SpecDirectory, ref: string): SpecRef {
  const m = REF.exec(ref.trim());
  if (!m) throw new QueryError(`Malformed reference '${ref}': expected <spec>#<id>, e.g. user-auth#1.2.`);
  return { spec: specNamed(specs, m[1]!), id: m[2]! };
}

/** Like parseSpecRef, and the id must name a requirement or criterion of the spec. */
export function existingRef(specs: SpecDirectory, ref: string): SpecRef {
  const parsed = parseSpecRef(specs, ref);
  if (parsed.spec.requirements.has(parsed.id) || parsed.spec.criteria.has(parsed.id)) return parsed;
  const near = specs.suggest(parsed.spec.id, parsed.id);
  throw new QueryError(`${parsed.spec.id} has no requirement or criterion '${parsed.id}'.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}`);
}
