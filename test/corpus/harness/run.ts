// @spec specthread-core#16.5
import * as fs from 'fs';
import * as path from 'path';
import { reportedFindings } from '../../../server/src/cli/check';
import { openWorkspace } from '../../../server/src/cli/openWorkspace';
import { NEVER_CANCELLED } from '../../../server/src/core/cancellation';
import { Severity } from '../../../server/src/core/findings';
import { inventory } from '../../../server/src/core/inventory';
import { toPosixPath } from '../../../server/src/host/paths';

/** One finding of a default `specthread check <repo>`, with its path relative to the repository folder. */
export interface CorpusFinding {
  /** `<format>/<owner>__<name>`, the folder under the corpus. */
  readonly repo: string;
  readonly file: string;
  /** 1-based, as the CLI prints it. */
  readonly line: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface RepoRun {
  readonly repo: string;
  readonly findings: CorpusFinding[];
  /** Spec folders (features, bugfixes, capabilities, changes) whose requirement, spec, tasks or delta files have content. */
  readonly foldersWithContent: string[];
  /** Those of them from which nothing was read: no requirement, story, criterion, task or delta. */
  readonly foldersYieldingNothing: string[];
}

/** Every repository folder of the corpus as `<format>/<name>`, sorted. */
export function corpusRepos(corpus: string): string[] {
  return (['kiro', 'speckit', 'openspec'] as const).flatMap((format) => {
    const dir = path.join(corpus, format);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `${format}/${e.name}`)
      .sort();
  });
}

/** The kinds of spec folder that hold requirements or tasks; steering, hooks, a constitution or project.md hold none by nature. */
const SPEC_KINDS = new Set(['feature', 'bugfix', 'capability', 'change']);
/** The file kinds a reader must get something from; prose (design, research, a proposal) has nothing to count. */
const READ_KINDS = new Set(['requirements', 'bugfix', 'spec', 'tasks', 'delta']);

/**
 * Runs the default configuration on one repository exactly as `specthread check <repo>` does
 * (the CLI's own workspace opening and finding selection, so no analysis is repeated here), and
 * takes the inventory of the same engine.
 */
export async function runRepo(corpus: string, repo: string): Promise<RepoRun> {
  const root = toPosixPath(path.join(corpus, repo));
  const opened = await openWorkspace([root], [], root, true, { log: () => undefined });
  const findings = reportedFindings(opened, [root], root).map((f): CorpusFinding => ({
    repo,
    file: path.posix.relative(root, f.path),
    line: f.range.start.line + 1,
    code: f.code,
    severity: f.severity,
    message: f.message,
  }));
  const { engine } = opened;
  const foldersWithContent: string[] = [];
  const foldersYieldingNothing: string[] = [];
  for (const entry of inventory(engine.allSpecs(), NEVER_CANCELLED)) {
    if (!SPEC_KINDS.has(entry.kind)) continue;
    const readable = engine.filesOfSpec(entry.dir).filter((p) => READ_KINDS.has(engine.facts(p)?.kind ?? '') && hasContent(p));
    if (!readable.length) continue;
    const rel = path.posix.relative(root, entry.dir) || '.';
    foldersWithContent.push(rel);
    const tasks = Object.values(entry.tasks).reduce((a, b) => a + b, 0);
    const deltas = entry.deltas ? Object.values(entry.deltas).reduce((a, b) => a + b, 0) : 0;
    if (entry.requirements + entry.stories + entry.criteria + tasks + deltas === 0) foldersYieldingNothing.push(rel);
  }
  return { repo, findings, foldersWithContent, foldersYieldingNothing };
}

function hasContent(file: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8').trim().length > 0;
  } catch {
    return false;
  }
}
