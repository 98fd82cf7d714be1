/**
 * Custom protocol between the SpecThread server and its clients (the VS Code extension, tests,
 * other editors). Method names and payload shapes only, so both sides can import this file.
 */

/** Sent by the server when the initial workspace index is complete and diagnostics are published. */
export const IndexedNotification = 'specthread/indexed';

export interface IndexedParams {
  readonly specs: number;
  readonly files: number;
  readonly findings: number;
  readonly millis: number;
}

/**
 * Sent by the server while it indexes at start-up, after each batch of spec files read: the
 * language status item shows a spinner with these counts until `specthread/indexed` arrives.
 * Sent whether or not the client supports `window/workDoneProgress`.
 */
export const IndexingProgressNotification = 'specthread/indexingProgress';

export interface IndexingProgressParams {
  /** Spec files read so far. */
  readonly done: number;
  /** Spec files to read in all. */
  readonly total: number;
}

/** Configuration section read through `workspace/configuration`. */
export const CONFIGURATION_SECTION = 'specthread';

/** Command ids contributed by the VS Code client, category `SpecThread`. */
export const Commands = {
  restartServer: 'specthread.restartServer',
  showOutput: 'specthread.showOutput',
} as const;
