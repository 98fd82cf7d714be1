// @spec specthread-core#18.3
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { NEVER_CANCELLED } from '../core/cancellation';
import { renamePatch } from '../core/queries/agent/renamePatch';
import { TASK_STATES, setTaskState } from '../core/queries/agent/taskState';
import * as out from './schemas';
import { McpSession } from './session';
import { answer } from './toolResult';

const WRITES = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** The tools that write files; registered only with `--allow-writes`. Writes are atomic (temp file + rename). */
export function registerWriteTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'set_task_state',
    {
      description: "Set a task's checkbox: open [ ], in-progress [-], queued [~] or done [x]. Only the marker changes.",
      inputSchema: { spec: z.string(), task: z.string(), state: z.enum(TASK_STATES as [string, ...string[]]) },
      outputSchema: out.TaskStateOut,
      annotations: WRITES,
    },
    ({ spec, task, state }) =>
      answer(session, async () => {
        const { change, ...result } = setTaskState(session.view(), spec, task, state as (typeof TASK_STATES)[number], NEVER_CANCELLED);
        if (change) await session.write([change]);
        return { ...result, written: !!change };
      }),
  );

  server.registerTool(
    'apply_rename',
    {
      description: 'Rename a requirement or criterion id across specs, code and tests, and write the files. rename_id shows the same change without writing.',
      inputSchema: { ref: z.string(), newId: z.string() },
      outputSchema: out.ApplyRenameOut,
      annotations: WRITES,
    },
    ({ ref, newId }) =>
      answer(session, async () => {
        const { changes, ...patch } = renamePatch(session.view(), ref, newId, NEVER_CANCELLED);
        await session.write(changes);
        return { ...patch, written: patch.files };
      }),
  );
}
