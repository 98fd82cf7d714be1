// @spec specthread-core#13.5
import { SpecFileKind, SpecFormat } from '../model';

/**
 * Where a file sits in the spec layout: which spec folder it belongs to and what role it plays.
 * Decided from the path alone, so discovery needs no file reads.
 */
export interface SpecLocation {
  /** The spec's ref name: its folder path below the spec root, e.g. `user-auth`. */
  readonly specId: string;
  /** The spec folder's absolute path. */
  readonly specDir: string;
  readonly format: SpecFormat;
  readonly kind: SpecFileKind;
  /** OpenSpec archived changes and Kiro `.kiro/specs/archive/` specs: read for the inventory, never checked. */
  readonly archived?: boolean;
  /** OpenSpec: the `openspec/` folder, which pairs changes with the specs they change. */
  readonly root?: string;
}

/**
 * A configured spec root: an absolute folder (or a glob of folders, for monorepos) that plays
 * the role of `.kiro/specs` (kiro), `specs` (speckit) or `openspec` (openspec).
 */
export interface SpecRoot {
  readonly dir: string;
  readonly format: SpecFormat;
}
