import { Range } from '../text/range';

/**
 * Per-file trace facts of a code or test file: computed from the file's text and path alone, so
 * they are cached per file and re-scanned only when that file changes.
 */

export type TraceRole = 'source' | 'test';

/**
 * `tag`: an `@spec <ref>` in a comment. `title`: a bare ref in a test's title (`it('a#1.2 …')`,
 * a test function's docstring, the comment above a Go test).
 */
export type TraceTagKind = 'tag' | 'title';

export interface TraceTag {
  /** The spec name as written (`user-auth`, `001-user-auth`, `auth/login`). */
  readonly spec: string;
  /** The local id as written (`1.2`, `FR-003`, `user-can-export/happy-path`). */
  readonly id: string;
  /** Six lower-case hex digits when the tag pins the criterion's text. */
  readonly pin?: string;
  readonly kind: TraceTagKind;
  /** `spec#id`, and the pin when present. */
  readonly range: Range;
  readonly specRange: Range;
  readonly idRange: Range;
  /** `@3f9a0c`, the `@` included. */
  readonly pinRange?: Range;
  /**
   * In a test file: the test it belongs to is skipped or todo (`it.skip`, `@Disabled`, `t.Skip`,
   * a generated stub), so it names the criterion without verifying it (see pendingTest.ts).
   */
  readonly pending?: true;
}

export interface CodeFileFacts {
  readonly path: string;
  /** The language family the file was scanned as (see languages.ts). */
  readonly language: string;
  readonly role: TraceRole;
  readonly tags: readonly TraceTag[];
}

/** Why a file that could carry tags was not scanned. */
export type SkipReason = 'too-large' | 'binary';
