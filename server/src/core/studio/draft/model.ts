// @spec specthread-core#19.2
/** A draft in no format yet: what every writer (Kiro, spec-kit, OpenSpec) renders. */

export interface DraftCriterion {
  /** One EARS sentence, with every name it is about in backticks. */
  readonly text: string;
  /** Ids of the tests it came from or that exercise it: `tests/test_signer.py::test_sign`. */
  readonly verifiedBy: readonly string[];
  /** Relative paths of the code and test files it came from, for `--tag`. */
  readonly sources: readonly string[];
}

export interface DraftRequirement {
  /** Short title a reviewer scans: `HTTP routes in app/api/routes/users.py`. */
  readonly title: string;
  /** Kebab-case name for formats that name requirements by folder (OpenSpec capabilities). */
  readonly slug: string;
  readonly story?: { readonly role: string; readonly want: string; readonly benefit: string };
  readonly criteria: readonly DraftCriterion[];
}

export interface DraftModule {
  readonly module: string;
  readonly path: string;
  readonly language: string;
  readonly publicNames: number;
  /** Other modules of the drafted code it imports. */
  readonly dependsOn: readonly string[];
}

export interface Draft {
  readonly name: string;
  readonly title: string;
  readonly requirements: readonly DraftRequirement[];
  readonly modules: readonly DraftModule[];
  readonly counts: { readonly files: number; readonly publicNames: number; readonly routes: number; readonly commands: number; readonly tests: number };
}

/** The file a writer produces: a path relative to the output folder, and its text. */
export interface DraftFile {
  readonly path: string;
  readonly text: string;
}
