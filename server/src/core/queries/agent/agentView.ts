// @spec specthread-core#18.1
import type { CoverageReport, CriterionCoverage } from '../../../../../shared/coverage';
import { CancellationToken } from '../../cancellation';
import { Located } from '../../index/specModel';
import { TaskNode } from '../../model';
import { Range } from '../../text/range';
import { TraceAnalysis } from '../../trace/traceAnalysis';
import { TraceLink } from '../../trace/traceIndex';

/**
 * What the agent queries (the MCP tools, and the editor's "Start Task") read: one state of the
 * thread, the text of each file, and how a path is shown to the asker (relative to the workspace,
 * because agents quote paths back and absolute paths leak the machine's layout).
 */
export interface AgentView {
  readonly analysis: TraceAnalysis;
  textOf(path: string): string | undefined;
  show(path: string): string;
}

/** A place in a file, lines counted from 1 as editors and agents quote them. */
export interface Place {
  readonly path: string;
  readonly line: number;
}

export interface TaskSummary extends Place {
  readonly id?: string;
  readonly title: string;
  readonly status: TaskNode['status'];
  readonly optional: boolean;
}

export interface TagPlace extends Place {
  /** The ref as written in the tag or test title. */
  readonly ref: string;
}

export function placeOf(view: AgentView, path: string, range: Range): Place {
  return { path: view.show(path), line: range.start.line + 1 };
}

export function taskSummary(view: AgentView, t: Located<TaskNode>): TaskSummary {
  return {
    ...(t.node.id ? { id: t.node.id } : {}),
    title: t.node.title,
    status: t.node.status,
    optional: t.node.optional,
    ...placeOf(view, t.path, t.node.range),
  };
}

export function tagPlace(view: AgentView, link: TraceLink): TagPlace {
  return { ref: `${link.tag.spec}#${link.tag.id}`, ...placeOf(view, link.path, link.tag.range) };
}

/** Each tag once, in path and line order (a tag on a requirement and one on its criterion may be the same line). */
export function uniquePlaces<T extends Place>(places: readonly T[]): T[] {
  const seen = new Set<string>();
  return places
    .filter((p) => {
      const key = `${p.path}:${p.line}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** The coverage of every criterion by full ref. */
export function coverageByRef(report: CoverageReport): Map<string, CriterionCoverage> {
  const out = new Map<string, CriterionCoverage>();
  for (const s of report.specs) for (const r of s.requirements) for (const c of r.criteria) out.set(c.ref, c);
  return out;
}

export function coverageOf(view: AgentView, token: CancellationToken): Map<string, CriterionCoverage> {
  return coverageByRef(view.analysis.coverage(token));
}
