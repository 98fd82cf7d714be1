// @spec specthread-core#18.4
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { NEVER_CANCELLED } from '../core/cancellation';
import { impactOf } from '../core/queries/agent/impact';
import { taskContext } from '../core/queries/agent/taskContext';
import { taskContextMarkdown } from '../core/queries/agent/taskContextMarkdown';
import { findingItems } from '../core/queries/agent/workspaceAnswers';
import { McpSession } from './session';
import { changedFiles } from './tools';

/** `implement-task` packs a task's context into the prompt; `review-change` packs a change's impact and findings. */
export function registerPrompts(server: McpServer, session: McpSession): void {
  server.registerPrompt(
    'implement-task',
    {
      description: 'Implement one task of a spec, with its criteria, design sections, files and steering packed in.',
      argsSchema: { spec: z.string().describe('Spec name'), task: z.string().describe('Task id') },
    },
    async ({ spec, task }) => {
      await session.settled();
      const ctx = taskContext(session.view(), spec, task, NEVER_CANCELLED);
      return {
        description: `Task ${task} of ${ctx.spec}`,
        messages: [{ role: 'user', content: { type: 'text', text: `Implement this task.\n\n${taskContextMarkdown(ctx)}` } }],
      };
    },
  );

  server.registerPrompt(
    'review-change',
    {
      description: 'Review a change against the specs: what it touches (requirements, criteria, tasks, tests) and the findings in the changed files.',
      argsSchema: {
        files: z.string().optional().describe('Changed files relative to the workspace root, comma separated'),
        diff: z.string().optional().describe('A unified diff'),
      },
    },
    async ({ files, diff }) => {
      await session.settled();
      const list = files
        ?.split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      const changes = changedFiles(session, list, diff);
      const view = session.view();
      const impact = impactOf(view, changes, NEVER_CANCELLED);
      const paths = new Set(changes.map((c) => c.path));
      const findings = findingItems(view, session.engine.allFindings(NEVER_CANCELLED), (p) => paths.has(p));
      const text = [
        'Review this change against the specs. Check that every touched criterion is still met, that the tests listed verify it, and that no finding below is new.',
        '',
        '## Impact',
        '```json',
        JSON.stringify(impact, null, 1),
        '```',
        '',
        '## Findings in the changed files',
        findings.length ? findings.map((f) => `- ${f.path}:${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`).join('\n') : 'None.',
      ].join('\n');
      return { description: 'Review of a change', messages: [{ role: 'user', content: { type: 'text', text } }] };
    },
  );
}
