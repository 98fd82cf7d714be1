// @spec specthread-core#19.4
import { Connection, ResponseError } from 'vscode-languageserver/node';
import { TestStubsParams, TestStubsRequest, TestStubsResult } from '../../../../shared/studioProtocol';
import { FrameworkName, isFrameworkName } from '../../core/studio/testStubs/frameworks';
import { TestStubPlan, TestStubsError, testStubsFor } from '../../core/studio/testStubs/testStubs';
import { Workspace } from '../../core/workspace';
import { pathToUri, uriToPath } from '../../host/paths';
import { Guard } from '../guard';
import { Session } from '../session';

/**
 * Spec Studio requests. `specthread/testStubs` answers the stubs as a preview: the plan and a
 * WorkspaceEdit the client applies only when the user accepts; nothing is written here.
 */
export function registerTestStubs(connection: Connection, session: Session, guard: Guard, workspace: Workspace): void {
  connection.onRequest(
    TestStubsRequest,
    guard.request(TestStubsRequest, null as TestStubsResult | null, async (params: TestStubsParams, token): Promise<TestStubsResult | ResponseError<void>> => {
      if (!params || typeof params.spec !== 'string')
        return new ResponseError(-32602, 'Give the spec: its name, or the URI of its folder or one of its files.');
      if (params.framework !== undefined && !isFrameworkName(params.framework)) return new ResponseError(-32602, `Unknown framework ${params.framework}.`);
      const snapshot = await session.read(undefined, token);
      const spec = params.spec.includes(':') ? (uriToPath(params.spec) ?? params.spec) : params.spec;
      try {
        const plan = await testStubsFor(
          snapshot.stubSource((p, t) => workspace.readFile(p, t)),
          spec,
          { criteria: params.criteria ?? [], ...(params.framework ? { framework: params.framework as FrameworkName } : {}) },
          token,
        );
        return toResult(plan);
      } catch (err) {
        if (err instanceof TestStubsError) return new ResponseError(-32602, err.message);
        throw err;
      }
    }),
  );
}

function toResult(plan: TestStubPlan): TestStubsResult {
  const files = plan.files.map((f) => ({
    uri: pathToUri(f.path),
    create: f.create,
    text: f.text,
    ...(f.insertAt ? { insertAt: f.insertAt } : {}),
    refs: f.refs,
  }));
  const start = { line: 0, character: 0 };
  return {
    spec: plan.spec,
    framework: plan.framework,
    evidence: plan.evidence,
    files,
    skipped: plan.skipped,
    edit: {
      documentChanges: files.flatMap((f) => {
        const at = f.insertAt ?? start;
        const insert = { textDocument: { uri: f.uri, version: null }, edits: [{ range: { start: at, end: at }, newText: f.text }] };
        return f.create ? [{ kind: 'create' as const, uri: f.uri, options: { ignoreIfExists: false } }, insert] : [insert];
      }),
    },
  };
}
