// @spec specthread-core#15.6
import type { CoverageReport } from '../../../../shared/coverage';
import { Finding, Severity } from '../../core/findings';
import { InventoryEntry } from '../../core/inventory';

export type { CoverageReport };

/** What every formatter may need besides its report: paths are printed relative to `cwd`. */
export interface FormatContext {
  readonly cwd: string;
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
}

/** What `specthread inventory` understood of each spec, with absolute folders. */
export type InventoryReport = readonly InventoryEntry[];
