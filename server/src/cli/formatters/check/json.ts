// @spec specthread-core#5.2, specthread-core#14.2, specthread-core#15.6
import { findingFields } from '../../../core/findings';
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
      findings: findings.map((f) => ({ file: relativePath(f.path, cwd), ...findingFields(f) })),
    },
    null,
    2,
  );
