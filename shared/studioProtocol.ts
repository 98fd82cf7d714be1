// @spec specthread-core#19.1, specthread-core#19.3
/**
 * Spec Studio requests between the VS Code client and the server. `specthread/draftSpec` drafts a
 * spec from a folder's code and answers a preview: nothing is written by the server; the client
 * shows the files (and the proposed tags) and writes what the user accepts.
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
}
