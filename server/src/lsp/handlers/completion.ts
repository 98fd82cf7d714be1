import { CompletionItem, CompletionList, Connection } from 'vscode-languageserver/node';
import { completeRefs } from '../../core/queries/completion';
import { completeTag } from '../../core/trace/queries/tagCompletion';
import { completeFormatSyntax } from '../../core/queries/formatCompletion';
import { toCompletionItem } from '../convert';
import { Guard } from '../guard';
import { Session } from '../session';

export function registerCompletion(connection: Connection, session: Session, guard: Guard): void {
  connection.onCompletion(
    guard.request('textDocument/completion', [] as CompletionItem[] | CompletionList, async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const found = snapshot.spec(params.textDocument.uri);
      const line = snapshot.lineOf(params.textDocument.uri, params.position.line);
      if (line === undefined) return [];
      if (found) {
        return [
          ...completeRefs(found.spec, line, params.position, token),
          ...completeFormatSyntax(
            snapshot.formats,
            { spec: found.spec, allSpecs: snapshot.allSpecs(), path: found.path, lineText: line, pos: params.position },
            token,
          ),
        ].map(toCompletionItem);
      }
      // Code: refs after `@spec `.
      const code = snapshot.trace(params.textDocument.uri);
      if (!code) return [];
      const items = completeTag(code.analysis.specs, line, params.position, token);
      return {
        // The list is narrowed on the server by fuzzy match; let the client re-ask as the user types.
        isIncomplete: items.length >= 200,
        items: items.map(toCompletionItem),
      };
    }),
  );
}
