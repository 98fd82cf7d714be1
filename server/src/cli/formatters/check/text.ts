// @spec specthread-core#5.1, specthread-core#15.6
import { relativePath } from '../paths';
import { CheckReport, Formatter } from '../types';

/** `file:line:col severity code message`, one finding per line, positions one-based. */
export const formatCheckText: Formatter<CheckReport> = ({ findings }, { cwd }) =>
  findings.map((f) => `${relativePath(f.path, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`).join('\n');
