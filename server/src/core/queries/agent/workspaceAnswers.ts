// @spec specthread-core#18.1, specthread-core#18.2
import type { CoverageState, CoverageSummary } from '../../../../../shared/coverage';
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { summarise } from '../../coverage/coverage';
import { Finding, findingFields } from '../../findings';
import { inventory } from '../../inventory';
import { AgentView } from './agentView';
import { specNamed } from './specRef';

/** `list_specs`: each spec with its format, kind, files and counts (the inventory's numbers). */
export function listSpecs(view: AgentView, token: CancellationToken) {
  const specs = view.analysis.specs.specs;
  return inventory(specs, token).map((entry, i) => ({
    spec: entry.spec,
    format: entry.format,
    kind: entry.kind,
    archived: entry.archived,
    dir: view.show(entry.dir),
    files: specs[i]!.fileList.map((f) => view.show(f.path)),
    requirements: entry.requirements,
    criteria: entry.criteria,
    stories: entry.stories,
    tasks: entry.tasks,
  }));
}

export interface FindingItem {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Finding['severity'];
  readonly code: string;
  readonly message: string;
}

/** `validate`: the findings under the asked paths (every finding without), positions counted from 1. */
export function findingItems(view: AgentView, findings: readonly Finding[], under: (path: string) => boolean): FindingItem[] {
  return findings.filter((f) => under(f.path)).map((f) => ({ path: view.show(f.path), ...findingFields(f) }));
}

export interface CoverageGap {
  readonly ref: string;
  readonly text: string;
  readonly state: CoverageState;
  /** What the project requires of the criterion that it has not reached. */
  readonly missing: readonly ('implemented' | 'verified')[];
}

export interface CoverageAnswer {
  readonly summary: CoverageSummary;
  /** How many gaps there are; `gaps` holds the first `limit` of them. */
  readonly totalGaps: number;
  readonly specs: readonly { readonly spec: string; readonly traced: boolean; readonly summary: CoverageSummary }[];
  readonly gaps: readonly CoverageGap[];
}

/**
 * `coverage` and `specthread://coverage`: the summary per spec and the criteria still missing what
 * is required, the first `limit` of them (an agent's context is small; `totalGaps` says how many).
 */
export function coverageAnswer(view: AgentView, specName: string | undefined, token: CancellationToken, limit = Infinity): CoverageAnswer {
  throwIfCancelled(token);
  const only = specName === undefined ? undefined : specNamed(view.analysis.specs, specName).id;
  const report = view.analysis.coverage(token);
  const specs = report.specs.filter((s) => only === undefined || s.spec === only);
  const gaps: CoverageGap[] = [];
  for (const s of specs) {
    for (const r of s.requirements) {
      for (const c of r.criteria) {
        if (c.complete) continue;
        const missing: ('implemented' | 'verified')[] = [];
        if (c.requireImplemented && !c.implemented) missing.push('implemented');
        if (c.requireVerified && !c.verified) missing.push('verified');
        gaps.push({ ref: c.ref, text: c.text, state: c.state, missing });
      }
    }
  }
  return {
    summary: only === undefined ? report.summary : (specs[0]?.summary ?? summarise([])),
    totalGaps: gaps.length,
    specs: specs.map((s) => ({ spec: s.spec, traced: s.traced, summary: s.summary })),
    gaps: gaps.slice(0, limit),
  };
}
