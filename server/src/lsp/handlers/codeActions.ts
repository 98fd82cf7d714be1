import { CodeAction, CodeActionKind, Connection, TextEdit } from 'vscode-languageserver/node';
import { comparePositions } from '../../core/text/range';
import { pathToUri } from '../../host/paths';
import { toDiagnostic } from '../convert';
import { Session } from '../session';

/** Quick fixes: the fixes the core attached to findings whose range meets the request's range. */
export function registerCodeActions(connection: Connection, session: Session): void {
  connection.onCodeAction((params, token) => {
    session.flush();
    const actions: CodeAction[] = [];
    for (const finding of session.findingsFor(params.textDocument.uri, token)) {
      if (comparePositions(finding.range.end, params.range.start) < 0 || comparePositions(params.range.end, finding.range.start) < 0) continue;
      for (const fix of finding.fixes ?? []) {
        const changes: Record<string, TextEdit[]> = {};
        for (const edit of fix.edits) (changes[pathToUri(edit.path)] ??= []).push({ range: edit.range, newText: edit.newText });
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.preferred,
          diagnostics: [toDiagnostic(finding)],
          edit: fix.edits.length ? { changes } : undefined,
          command: fix.command ? { title: fix.title, command: fix.command.id, arguments: [...fix.command.arguments] } : undefined,
        });
      }
    }
    return actions;
  });
}
