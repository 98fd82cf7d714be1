// @spec specthread-core#14.1, specthread-core#14.7
import { CancellationToken, CancelledError } from './cancellation';
import { INTERNAL_ERROR } from './checks/internalError';
import { Finding } from './findings';
import { SpecModel, mainFileOf } from './index/specModel';

/**
 * Fault isolation: a throw in one parser, one rule on one spec, or one trace step becomes one
 * `internal.error` finding on the file concerned, and everything else is still checked. The
 * core does no I/O, so the stack goes to a logger its caller passes (stderr in the CLI, the
 * output channel in the server); by default it goes nowhere.
 */
export type Log = (message: string) => void;

/** True for the throw a cancelled token causes: that one must travel up, not become a finding. */
export function isCancellation(err: unknown, token: CancellationToken): boolean {
  return err instanceof CancelledError || token.isCancellationRequested;
}

/**
 * Runs `work` for the step `what` (e.g. `rule ears.clause-order`) on `path`. Returns undefined
 * when it completes, or the internal.error finding that replaces its result when it throws.
 * Cancellation is rethrown.
 */
export function isolate(what: string, path: string, token: CancellationToken, log: Log | undefined, work: () => void): Finding | undefined {
  try {
    work();
    return undefined;
  } catch (err) {
    if (isCancellation(err, token)) throw err;
    return internalError(what, path, err, log);
  }
}

/** The finding for a step that threw, after logging the stack. */
export function internalError(what: string, path: string, err: unknown, log: Log | undefined): Finding {
  log?.(`SpecThread internal error in ${what} on ${path}: ${err instanceof Error && err.stack ? err.stack : describe(err)}`);
  return {
    path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    code: INTERNAL_ERROR.code,
    message: `SpecThread failed in ${what}: ${summary(err)}. Its results here are missing; everything else was checked. Please report this with the file attached.`,
  };
}

export function isInternalError(finding: Finding): boolean {
  return finding.code === INTERNAL_ERROR.code;
}

/** The error's first line, short enough for a diagnostic (a message may quote a whole input). */
function summary(err: unknown): string {
  const text = describe(err);
  const first = text.split(/\r\n|\r|\n/, 1)[0]!;
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

/** Anything can be thrown; even turning it into text must not throw again (`Object.create(null)` does). */
function describe(err: unknown): string {
  try {
    return err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  } catch {
    return 'a value that cannot be shown';
  }
}

/**
 * Where a fault of a workspace-wide step is shown: the first checked spec's main file, or the
 * first workspace folder when no spec is checked (the CLI still prints it).
 */
export function faultAnchor(specs: readonly SpecModel[], roots: readonly string[]): string {
  const checked = specs.filter((s) => !s.archived).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  return checked.length ? mainFileOf(checked[0]!) : (roots[0] ?? '/');
}
