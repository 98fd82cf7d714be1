// @spec specthread-core#18.1, specthread-core#18.2
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { FileEdit } from '../../findings';
import { RenameError, renameId } from '../../trace/queries/renameId';
import { AgentView } from './agentView';
import { QueryError } from './queryError';
import { existingRef } from './specRef';
import { FileChange, fileChanges, unifiedDiff } from './textEdits';

/** A rename as edits and as a patch; nothing written. `rename_id` shows it, `apply_rename` writes `changes`. */
export interface RenamePatch {
  readonly ref: string;
  readonly newRef: string;
  readonly files: readonly string[];
  readonly edits: number;
  /** A unified diff of every file the rename changes, paths relative to the workspace. */
  readonly diff: string;
  readonly changes: readonly FileChange[];
}

/** The rename the editor performs (trace/queries/renameId.ts), as a unified diff across specs, code and tests. */
export function renamePatch(view: AgentView, ref: string, newId: string, token: CancellationToken): RenamePatch {
  throwIfCancelled(token);
  const { spec, id } = existingRef(view.analysis.specs, ref);
  const start = spec.criteria.get(id)?.node.idRange ?? spec.requirements.get(id)!.node.idRange;
  let edits: FileEdit[];
  try {
    edits = renameId(view.analysis, { spec, id, range: start }, newId, (p) => view.textOf(p), token);
  } catch (err) {
    if (err instanceof RenameError) throw new QueryError(err.message);
    throw err;
  }
  const changes = fileChanges(edits, (p) => view.textOf(p));
  return {
    ref: `${spec.id}#${id}`,
    newRef: `${spec.id}#${newId}`,
    files: changes.map((c) => view.show(c.path)),
    edits: edits.length,
    diff: changes.map((c) => unifiedDiff(view.show(c.path), c.before, c.after)).join(''),
    changes,
  };
}
