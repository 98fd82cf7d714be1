// @spec specthread-core#9.2, specthread-core#20.4
import { TraceSettings } from '../../../../shared/traceSettings';

/**
 * Which states a criterion must reach, from the `requireImplemented` / `requireVerified`
 * settings: `*` (every criterion), a spec name, a requirement ref or a criterion ref.
 */
export interface Requirements {
  implemented(spec: string, requirementId: string, criterionId: string): boolean;
  verified(spec: string, requirementId: string, criterionId: string): boolean;
}

type RefMatcher = (spec: string, requirementId: string, criterionId: string) => boolean;

function refMatcher(patterns: readonly string[]): RefMatcher {
  return (spec, req, crit) => patterns.some((p) => p === '*' || p === spec || p === `${spec}#${req}` || p === `${spec}#${crit}`);
}

export function requiredStates(settings: TraceSettings): Requirements {
  return { implemented: refMatcher(settings.requireImplemented), verified: refMatcher(settings.requireVerified) };
}

/**
 * Whether a requirement has opted in to coverage findings per criterion (`codeTrace.perCriterion`:
 * `*`, a spec name or a requirement ref). The others are adopting the thread gradually and get one
 * finding per requirement, so a spec's first tag does not cover it in warnings.
 */
export function reportsPerCriterion(settings: TraceSettings): (spec: string, requirementId: string) => boolean {
  const match = refMatcher(settings.perCriterion);
  return (spec, req) => match(spec, req, req);
}
