/**
 * Protocol additions of the code-and-test thread: the coverage request lives in coverage.ts with
 * its types; this file holds the command ids the server puts into code actions and code lenses.
 */
export const TraceCommands = {
  /** Arguments: `{ ref, pin, now, was? }`; the client shows the old and new criterion text. */
  showPinChange: 'specthread.showPinChange',
} as const;

export interface PinChange {
  readonly ref: string;
  readonly pin: string;
  readonly currentPin: string;
  readonly now: string;
  /** The text the pin was taken from, when the pin store recorded it. */
  readonly was?: string;
}
