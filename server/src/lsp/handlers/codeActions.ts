// @spec specthread-core#20.1
import { CancellationToken, CodeAction, Connection } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../../../../shared/actionsProtocol';
import { Finding } from '../../core/findings';
import { fixAllEdits } from '../../core/fixes/fixAll';
import { codeActionsFor } from '../../core/fixes/codeActions';
import { uriToPath } from '../../host/paths';
import { toCommand, toDiagnostic, toWorkspaceEdit } from '../convert';
import { Guard } from '../guard';
import { Session } from '../session';

/**
 * Quick fixes and rewrites: the core computes them (fixes attached to findings, renumbering,
 * task stubs, suppression comments, canonical EARS, re-confirming a pin); this handler only
 * converts them.
 */
export function registerCodeActions(connection: Connection, session: Session, guard: Guard): void {
  connection.onCodeAction(
    guard.request('textDocument/codeAction', [] as CodeAction[], async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const found = snapshot.spec(params.textDocument.uri);
      const path = uriToPath(params.textDocument.uri);
      if (!path) return [];
      const results = codeActionsFor(
        {
          spec: found?.spec,
          path,
          range: params.range,
          findings: snapshot.findingsFor(params.textDocument.uri),
          textOf: (p) => snapshot.textOf(p),
        },
        token,
      );
      const only = params.context.only;
      const fixAll = fixAllAction(path, snapshot.findingsFor(params.textDocument.uri), only, token);
      const actions = results
        .filter((r) => !only || only.some((kind) => r.kind === kind || r.kind.startsWith(kind + '.')))
        .flatMap((r): CodeAction[] => {
          const command = r.action ? toCommand(r.title, r.action, session.docs) : undefined;
          // An action whose command has nothing to show (no documentation link known) and no edit does nothing.
          if (!r.edits.length && !command) return [];
          return [
            {
              title: r.title,
              kind: r.kind,
              isPreferred: r.preferred,
              diagnostics: r.finding ? [toDiagnostic(r.finding, session.docs)] : undefined,
              edit: r.edits.length ? toWorkspaceEdit(r.edits) : undefined,
              command,
            },
          ];
        });
      return fixAll ? [...actions, fixAll] : actions;
    }),
  );
}

/**
 * `source.fixAll.specthread`: only when the client asks for source actions (Fix All in File,
 * `editor.codeActionsOnSave`), never in the light bulb, and only when there is something to fix.
 */
function fixAllAction(path: string, findings: readonly Finding[], only: readonly string[] | undefined, token: CancellationToken): CodeAction | undefined {
  if (!only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(kind + '.'))) return undefined;
  const { edits, fixed } = fixAllEdits(path, findings, token);
  if (!fixed) return undefined;
  return { title: `Fix all SpecThread problems in this file (${fixed})`, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits) };
}
