// @spec specthread-core#18.1
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { REPO } from './fixtures';

export const CLI = path.join(REPO, 'dist', 'cli.js');

/** An MCP client over stdio to `node dist/cli.js mcp <dir>`, as an agent's host starts it. */
export async function connectMcp(dir: string, ...flags: string[]): Promise<{ client: Client; stderr: () => string; close: () => Promise<void> }> {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run npm run build first`);
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', dir, ...flags], stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'specthread-test', version: '0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** A tool's structured answer; fails the test when the call was a tool error. */
export async function callOk<T = Record<string, unknown>>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
  assert.ok(result.structuredContent, `${name} answered without structuredContent`);
  return result.structuredContent as T;
}

/** A tool error's message; fails the test when the call succeeded. */
export async function callError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  assert.strictEqual(result.isError, true, `${name} should have failed: ${JSON.stringify(result.structuredContent)}`);
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : '';
}
