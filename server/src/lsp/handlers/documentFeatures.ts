// @spec specthread-core#20.4
import { Connection, DocumentHighlight, DocumentHighlightKind, FoldingRange } from 'vscode-languageserver/node';
import { foldingRanges } from '../../core/queries/folding';
import { documentHighlightsAt } from '../../core/queries/highlights';
import { uriToPath } from '../../host/paths';
import { Guard } from '../guard';
import { Session } from '../session';

/**
 * Document highlights (every place in the file naming the id under the cursor) and folding ranges
 * (requirements, tasks with their sub-tasks, task groups): look up the document, delegate to the core.
 */
export function registerDocumentFeatures(connection: Connection, session: Session, guard: Guard): void {
  connection.onDocumentHighlight(
    guard.request('textDocument/documentHighlight', [] as DocumentHighlight[], async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const doc = snapshot.document(params.textDocument.uri);
      if (!doc) return [];
      return documentHighlightsAt(snapshot, doc, params.position, token).map((h) => ({
        range: h.range,
        kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );
  connection.onFoldingRanges(
    guard.request('textDocument/foldingRange', [] as FoldingRange[], async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const path = uriToPath(params.textDocument.uri);
      const facts = path ? snapshot.facts(path) : undefined;
      return facts ? foldingRanges(facts, token).map((f) => ({ startLine: f.startLine, endLine: f.endLine })) : [];
    }),
  );
}
