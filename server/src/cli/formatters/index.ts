// @spec specthread-core#15.6, specthread-core#17.1
/**
 * The CLI's output formats: for each command that prints a report, the `--format` names it
 * accepts and the formatter each one runs. `--format` validation, the commands' `--help` and the
 * golden test (test/cli/golden.test.ts) all read this table, so it is the only list of formats.
 *
 * To add an output format (say `sarif` for `check`):
 *   1. Write `formatters/check/sarif.ts` exporting a `Formatter<CheckReport>`: a pure function
 *      from the report and `{ cwd }` to the text for stdout. Print paths with `relativePath`
 *      (`paths.ts`); use `groupByFile` or `groupBySpec` when the format nests findings.
 *   2. Add it here: `check: { text, json, sarif: formatCheckSarif }`.
 *   3. Run `UPDATE_GOLDEN=1 npx mocha --no-config --require tsx/cjs test/cli/golden.test.ts`
 *      after `npm run build`, review the new golden files, and commit them; add a test of what
 *      the format promises (valid against its schema, one entry per finding …) in test/cli/.
 *   4. Mention the format in README.md's CLI section.
 * Summaries, internal errors and file notes go to stderr whatever the format (`../notes/`), so
 * a formatter prints only the report; internal.error and file.* findings are in it like any other.
 */
import { formatCheckCheckstyle } from './check/checkstyle';
import { formatCheckGithub } from './check/github';
import { formatCheckGitlab } from './check/gitlab';
import { formatCheckHtml } from './check/html';
import { formatCheckJson } from './check/json';
import { formatCheckJunit } from './check/junit';
import { formatCheckSarif } from './check/sarif';
import { formatCheckText } from './check/text';
import { formatCoverageJson } from './coverage/json';
import { formatCoverageText } from './coverage/text';
import { formatInventoryJson } from './inventory/json';
import { formatInventoryText } from './inventory/text';
import { CheckReport, CoverageReport, Formatter, InventoryReport } from './types';

interface ReportTypes {
  readonly check: CheckReport;
  readonly coverage: CoverageReport;
  readonly inventory: InventoryReport;
}

/** Each command's formatters by `--format` name; every command has `text`, its default. */
type FormatterTable = { readonly [C in keyof ReportTypes]: { readonly text: Formatter<ReportTypes[C]> } & Readonly<Record<string, Formatter<ReportTypes[C]>>> };

export const FORMATTERS = {
  check: {
    text: formatCheckText,
    json: formatCheckJson,
    sarif: formatCheckSarif,
    junit: formatCheckJunit,
    github: formatCheckGithub,
    gitlab: formatCheckGitlab,
    checkstyle: formatCheckCheckstyle,
    html: formatCheckHtml,
  },
  coverage: { text: formatCoverageText, json: formatCoverageJson },
  inventory: { text: formatInventoryText, json: formatInventoryJson },
} as const satisfies FormatterTable;

/** The commands that print a report in a choice of formats. */
export type ReportCommand = keyof typeof FORMATTERS;

/** The `--format` names one command accepts. */
export type FormatName<C extends ReportCommand> = Extract<keyof (typeof FORMATTERS)[C], string>;

/** Every command prints text unless told otherwise. */
export const DEFAULT_FORMAT = 'text';

/** The `--format` names of one command, in the order of the table (the order `--help` lists them). */
export function formatNames<C extends ReportCommand>(command: C): FormatName<C>[] {
  return Object.keys(FORMATTERS[command]).filter((name) => isFormatName(command, name));
}

export function isFormatName<C extends ReportCommand>(command: C, name: string): name is FormatName<C> {
  return Object.prototype.hasOwnProperty.call(FORMATTERS[command], name);
}

/** The formatter that `--format name` selects for `command`. */
export function formatterFor<C extends ReportCommand>(command: C, name: FormatName<C>): Formatter<ReportTypes[C]> {
  // The wider view of the same table: any name of the command's, one report type per command.
  const table: FormatterTable = FORMATTERS;
  return table[command][name];
}
