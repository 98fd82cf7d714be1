// @spec specthread-core#14.1, specthread-core#14.5
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { CancelledError } from '../core/cancellation';

/** What the guard needs from the server: a log for stacks, and the versions of open documents. */
export interface GuardContext {
  /** Writes to the client's output channel (connection.console.error). */
  readonly logError: (message: string) => void;
  /** The version of an open document, or undefined when it is not open. */
  readonly versionOf: (uri: string) => number | undefined;
}

type Handler<P, R> = (params: P, token: CancellationToken) => R | ResponseError<void> | Promise<R | ResponseError<void>>;

/**
 * The one place every LSP handler is registered through. A request answers with its result, or
 * with the error code the protocol reserves for what happened, so that clients stay quiet:
 * RequestCancelled (-32800) when the client cancelled, ContentModified (-32801) when an edit made
 * the answer stale while it waited for analysis, ServerCancelled (-32802) when the server gave up.
 * Any other exception is a bug in one query: it is logged with its stack and answered with the
 * request's harmless empty result, because a -32603 error becomes an error toast in VS Code.
 */
export class Guard {
  constructor(private readonly context: GuardContext) {}

  /** Wraps a request handler; `empty` is the answer when the handler fails (null or []). */
  request<P, R>(method: string, empty: R, handler: Handler<P, R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
    return async (params, token) => {
      if (token.isCancellationRequested) return cancelled();
      const uri = documentUri(params);
      const version = uri === undefined ? undefined : this.context.versionOf(uri);
      const stale = () => version !== undefined && uri !== undefined && this.context.versionOf(uri) !== version;
      try {
        const result = await handler(params, token);
        // A result computed from a text the user has already changed would put edits and
        // ranges in the wrong places; the client asks again for the new version.
        if (stale()) return contentModified();
        return result;
      } catch (err) {
        if (stale()) return contentModified();
        if (isCancellation(err)) return token.isCancellationRequested ? cancelled() : serverCancelled();
        if (token.isCancellationRequested) return cancelled();
        this.logFailure(`request ${method}`, err);
        return empty;
      }
    };
  }

  /**
   * Wraps a notification handler or event listener: nothing thrown while handling input, now or
   * in a promise it returns, may escape to the process, where it would end the server.
   */
  notification<A extends unknown[]>(what: string, handler: (...args: A) => unknown): (...args: A) => void {
    return (...args) => {
      try {
        const result = handler(...args);
        if (isPromise(result)) result.catch((err: unknown) => this.logFailure(what, err));
      } catch (err) {
        this.logFailure(what, err);
      }
    };
  }

  /** Logs a failure with its stack; cancellations are expected and stay out of the log. */
  logFailure(what: string, err: unknown): void {
    if (isCancellation(err)) return;
    this.context.logError(`SpecThread: ${what} failed: ${describe(err)}`);
  }
}

/** The stack when there is one (it names the rule or query that threw), else the message. */
export function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
}

function isCancellation(err: unknown): boolean {
  // By name as well: a bundle may hold two copies of the class, and instanceof fails across them.
  return err instanceof CancelledError || (err instanceof Error && err.name === 'CancelledError');
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function' && typeof (value as { catch?: unknown }).catch === 'function';
}

function documentUri(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
const contentModified = () => new ResponseError<void>(LSPErrorCodes.ContentModified, 'The document changed while the request waited; ask again.');
const serverCancelled = () => new ResponseError<void>(LSPErrorCodes.ServerCancelled, 'The server gave up on this request; ask again.');
