// @spec specthread-core#14.1
import { INTERNAL_ERROR as INTERNAL_ERROR_RULE } from '../core/checks/internalError';
import { Finding } from '../core/findings';

/**
 * The code of the finding that says the analysis itself failed. The core reports a failing rule
 * under the same code; this is for steps around the rules (merging the trace, publishing a
 * spec), which the server catches per spec folder so the other folders are still published.
 */
export const INTERNAL_ERROR = INTERNAL_ERROR_RULE.code;

/** One visible finding per file of the step that failed, at the top of the file, naming the step. */
export function internalErrorFindings(step: string, err: unknown, paths: readonly string[]): Finding[] {
  const message = err instanceof Error ? err.message : String(err);
  return paths.map((path) => ({
    path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    code: INTERNAL_ERROR,
    message: `SpecThread failed while ${step} (${message}); the findings of this file may be incomplete. The stack is in the SpecThread output channel. Please report it.`,
  }));
}
