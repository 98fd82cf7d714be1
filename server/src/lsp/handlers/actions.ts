// @spec specthread-core#20.1, specthread-core#20.3
import * as fs from 'fs';
import * as path from 'path';
import { Connection, ResponseError } from 'vscode-languageserver/node';
import * as P from '../../../../shared/actionsProtocol';
import { RULE_REGISTRY } from '../../core/checks/registry';
import { AgentView } from '../../core/queries/agent/agentView';
import { QueryError } from '../../core/queries/agent/queryError';
import { renamePatch } from '../../core/queries/agent/renamePatch';
import { taskContext, findTask } from '../../core/queries/agent/taskContext';
import { taskContextMarkdown } from '../../core/queries/agent/taskContextMarkdown';
import { setTaskState } from '../../core/queries/agent/taskState';
import { specNamed } from '../../core/queries/agent/specRef';
import { FileChange } from '../../core/queries/agent/textEdits';
import { newSpecFiles } from '../../core/queries/actions/newSpec';
import { statusCounts } from '../../core/queries/actions/statusCounts';
import { requirementEntries, taskEntries, toggledState } from '../../core/queries/actions/workspaceLists';
import { reconfirmAllEdits } from '../../core/trace/queries/reconfirmAll';
import { hostAgentView } from '../../host/agentView';
import { pathToUri, uriToPath } from '../../host/paths';
import { toWorkspaceEdit } from '../convert';
import { Guard } from '../guard';
import { Session } from '../session';
import { Snapshot } from '../snapshot';
import { exportReportHtml } from './exportReport';

/**
 * The custom requests behind the client's palette commands, lenses and status item. Each looks
 * up its arguments, guards them and delegates to a core query; the client applies any edit as a
 * WorkspaceEdit, so nothing is written here. Bad input answers an error whose message the
 * client shows as is.
 */
