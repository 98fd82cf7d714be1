// @spec specthread-core#18.1, specthread-core#18.2
import * as fs from 'fs';
import * as path from 'path';
import { AgentView } from '../core/queries/agent/agentView';
import { TraceAnalysis } from '../core/trace/traceAnalysis';
import { guardPath } from './pathGuard';

/**
 * The agent queries' view of one analysed state, for every transport that serves them (the MCP
 * session and the editor's Start Task and Rename). Spec files come from the engine, as it analysed
 * them; code and tests, of which the engine keeps no text, come from disk, and only from inside a
 * workspace root: a path that climbs out or leaves through a symbolic link reads as absent.
 */
export function hostAgentView(analysis: TraceAnalysis, roots: readonly string[], engineText: (path: string) => string | undefined): AgentView {
  const rootOf = (p: string) => roots.map((r) => r.replace(/(?<!^)\/$/, '')).find((r) => p === r || p.startsWith(r + '/'));
  return {
    analysis,
    textOf: (p) => engineText(p) ?? readInside(rootOf(p), p),
    show: (p) => {
      const root = rootOf(p);
      return root === undefined ? p : p === root ? '.' : path.posix.relative(root, p);
    },
  };
}

function readInside(root: string | undefined, p: string): string | undefined {
  if (root === undefined) return undefined;
  try {
    return fs.readFileSync(guardPath(root, path.posix.relative(root, p)), 'utf8');
  } catch {
    // Missing, unreadable, or outside the root: the queries treat the file as absent.
    return undefined;
  }
}
