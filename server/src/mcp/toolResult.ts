// @spec specthread-core#18.2
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { QueryError } from '../core/queries/agent/queryError';
import { PathError } from '../host/pathGuard';
import type { McpSession } from './session';

/**
 * The one guard every tool runs through: the answer as `structuredContent` (and as JSON text for
 * clients that read only text), a bad request as a tool error naming the problem, and anything
 * else as a tool error too, logged to stderr, so that one failing call never stops the server.
 */
export async function answer(session: McpSession, run: () => object | Promise<object>): Promise<CallToolResult> {
  try {
    await session.settled();
    const data = await run();
    return { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data as Record<string, unknown> };
  } catch (err) {
    if (err instanceof QueryError || err instanceof PathError) return failure(err.message);
    process.stderr.write(`specthread mcp: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    return failure(`Internal error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}
