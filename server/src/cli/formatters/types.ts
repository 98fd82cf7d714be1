// @spec specthread-core#15.6, specthread-core#17.1
import type { CoverageReport } from '../../../../shared/coverage';
import { Finding, Severity } from '../../core/findings';
import { InventoryEntry } from '../../core/inventory';

export type { CoverageReport };

/** What every formatter may need besides its report: paths are printed relative to `cwd`. */
export interface FormatContext {
  readonly cwd: string;
  /** Base URL for links to files (`--source-url`); links are relative to the working directory without it. */
  readonly sourceUrl?: string;
  /** The folder the report is written to (absolute), for links relative to the report; the working directory when absent. */
  readonly outputDir?: string;
}

/** Turns one command's report into the text printed on stdout (without the final newline). */
export type Formatter<Report> = (report: Report, context: FormatContext) => string;

/** The counts of a `check` run; part of the JSON output, and the closing line on stderr. */
export interface CheckSummary {
  readonly specs: number;
  readonly files: number;
  readonly counts: Record<Severity, number>;
  /** How many steps failed inside SpecThread; present only when some did (exit code 2). */
  readonly internalErrors?: number;
}

/** What `specthread check` found, sorted, with absolute paths (formatters make them relative). */
export interface CheckReport {
  readonly findings: readonly Finding[];
  readonly summary: CheckSummary;
  /** The spec folders reported on, absolute: for formatters that group findings by spec. */
  readonly specDirs: readonly string[];
  /**
   * Findings a suppression comment or the baseline accepted (each with `accepted` set), sorted;
   * SARIF lists them as suppressed. Absent when the run did not collect them.
   */
  readonly suppressed?: readonly Finding[];
  /**
   * The lines of each file as the engine analysed it (absolute path; spec files only, code files
   * keep no text), for excerpts and for the baseline fingerprints SARIF and GitLab carry.
   */
  readonly lines?: ReadonlyMap<string, readonly string[]>;
  /** The coverage of the reported specs, for the HTML report's progress bars and matrix. */
  readonly coverage?: CoverageReport;
  /** Where each requirement (by ref, `spec#id`) is written, for links from the coverage matrix. */
  readonly requirementLocations?: ReadonlyMap<string, { readonly path: string; readonly line: number }>;
}

/** What `specthread inventory` understood of each spec, with absolute folders. */
export type InventoryReport = readonly InventoryEntry[];
