// @spec specthread-core#18.1, specthread-core#18.3, specthread-core#18.4
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { registerPrompts } from './prompts';
import { registerResources } from './resources';
import { McpSession } from './session';
import { registerReadTools } from './tools';
import { registerWriteTools } from './writeTools';

declare const SPECTHREAD_VERSION: string;

/** The MCP server over one session: read tools always, write tools only when the session allows writes. */
export function createMcpServer(session: McpSession): McpServer {
  const server = new McpServer(
    { name: 'specthread', version: typeof SPECTHREAD_VERSION === 'string' ? SPECTHREAD_VERSION : 'dev' },
    {
      instructions:
        'SpecThread knows the specs (requirements, criteria, tasks) and which code and tests implement them. ' +
        'Ask task_context before starting a task, get_requirement before citing one, impact and validate before finishing. ' +
        'Paths are relative to the workspace root.',
    },
  );
  registerReadTools(server, session);
  if (session.allowWrites) registerWriteTools(server, session);
  registerResources(server, session);
  registerPrompts(server, session);
  return server;
}

/** `specthread mcp [path] [--allow-writes]`: indexes the workspace, then serves MCP over stdio until stdin closes. */
export async function runMcp(target: string, allowWrites: boolean, cwd: string): Promise<void> {
  const session = await McpSession.open(target, cwd, allowWrites);
  session.watch();
  // A request that throws is answered as an error by the SDK; this keeps a stray rejection from ending the process.
  process.on('unhandledRejection', (err) => process.stderr.write(`specthread mcp: ${err instanceof Error ? err.stack : String(err)}\n`));
  const transport = new StdioServerTransport();
  transport.onclose = () => session.dispose();
  // The host ends the session by closing stdin; the watcher must not keep the process alive then.
  process.stdin.on('end', () => session.dispose());
  await createMcpServer(session).connect(transport);
}
