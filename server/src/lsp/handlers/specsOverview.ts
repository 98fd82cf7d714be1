// @spec specthread-core#20.2
import { Connection } from 'vscode-languageserver/node';
import { SpecsOverview, SpecsOverviewRequest } from '../../../../shared/specsViewProtocol';
import { specsOverview } from '../../core/queries/specsOverview';
import { Guard } from '../guard';
import { Session } from '../session';

/** The Specs view's and the Coverage view's data: one request, answered by the core's specsOverview. */
export function registerSpecsOverview(connection: Connection, session: Session, guard: Guard): void {
  // A failed request answers null: the views then show their empty state rather than an error toast.
  connection.onRequest(
    SpecsOverviewRequest,
    guard.request(SpecsOverviewRequest, null as SpecsOverview | null, async (_params: unknown, token): Promise<SpecsOverview> => {
      const snapshot = await session.read(undefined, token);
      // The editor's test reports (specthread.testResults), when configured, fill the test results column.
      return specsOverview(snapshot.traceAnalysis(token), (spec) => snapshot.findingsOfSpec(spec), token, session.testPassing);
    }),
  );
}
