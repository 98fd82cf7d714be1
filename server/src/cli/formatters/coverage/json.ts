// @spec specthread-core#12.1, specthread-core#15.6
import { relativePath } from '../paths';
import { CoverageReport, Formatter } from '../types';

/** The report the `specthread/coverage` request returns, with spec folders relative to the working directory. */
export const formatCoverageJson: Formatter<CoverageReport> = (report, { cwd }) =>
  JSON.stringify({ ...report, specs: report.specs.map((s) => ({ ...s, dir: relativePath(s.dir, cwd) })) }, null, 2);
