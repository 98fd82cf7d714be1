import type { AnalysisCache } from '../analysisCache';
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
  /**
   * Memo tables for one pass of the rules over this view, so that rules deriving the same index
   * from it (e.g. each open OpenSpec delta with its base spec) derive it once; absent, each derives its own.
   */
  readonly memo?: AnalysisCache;
}

/** What one spec's part of a workspace rule sees: the spec's peers by name, recorded so the engine knows what it read. */
export interface SpecPartView {
  /** The specs that answer to `name` (folder name or alias). */
  specsNamed(name: string): readonly SpecModel[];
  /** Every name some spec answers to. */
  names(): Iterable<string>;
}

/**
 * A rule over relations between specs. The engine re-runs it only when a spec it `concerns`
 * changed (every spec when it says nothing), or the file list changed for a rule that
 * `readsFiles`. A rule whose findings fall apart by spec gives `checkSpec` instead: that spec's
 * part re-runs when the spec, or a spec it looked up by name, changes.
 */
export interface WorkspaceRule {
  readonly meta: RuleMeta;
  check(workspace: WorkspaceView, report: (problem: ReportedProblem) => void, token: CancellationToken): void;
  /** Whether a change to `spec` (as it was, or as it is) can change this rule's findings. */
  concerns?(spec: SpecModel): boolean;
  /** The rule matches the workspace's file list. */
  readonly readsFiles?: boolean;
  /** One spec's part, reporting only in that spec's files. */
  checkSpec?(spec: SpecModel, view: SpecPartView, report: (problem: ReportedProblem) => void, token: CancellationToken): void;
}
