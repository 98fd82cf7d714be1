// @spec specthread-core#11.2, specthread-core#11.3
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { Location } from '../../queries/locate';
import { Position } from '../../text/range';
import { TraceAnalysis } from '../traceAnalysis';
import { linkAt, targetOf } from './tagAt';

/** Go to definition from a tag in code to the criterion or requirement in the spec. */
export function traceDefinition(analysis: TraceAnalysis, path: string, pos: Position, token: CancellationToken): Location[] {
  throwIfCancelled(token);
  const link = linkAt(analysis, path, pos);
  const resolved = link && targetOf(link);
  return resolved ? [{ path: resolved.target.located.path, range: resolved.target.located.node.range }] : [];
}

/**
 * Code and test locations that name `id` in `spec`: for a requirement, also those naming its
 * criteria; for a criterion, only its own (a requirement-level tag is not a reference to 1.2).
 */
export function traceReferences(analysis: TraceAnalysis, spec: SpecModel, id: string, token: CancellationToken): Location[] {
  throwIfCancelled(token);
  const links = spec.criteria.has(id) ? analysis.index.linksTo(spec, id) : analysis.index.linksForRequirement(spec, id);
  return links.map((l) => ({ path: l.path, range: l.tag.range }));
}

/** The spec and id under the cursor in a code file, for find references started from a tag. */
export function refAtTag(analysis: TraceAnalysis, path: string, pos: Position): { spec: SpecModel; id: string } | undefined {
  const link = linkAt(analysis, path, pos);
  const resolved = link && targetOf(link);
  return resolved ? { spec: resolved.spec, id: resolved.target.located.node.id } : undefined;
}
