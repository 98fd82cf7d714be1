// @spec specthread-core#19.4
/**
 * Spec Studio requests between the server and its clients: method names and payload shapes only,
 * so both sides can import this file. The client shows the answer as a preview (a
 * WorkspaceEdit it applies only when the user accepts); the server writes nothing.
 */

/** Test stubs for the criteria of a spec that no test verifies. Params: TestStubsParams; result: TestStubsResult. */
export const TestStubsRequest = 'specthread/testStubs';

export interface TestStubsParams {
  /** The spec: its name, or the URI of its folder or of one of its files. */
  readonly spec: string;
  /** Only these criteria: refs (`user-auth#1.2`), ids (`1.2`) or requirement refs (all their criteria). */
  readonly criteria?: readonly string[];
  /** mocha, jest, vitest, node:test, pytest, unittest, go or junit5, in place of the detected framework. */
  readonly framework?: string;
}

export interface TestStubsFile {
  readonly uri: string;
  /** True when the file is new; otherwise `text` is inserted at `insertAt`. */
  readonly create: boolean;
  readonly text: string;
  readonly insertAt?: { readonly line: number; readonly character: number };
  /** The criteria it holds a stub for. */
  readonly refs: readonly string[];
}

/** The plan and the same as an LSP WorkspaceEdit (create the file, then insert the text). */
export interface TestStubsResult {
  readonly spec: string;
  readonly framework: string;
  /** Why this framework (the manifest or import it was detected from, or `--framework`). */
  readonly evidence: string;
  readonly files: readonly TestStubsFile[];
  /** Criteria that got no stub: a test verifies them, or a pending test names them already. */
  readonly skipped: readonly { readonly ref: string; readonly reason: 'verified' | 'pending' }[];
  readonly edit: {
    readonly documentChanges: readonly (
      | { readonly kind: 'create'; readonly uri: string; readonly options: { readonly ignoreIfExists: boolean } }
      | {
          readonly textDocument: { readonly uri: string; readonly version: null };
          readonly edits: readonly { readonly range: { readonly start: Position; readonly end: Position }; readonly newText: string }[];
        }
    )[];
  };
}

interface Position {
  readonly line: number;
  readonly character: number;
}
