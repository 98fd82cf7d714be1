// @spec specthread-core#9.3
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

/** `passing` only with test results (`--test-results`): a test naming the criterion passed. */
export type CoverageState = 'specified' | 'tasked' | 'implemented' | 'verified' | 'passing';

export interface CoverageSummary {
  /** Criteria counted (a requirement without criteria counts as one). */
  readonly criteria: number;
  readonly tasked: number;
  readonly implemented: number;
  readonly verified: number;
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
