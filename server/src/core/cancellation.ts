/**
 * Cancellation for core APIs. The core cannot import the LSP library, so it declares the small
 * shape it needs; the LSP `CancellationToken` and the CLI's never-cancelled token both satisfy it.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** A token that is never cancelled, for callers (CLI, tests) that run to completion. */
export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

/** Thrown by core functions when their token is cancelled; callers that cancel expect it. */
export class CancelledError extends Error {
  constructor() {
    super('operation cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new CancelledError();
}

/**
 * Gives the event loop a turn so that long indexing does not starve request handling.
 * Uses setImmediate when present; the core stays free of Node imports by reaching it
 * through globalThis (setTimeout too: the core compiles without the host's types).
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as unknown as { setImmediate?: (cb: () => void) => unknown; setTimeout: (cb: () => void, ms: number) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : g.setTimeout(resolve, 0)));
}
