import { CancellationToken } from '../cancellation';
import { SpecModel } from '../index/specModel';
import { ReportedProblem, RuleMeta } from './rule';

/**
 * What a workspace rule sees: every spec model (already built and cached per spec) and the
 * workspace's file list. Cross-spec relations live here, in one pass after the per-spec checks,
 * so a spec's own findings stay cached while another spec changes.
 */
export interface WorkspaceView {
  readonly specs: readonly SpecModel[];
  /** Every file the workspace listed (relative globs are matched against these). */
  readonly files: readonly string[];
  /** The workspace folders. */
  readonly roots: readonly string[];
}

export interface WorkspaceRule {
  readonly meta: RuleMeta;
  check(workspace: WorkspaceView, report: (problem: ReportedProblem) => void, token: CancellationToken): void;
}
