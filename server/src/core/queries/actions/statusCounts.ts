// @spec specthread-core#20.3
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { Finding } from '../../findings';

/** What the language status item shows: specs, errors, warnings and the coverage percentage. */
export interface StatusCounts {
  readonly specs: number;
  readonly errors: number;
  readonly warnings: number;
  readonly coverage: number;
}

export function statusCounts(specs: number, findings: readonly Finding[], coverage: number, token: CancellationToken): StatusCounts {
  throwIfCancelled(token);
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { specs, errors, warnings, coverage };
}
