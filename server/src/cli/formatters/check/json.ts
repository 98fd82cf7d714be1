// @spec specthread-core#5.2, specthread-core#14.2, specthread-core#15.6
import { relativePath } from '../paths';
import { CheckReport, Formatter } from '../types';

/**
 * Stable machine output, `version: 1`: the summary, then every finding with one-based positions
 * and its file relative to the working directory. Fields are only ever added.
 */
export const formatCheckJson: Formatter<CheckReport> = ({ findings, summary }, { cwd }) =>
  JSON.stringify(
    {
      version: 1,
      summary,
      findings: findings.map((f) => ({
        file: relativePath(f.path, cwd),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
      })),
    },
    null,
    2,
  );
