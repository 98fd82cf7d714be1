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

/** Configuration section read through `workspace/configuration`. */
export const CONFIGURATION_SECTION = 'specthread';

/** Command ids contributed by the VS Code client, category `SpecThread`. */
export const Commands = {
  restartServer: 'specthread.restartServer',
  showOutput: 'specthread.showOutput',
} as const;
