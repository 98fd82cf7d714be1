// @spec specthread-core#20.3
import type { StatusResult } from '../../../shared/actionsProtocol';
import type { IndexingProgressParams } from '../../../shared/protocol';

/**
 * The language status item's texts, pure so that a unit test can hold them without VS Code:
 * a spinner with the server's running counts while it indexes, then specs, problems and coverage.
 */
export function indexingText(progress: IndexingProgressParams | undefined): string {
  if (!progress || progress.total === 0) return '$(sync~spin) Indexing SpecThread…';
  return `$(sync~spin) Indexing SpecThread ${Math.min(progress.done, progress.total)}/${progress.total} files`;
}

export function statusText(s: StatusResult): string {
  return `$(checklist) ${s.specs} spec${s.specs === 1 ? '' : 's'} · $(error) ${s.errors} $(warning) ${s.warnings} · ${s.coverage}%`;
}
