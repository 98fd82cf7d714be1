// @spec specthread-core#9.3, specthread-core#11.4, specthread-core#11.6, specthread-core#20.3
import { CodeLens, Connection, DocumentLink, InlayHint, PrepareRenameResult, ResponseError, WorkspaceEdit } from 'vscode-languageserver/node';
import { ActionCommands, SHOW_COVERAGE_COMMAND, TaskRef } from '../../../../shared/actionsProtocol';
import { CoverageParams, CoverageReport, CoverageRequest } from '../../../../shared/coverage';
import { inlayHintsFor } from './traceInlay';
import { RenameError, renameId, renameTargetAt } from '../../core/trace/queries/renameId';
import { taskLenses } from '../../core/queries/actions/taskLenses';
import { criterionLenses, specLenses } from '../../core/trace/queries/specLenses';
import { taskFileLinks } from '../../core/trace/queries/taskLinks';
import { pathToUri } from '../../host/paths';
import { toWorkspaceEdit } from '../convert';
import { Guard } from '../guard';
import { Session } from '../session';

/**
 * The features of the thread into code: code lenses on requirements, document links for task
 * file paths, inlay hints after tags, rename of ids across specs and code, and the coverage request.
 */
export function registerTraceFeatures(connection: Connection, session: Session, guard: Guard): void {
  connection.onCodeLens(
    guard.request('textDocument/codeLens', [] as CodeLens[], async (params, token): Promise<CodeLens[]> => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const found = snapshot.spec(params.textDocument.uri);
      if (!found) return [];
      const analysis = snapshot.traceAnalysis(token);
      // Every lens runs a command: the counts peek the requirement's references, a task's lenses
      // start it or change its state, a criterion's (behind specthread.lenses.criteria) peek what
      // traces it or, when nothing does, start the task that cites it or show the coverage.
      const peek = (range: CodeLens['range'], title: string) => ({
        range,
        command: { title, command: ActionCommands.peekThread, arguments: [params.textDocument.uri, range.start.line, range.start.character] },
      });
      const criteria = session.editorOnly.criteriaLenses ? criterionLenses(analysis, found.spec, found.path, token) : [];
      return [
        ...specLenses(analysis, found.spec, found.path, token).map((l) => peek(l.range, l.title)),
        ...criteria.map((l) => {
          if (l.traced) return peek(l.range, l.title);
          if (l.openTask) {
            const ref: TaskRef = { spec: found.spec.id, task: l.openTask };
            return { range: l.range, command: { title: `${l.title} · start task ${l.openTask}`, command: ActionCommands.startTask, arguments: [ref] } };
          }
          return { range: l.range, command: { title: l.title, command: SHOW_COVERAGE_COMMAND, arguments: [] } };
        }),
        ...taskLenses(found.spec, found.path, token).flatMap((l) => {
          const ref: TaskRef = { spec: l.spec, task: l.task };
          return [
            { range: l.range, command: { title: 'Start task', command: ActionCommands.startTask, arguments: [ref] } },
            { range: l.range, command: { title: l.status === 'done' ? 'Reopen' : 'Mark done', command: ActionCommands.toggleTaskDone, arguments: [ref] } },
          ];
        }),
      ];
    }),
  );

  connection.onDocumentLinks(
    guard.request('textDocument/documentLink', [] as DocumentLink[], async (params, token): Promise<DocumentLink[]> => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const found = snapshot.spec(params.textDocument.uri);
      if (!found) return [];
      return taskFileLinks(snapshot.traceAnalysis(token), found.spec, found.path, token).map((l) => ({ range: l.range, target: pathToUri(l.target) }));
    }),
  );

  connection.languages.inlayHint.on(
    guard.request('textDocument/inlayHint', [] as InlayHint[], async (params, token): Promise<InlayHint[]> => {
      const code = (await session.read(params.textDocument.uri, token)).trace(params.textDocument.uri);
      return code ? inlayHintsFor(code.analysis, code.path, params.range, token) : [];
    }),
  );

  connection.onPrepareRename(
    guard.request('textDocument/prepareRename', null as PrepareRenameResult | null, async (params, token) => {
      const code = (await session.read(params.textDocument.uri, token)).trace(params.textDocument.uri);
      const target = code && renameTargetAt(code.analysis, code.path, params.position, token);
      return target ? { range: target.range, placeholder: target.id } : null;
    }),
  );

  connection.onRenameRequest(
    guard.request('textDocument/rename', null as WorkspaceEdit | null, async (params, token): Promise<WorkspaceEdit | ResponseError<void>> => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const code = snapshot.trace(params.textDocument.uri);
      const target = code && renameTargetAt(code.analysis, code.path, params.position, token);
      if (!code || !target) return new ResponseError(-32602, 'Nothing to rename here: put the cursor on a requirement or criterion id.');
      try {
        return toWorkspaceEdit(renameId(code.analysis, target, params.newName.trim(), (p) => snapshot.textOf(p), token));
      } catch (err) {
        if (err instanceof RenameError) return new ResponseError(-32602, err.message);
        throw err;
      }
    }),
  );

  // A failed coverage request answers null: the coverage view then shows nothing rather than an error toast.
  connection.onRequest(
    CoverageRequest,
    guard.request('specthread/coverage', null as CoverageReport | null, async (params: CoverageParams | undefined, token): Promise<CoverageReport> => {
      const snapshot = await session.read(undefined, token);
      const report = snapshot.traceAnalysis(token).coverage(token);
      return params?.spec ? { ...report, specs: report.specs.filter((s) => s.spec === params.spec) } : report;
    }),
  );
}
