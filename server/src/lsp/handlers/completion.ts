import { CompletionItem, CompletionList, Connection } from 'vscode-languageserver/node';
import { completeRefs } from '../../core/queries/completion';
import { completeTag } from '../../core/trace/queries/tagCompletion';
import { completeFormatSyntax } from '../../core/queries/formatCompletion';
import { toCompletionItem } from '../convert';
import { Guard } from '../guard';
import { Session } from '../session';

export function registerCompletion(connection: Connection, session: Session, guard: Guard): void {
  connection.onCompletion(guard.request('textDocument/completion', [] as CompletionItem[] | CompletionList, async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    if (found) {
      return [
        ...completeRefs(found.spec, line, params.position, token),
        ...completeFormatSyntax(session.engine.formats, { spec: found.spec, allSpecs: session.engine.allSpecs(), path: found.path, lineText: line, pos: params.position }, token),
      ].map(toCompletionItem);
    }
    // Code: refs after `@spec `.
    const code = session.traceFor(params.textDocument.uri);
    if (!code) return [];
    const items = completeTag(code.analysis.specs, line, params.position, token);
    return {
      // The list is narrowed on the server by fuzzy match; let the client re-ask as the user types.
      isIncomplete: items.length >= 200,
      items: items.map(toCompletionItem),
    };
  }));
}
