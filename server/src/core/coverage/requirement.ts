// @spec specthread-core#9.2
import { TraceSettings } from '../../../../shared/traceSettings';

/**
 * Which states a criterion must reach, from the `requireImplemented` / `requireVerified`
 * settings: `*` (every criterion), a spec name, a requirement ref or a criterion ref.
 */
export interface Requirements {
  implemented(spec: string, requirementId: string, criterionId: string): boolean;
  verified(spec: string, requirementId: string, criterionId: string): boolean;
}

export function requiredStates(settings: TraceSettings): Requirements {
  const matcher = (patterns: readonly string[]) => (spec: string, req: string, crit: string) =>
    patterns.some((p) => p === '*' || p === spec || p === `${spec}#${req}` || p === `${spec}#${crit}`);
  return { implemented: matcher(settings.requireImplemented), verified: matcher(settings.requireVerified) };
}
