import { Connection } from 'vscode-languageserver/node';
import { completeRefs } from '../../core/queries/completion';
import { completeDeltaTargets } from '../../core/queries/deltaTargets';
import { completeSpeckitIds } from '../../core/queries/speckitCompletion';
import { toCompletionItem } from '../convert';
import { Session } from '../session';

export function registerCompletion(connection: Connection, session: Session): void {
  connection.onCompletion((params, token) => {
    const found = session.specFor(params.textDocument.uri);
    const doc = session.documents.get(params.textDocument.uri);
    if (!found || !doc) return [];
    const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } });
    const text = line.replace(/\r?\n$/, '');
    const entries = [
      ...completeRefs(found.spec, text, params.position, token),
      ...completeSpeckitIds(found.spec, text, params.position, token),
      ...completeDeltaTargets(session.engine.allSpecs(), found.path, text, params.position, token),
    ];
    return entries.map(toCompletionItem);
  });
}
