// @spec specthread-core#18.1, specthread-core#18.2
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { NEVER_CANCELLED } from '../core/cancellation';
import { Severity } from '../core/findings';
import { parseUnifiedDiff } from '../core/queries/agent/diffFiles';
import { ChangedFile, impactOf } from '../core/queries/agent/impact';
import { nextId } from '../core/queries/agent/nextId';
import { QueryError } from '../core/queries/agent/queryError';
import { renamePatch } from '../core/queries/agent/renamePatch';
import { requirementDetails } from '../core/queries/agent/requirementDetails';
import { taskContext } from '../core/queries/agent/taskContext';
import { coverageAnswer, findingItems, listSpecs } from '../core/queries/agent/workspaceAnswers';
import * as out from './schemas';
import { McpSession } from './session';
import { answer } from './toolResult';

const DEFAULT_LIMIT = 200;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;

/** The read-only tools: each looks up its arguments, guards paths and asks one core query. */
export function registerReadTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'list_specs',
    {
      description: 'List every spec with its format, files and counts of requirements, criteria and tasks.',
      outputSchema: out.ListSpecsOut,
      annotations: READ_ONLY,
    },
    () => answer(session, () => ({ specs: listSpecs(session.view(), NEVER_CANCELLED) })),
  );

  server.registerTool(
    'get_requirement',
    {
      description:
        'One requirement or criterion by ref (<spec>#<id>, e.g. user-auth#1.2): its text, story, criteria with their coverage state, the tasks citing it, and the code and tests tagged with it.',
      inputSchema: { ref: z.string().describe('<spec>#<id>, as in @spec tags') },
      outputSchema: out.RequirementOut,
      annotations: READ_ONLY,
    },
    ({ ref }) => answer(session, () => requirementDetails(session.view(), ref, NEVER_CANCELLED)),
  );

  server.registerTool(
    'task_context',
    {
      description:
        'Everything needed to do one task: the task and its sub-tasks, the criteria it cites in full, the design sections that cite them, the files it names, related code and tests, and the steering files that apply.',
      inputSchema: { spec: z.string().describe('Spec name (folder name)'), task: z.string().describe('Task id, e.g. 2.1 or T012') },
      outputSchema: out.TaskContextOut,
      annotations: READ_ONLY,
    },
    ({ spec, task }) => answer(session, () => taskContext(session.view(), spec, task, NEVER_CANCELLED)),
  );

  server.registerTool(
    'validate',
    {
      description: 'Findings (rule code, severity, position) of the whole workspace, or only of the given files and folders.',
      inputSchema: {
        paths: z.array(z.string()).optional().describe('Files or folders relative to the workspace root'),
        limit: out.Limit.describe(`At most this many findings, errors first (default ${DEFAULT_LIMIT}); counts and total cover all`),
      },
      outputSchema: out.ValidateOut,
      annotations: READ_ONLY,
    },
    ({ paths, limit }) =>
      answer(session, () => {
        const targets = (paths ?? []).map((p) => session.resolve(p));
        const under = (p: string) => !targets.length || targets.some((t) => p === t || p.startsWith(t + '/'));
        const engine = session.engine;
        const findings = findingItems(session.view(), [...engine.configFindings(), ...engine.allFindings(NEVER_CANCELLED)], under);
        const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
        for (const f of findings) counts[f.severity]++;
        const severe = [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
        return { counts, total: findings.length, findings: severe.slice(0, limit ?? DEFAULT_LIMIT) };
      }),
  );

  server.registerTool(
    'coverage',
    {
      description:
        'Coverage along specified → tasked → implemented → verified: the summary per spec and every criterion still missing what the project requires.',
      inputSchema: {
        spec: z.string().optional().describe('Only this spec'),
        limit: out.Limit.describe(`At most this many gaps (default ${DEFAULT_LIMIT}); totalGaps counts all`),
      },
      outputSchema: out.CoverageOut,
      annotations: READ_ONLY,
    },
    ({ spec, limit }) => answer(session, () => coverageAnswer(session.view(), spec, NEVER_CANCELLED, limit ?? DEFAULT_LIMIT)),
  );

  server.registerTool(
    'impact',
    {
      description:
        'The requirements, criteria, tasks and tests a change touches (by @spec tags and the files tasks name). Give the changed files, or a unified diff (git diff) to narrow spec files to the changed lines.',
      inputSchema: {
        files: z.array(z.string()).optional().describe('Changed files relative to the workspace root'),
        diff: z.string().optional().describe('A unified diff, e.g. the output of git diff'),
      },
      outputSchema: out.ImpactOut,
      annotations: READ_ONLY,
    },
    ({ files, diff }) => answer(session, () => impactOf(session.view(), changedFiles(session, files, diff), NEVER_CANCELLED)),
  );

  server.registerTool(
    'next_id',
    {
      description: 'The next free requirement, criterion or task id of a spec, in its own numbering.',
      inputSchema: {
        spec: z.string(),
        kind: z.enum(['requirement', 'criterion', 'task']).optional().describe('Default: requirement'),
        parent: z.string().optional().describe('The requirement of a new criterion, or the parent of a new sub-task'),
      },
      outputSchema: out.NextIdOut,
      annotations: READ_ONLY,
    },
    ({ spec, kind, parent }) => answer(session, () => nextId(session.view(), spec, kind ?? 'requirement', parent, NEVER_CANCELLED)),
  );

  server.registerTool(
    'rename_id',
    {
      description: 'Rename a requirement or criterion id across specs, code and tests, as a dry run: the unified diff of every change. Nothing is written.',
      inputSchema: { ref: z.string().describe('<spec>#<id> to rename'), newId: z.string().describe('The new local id, e.g. 4 or 2.5') },
      outputSchema: out.RenameOut,
      annotations: READ_ONLY,
    },
    ({ ref, newId }) =>
      answer(session, () => {
        const { changes: _written, ...patch } = renamePatch(session.view(), ref, newId, NEVER_CANCELLED);
        return patch;
      }),
  );
}

/** The changed files of an `impact` call, every path through the guard. */
export function changedFiles(session: McpSession, files: readonly string[] | undefined, diff: string | undefined): ChangedFile[] {
  if (!files?.length && !diff) throw new QueryError("Give 'files' (paths relative to the workspace root) or 'diff' (a unified diff).");
  const out: ChangedFile[] = (files ?? []).map((f) => ({ path: session.resolve(f) }));
  if (diff) for (const f of parseUnifiedDiff(diff)) out.push({ path: session.resolve(f.path), ...(f.deleted ? {} : { lines: f.lines }) });
  return out;
}
