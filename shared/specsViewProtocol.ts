// @spec specthread-core#20.2
import type { CoverageState, CoverageSummary } from './coverage';

/**
 * What the Specs view and the Coverage view show: every spec with its requirements, criteria and
 * tasks, their coverage and where they are, and the places that cover each requirement. Computed
 * by the core (queries/specsOverview.ts) and served by the `specthread/specsOverview` request, so
 * the client draws it and analyses nothing.
 */
export const SpecsOverviewRequest = 'specthread/specsOverview';

/**
 * Sent by the server after every step that may have changed the analysis (an edit, a file on disk,
 * settings, indexing). No payload: a view that is visible asks for the overview again.
 */
export const AnalysisChangedNotification = 'specthread/analysisChanged';

/** Absolute path and line counted from 0, as the client opens it. */
export interface OverviewPlace {
  readonly path: string;
  readonly line: number;
}

/** Errors and warnings reported inside a node (criteria count in their requirement too). */
export interface OverviewProblems {
  readonly errors: number;
  readonly warnings: number;
}

export interface OverviewCriterion {
  readonly ref: string;
  readonly id: string;
  readonly text: string;
  readonly state: CoverageState;
  readonly complete: boolean;
  readonly tasks: number;
  readonly code: number;
  readonly tests: number;
  readonly passing?: boolean;
  readonly place: OverviewPlace;
  readonly problems: OverviewProblems;
}

/** A place covering a requirement, with the ref it names (a tag's ref, a task's id). */
export interface OverviewLink extends OverviewPlace {
  readonly label: string;
}

export interface OverviewRequirement {
  readonly ref: string;
  readonly id: string;
  readonly title: string;
  readonly place: OverviewPlace;
  readonly summary: CoverageSummary;
  readonly problems: OverviewProblems;
  readonly criteria: readonly OverviewCriterion[];
  /** What the matrix's cells open: the tasks citing it, the code and the tests tagging it. */
  readonly taskLinks: readonly OverviewLink[];
  readonly codeLinks: readonly OverviewLink[];
  readonly testLinks: readonly OverviewLink[];
}

export interface OverviewTask {
  readonly id?: string;
  readonly title: string;
  readonly status: 'open' | 'done' | 'in-progress' | 'queued';
  readonly optional: boolean;
  readonly depth: number;
  readonly place: OverviewPlace;
  readonly problems: OverviewProblems;
}

export interface OverviewSpec {
  readonly spec: string;
  readonly format: string;
  readonly dir: string;
  readonly traced: boolean;
  readonly summary: CoverageSummary;
  readonly problems: OverviewProblems;
  readonly requirements: readonly OverviewRequirement[];
  readonly tasks: readonly OverviewTask[];
}

export interface SpecsOverview {
  readonly version: 1;
  readonly summary: CoverageSummary;
  /** True when test results were read, so the matrix shows the passing column. */
  readonly testResults: boolean;
  readonly specs: readonly OverviewSpec[];
}

/** Commands of the two views, category `SpecThread`. */
export const ViewCommands = {
  showCoverage: 'specthread.showCoverage',
  refreshSpecs: 'specthread.specs.refresh',
  problemsOnly: 'specthread.specs.problemsOnly',
  allItems: 'specthread.specs.allItems',
  reveal: 'specthread.specs.reveal',
  copyRef: 'specthread.specs.copyRef',
  copyTag: 'specthread.specs.copyTag',
} as const;

/** The Specs view's id in `contributes.views`. */
export const SPECS_VIEW_ID = 'specthread.specs';
