// @spec specthread-core#18.4
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { NEVER_CANCELLED } from '../core/cancellation';
import { coverageAnswer } from '../core/queries/agent/workspaceAnswers';
import { McpSession } from './session';

const SPEC_FILE = 'specthread://spec/{+path}';

/** Each spec file (its path relative to the workspace in the URI) and the coverage report. */
export function registerResources(server: McpServer, session: McpSession): void {
  server.registerResource(
    'spec-file',
    new ResourceTemplate(SPEC_FILE, {
      list: async () => {
        await session.settled();
        const view = session.view();
        const engine = session.engine;
        return {
          resources: engine
            .specDirs()
            .flatMap((dir) =>
              engine.filesOfSpec(dir).map((p) => ({ uri: `specthread://spec/${encodePath(view.show(p))}`, name: view.show(p), mimeType: 'text/markdown' })),
            ),
        };
      },
    }),
    { description: 'A spec file (requirements, design, tasks, steering …) as SpecThread read it.', mimeType: 'text/markdown' },
    async (uri, variables) => {
      await session.settled();
      const raw = variables.path;
      const rel = decodeURIComponent(Array.isArray(raw) ? raw.join('/') : (raw ?? ''));
      const abs = session.resolve(rel);
      const text = session.engine.isTracked(abs) ? session.engine.textOf(abs) : undefined;
      if (text === undefined) throw new Error(`'${rel}' is not a spec file of this workspace.`);
      return { contents: [{ uri: uri.href, mimeType: abs.endsWith('.json') ? 'application/json' : 'text/markdown', text }] };
    },
  );

  server.registerResource(
    'coverage',
    'specthread://coverage',
    { description: 'Coverage of every spec and the criteria still missing what is required (JSON).', mimeType: 'application/json' },
    (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(coverageAnswer(session.view(), undefined, NEVER_CANCELLED), null, 1) }],
    }),
  );
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