export function registerActions(connection: Connection, session: Session, guard: Guard): void {
  connection.onRequest(
    P.TasksRequest,
    guard.request(P.TasksRequest, { tasks: [] } as P.TasksResult, async (_params: unknown, token): Promise<P.TasksResult> => {
      const snapshot = await session.read(undefined, token);
      return { tasks: taskEntries(snapshot.allSpecs(), token).map(({ path: p, ...t }) => ({ ...t, uri: pathToUri(p) })) };
    }),
  );

  connection.onRequest(
    P.TaskPromptRequest,
    guard.request(P.TaskPromptRequest, null as P.TaskPromptResult | null, async (params: P.TaskRef, token) => {
      const snapshot = await session.read(undefined, token);
      return answer(() => {
        const view = agentView(snapshot, token);
        const task = findTask(specNamed(view.analysis.specs, params.spec), params.task);
        const markdown = `Implement this task.\n\n${taskContextMarkdown(taskContext(view, params.spec, params.task, token))}`;
        return { markdown, uri: pathToUri(task.path), line: task.node.range.start.line };
      });
    }),
  );

  connection.onRequest(
    P.TaskToggleRequest,
    guard.request(P.TaskToggleRequest, null as P.TaskToggleResult | null, async (params: P.TaskToggleParams, token) => {
      const snapshot = await session.read(undefined, token);
      return answer((): P.TaskToggleResult => {
        const view = agentView(snapshot, token);
        const current = findTask(specNamed(view.analysis.specs, params.spec), params.task).node.status;
        const { from, to, change } = setTaskState(view, params.spec, params.task, params.state ?? toggledState(current), token);
        return { from, to, ...(change ? { edit: wholeFileEdits([change]) } : {}) };
      });
    }),
  );

  connection.onRequest(
    P.RequirementsRequest,
    guard.request(P.RequirementsRequest, { items: [] } as P.RequirementsResult, async (_params: unknown, token): Promise<P.RequirementsResult> => {
      const snapshot = await session.read(undefined, token);
      return { items: requirementEntries(snapshot.allSpecs(), token).map(({ path: p, ...r }) => ({ ...r, uri: pathToUri(p) })) };
    }),
  );

  connection.onRequest(
    P.RenameRequirementRequest,
    guard.request(P.RenameRequirementRequest, null as P.EditChanges | null, async (params: P.RenameRequirementParams, token) => {
      const snapshot = await session.read(undefined, token);
      return answer(() => wholeFileEdits(renamePatch(agentView(snapshot, token), params.ref.trim(), params.newId.trim(), token).changes));
    }),
  );

  connection.onRequest(
    P.ReconfirmRequest,
    guard.request(P.ReconfirmRequest, { tags: 0 } as P.ReconfirmResult, async (_params: unknown, token): Promise<P.ReconfirmResult> => {
      const snapshot = await session.read(undefined, token);
      const { edits, tags } = reconfirmAllEdits(snapshot.allFindings(), token);
      return tags ? { tags, edit: toWorkspaceEdit(edits) } : { tags };
    }),
  );

  connection.onRequest(
    P.ExportReportRequest,
    guard.request(P.ExportReportRequest, null as P.ExportReportResult | null, async (params: P.ExportReportParams, token) => {
      const snapshot = await session.read(undefined, token);
      const target = uriToPath(params.outputUri);
      if (!target) return new ResponseError(-32602, `Cannot save a report to ${params.outputUri}: choose a file on disk.`);
      return { html: exportReportHtml(snapshot, path.dirname(target), token) };
    }),
  );

  connection.onRequest(
    P.NewSpecRequest,
    guard.request(P.NewSpecRequest, null as P.NewSpecResult | null, async (params: P.NewSpecParams, token) => {
      const snapshot = await session.read(undefined, token);
      const folder = uriToPath(params.folderUri);
      if (!folder) return new ResponseError(-32602, `${params.folderUri} is not a folder on disk.`);
      return answer(() => {
        const files = newSpecFiles(params.format, params.name, folder, snapshot.specDirs(), token);
        const taken = files.find((f) => fs.existsSync(f.path));
        if (taken) throw new QueryError(`${path.relative(folder, taken.path)} already exists; choose another name.`);
        return { files: files.map((f) => ({ uri: pathToUri(f.path), text: f.text })) };
      });
    }),
  );

  connection.onRequest(
    P.StatusRequest,
    guard.request(P.StatusRequest, null as P.StatusResult | null, async (_params: unknown, token) => {
      const snapshot = await session.read(undefined, token);
      const coverage = snapshot.traceAnalysis(token).coverage(token).summary.percent;
      return statusCounts(snapshot.specDirs().length, snapshot.allFindings(), coverage, token);
    }),
  );

  connection.onRequest(
    P.RulesRequest,
    guard.request(P.RulesRequest, { rules: [] } as P.RulesResult, (): P.RulesResult => ({
      rules: RULE_REGISTRY.map((r) => ({ code: r.meta.code, summary: r.meta.summary })),
    })),
  );
}

/** A query's answer, or its QueryError as an error response the client shows. */
function answer<T>(query: () => T): T | ResponseError<void> {
  try {
    return query();
  } catch (err) {
    if (err instanceof QueryError) return new ResponseError(-32602, err.message);
    throw err;
  }
}

/** File changes (old and new text) as edits that replace each file whole. */
function wholeFileEdits(changes: readonly FileChange[]): P.EditChanges {
  const out: Record<string, { range: P.LspRange; newText: string }[]> = {};
  for (const c of changes) {
    const lines = c.before.split(/\r\n|\r|\n/);
    const end = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
    out[pathToUri(c.path)] = [{ range: { start: { line: 0, character: 0 }, end }, newText: c.after }];
  }
  return { changes: out };
}

/** The agent queries' view of this snapshot (see host/agentView.ts). */
function agentView(snapshot: Snapshot, token: Parameters<Snapshot['traceAnalysis']>[0]): AgentView {
  return hostAgentView(snapshot.traceAnalysis(token), snapshot.roots, (p) => snapshot.textOf(p));
}
