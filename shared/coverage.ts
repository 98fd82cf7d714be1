// @spec specthread-core#9.3, specthread-core#19.4
/**
 * The coverage report: how far each criterion has come along
 * `specified → tasked → implemented → verified`, aggregated per requirement, spec and workspace.
 * Computed by the core; served by the `specthread/coverage` request and `specthread coverage`.
 */

/** Request: no params (or `{ spec }` to restrict to one spec name); result: CoverageReport. */
export const CoverageRequest = 'specthread/coverage';

export interface CoverageParams {
  readonly spec?: string;
}

/**
 * `pending` ("test pending"): a test names the criterion but is skipped or todo (a stub from
 * `specthread test-stubs`), and no other test verifies it. `passing` only with test results
 * (`--test-results`): a test naming the criterion passed.
 */
export type CoverageState = 'specified' | 'tasked' | 'implemented' | 'pending' | 'verified' | 'passing';

export interface CoverageSummary {
  /** Criteria counted (a requirement without criteria counts as one). */
  readonly criteria: number;
  readonly tasked: number;
  readonly implemented: number;
  readonly verified: number;
  /** Criteria not verified that a pending (skipped or todo) test names; absent when none. */
  readonly pending?: number;
  /** With test results only: criteria a passing test names. */
  readonly passing?: number;
  /** Criteria that reached every state the project requires of them. */
  readonly complete: number;
  /** complete / criteria, in percent with one decimal; 100 when there is nothing to cover. */
  readonly percent: number;
}

export interface CriterionCoverage {
  /** Full ref, e.g. `user-auth#1.2`. */
  readonly ref: string;
  readonly id: string;
  readonly text: string;
  /** The furthest state reached. */
  readonly state: CoverageState;
  readonly tasked: boolean;
  readonly implemented: boolean;
  readonly verified: boolean;
  /** With test results only: a passing test names this criterion (or its requirement). */
  readonly passing?: boolean;
  readonly requireImplemented: boolean;
  readonly requireVerified: boolean;
  readonly complete: boolean;
  /** How many tasks, code tags and test refs point at it (requirement-level ones included). */
  readonly tasks: number;
  readonly code: number;
  readonly tests: number;
  /** Pending (skipped or todo) tests naming it, not counted in `tests`; absent when none. */
  readonly pending?: number;
}

export interface RequirementCoverage {
  readonly ref: string;
  readonly id: string;
  readonly title: string;
  readonly summary: CoverageSummary;
  readonly criteria: readonly CriterionCoverage[];
}

export interface SpecCoverage {
  readonly spec: string;
  /** Absolute folder path (the CLI prints it relative to the working directory). */
  readonly dir: string;
  /** True when some code or test points into this spec. */
  readonly traced: boolean;
  readonly summary: CoverageSummary;
  readonly requirements: readonly RequirementCoverage[];
}

export interface CoverageReport {
  readonly version: 1;
  readonly summary: CoverageSummary;
  readonly specs: readonly SpecCoverage[];
}
