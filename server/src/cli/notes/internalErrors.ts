// @spec specthread-core#14.2, specthread-core#15.6
import { Finding } from '../../core/findings';
import { relativePath } from '../formatters/paths';

/**
 * The stderr note that the report is incomplete: which step failed on which file, one line each,
 * so a CI log says what is missing whatever the output format. Empty when nothing failed.
 */
export function internalErrorsNote(internal: readonly Finding[], cwd: string): string {
  if (internal.length === 0) return '';
  const lines = internal.map((f) => `  ${relativePath(f.path, cwd)}: ${f.message}`);
  const n = internal.length;
  return `SpecThread failed in ${n} step${n === 1 ? '' : 's'} (internal.error; exit code 2). Every other finding is reported above:\n${lines.join('\n')}\n`;
}
