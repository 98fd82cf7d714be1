// @spec specthread-core#19.1, specthread-core#19.3, specthread-core#19.4, specthread-core#19.5
/**
 * Spec Studio requests between the server and its clients: method names and payload shapes only,
 * so both sides can import this file. Each answers a preview: the client shows it (a WorkspaceEdit
 * or the files) and writes what the user accepts; the server writes nothing.
 */

export const DraftSpecRequest = 'specthread/draftSpec';

export type DraftSpecFormat = 'kiro' | 'speckit' | 'openspec';

export interface DraftSpecParams {
  /** The code folder, as a `file:` URI. */
  readonly folder: string;
  /** Default `kiro`. */
  readonly format?: DraftSpecFormat;
  /** The spec's name; the folder's name when not given. */
  readonly name?: string;
  /** Also propose `@spec` tags for the code and tests the draft came from. */
  readonly tag?: boolean;
  /** Also answer the prompts a language model would be asked to reword the criteria (`DraftSpecResult.reword`). */
  readonly reword?: boolean;
}

export interface DraftSpecFile {
  /** Path relative to the folder, in the format's layout: `.kiro/specs/<name>/requirements.md`. */
  readonly path: string;
  /** Where the file would be written (`file:` URI under the folder). */
  readonly uri: string;
  /** Whether a file exists there already (the client asks before replacing it). */
  readonly exists: boolean;
  readonly text: string;
}

/** One proposed tag: insert `text` plus a line end before line `line` (0-based) of `uri`. */
export interface DraftTagInsert {
  readonly uri: string;
  readonly line: number;
  readonly text: string;
}

export interface DraftSpecResult {
  readonly name: string;
  readonly files: readonly DraftSpecFile[];
  /** With `tag`: the `@spec` lines, for a WorkspaceEdit preview. */
  readonly tags: readonly DraftTagInsert[];
  /** `Drafted 12 requirements from 40 files: …`, for the preview's title or a message. */
  readonly summary: string;
  /** With `reword`: what to ask the model, batch by batch. */
  readonly reword?: DraftRewordPlan;
}

/**
 * The language-model pass, planned by the server: each batch's prompt holds criteria only (never
 * code). The client sends each prompt to the model the user allowed and hands the raw answers
 * back through `specthread/renderDraft`; the server judges every rewrite, so the client holds no rule.
 */
export interface DraftRewordPlan {
  /** Names the criteria the prompts were made from; `renderDraft` refuses answers to a draft that has changed since. */
  readonly key: string;
  readonly batches: readonly { readonly ids: readonly string[]; readonly prompt: string }[];
}

/** The draft again, with the model's accepted rewrites in place. Params: RenderDraftParams; result: RenderDraftResult. */
export const RenderDraftRequest = 'specthread/renderDraft';

export interface RenderDraftParams extends DraftSpecParams {
  /** `DraftRewordPlan.key` of the plan the answers belong to. */
  readonly key: string;
  /** The model's raw answer to each batch, in order; null for a batch not answered (cancelled or failed). */
  readonly answers: readonly (string | null)[];
}

export interface DraftRewordSummary {
  /** Criteria whose new wording was accepted. */
  readonly reworded: number;
  /** Criteria the model gave back unchanged. */
  readonly unchanged: number;
  /** Criteria of batches with no answer: deterministic wording, nothing judged. */
  readonly notAsked: number;
  /** Rewrites turned down, each with the criterion's ref in the draft's format and why; the deterministic wording stays. */
  readonly rejected: readonly { readonly id: string; readonly ref: string; readonly reason: string }[];
}

export interface RenderDraftResult extends DraftSpecResult {
  readonly reworded: DraftRewordSummary;
}

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
