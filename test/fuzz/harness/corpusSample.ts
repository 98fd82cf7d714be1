// @spec specthread-core#14.7
import * as fs from 'fs';
import * as path from 'path';
import { SpecFormat } from '../../../server/src/core/model';
import { locateSpecFile } from '../../../server/src/core/specLocation';
import { REPO } from '../../helpers/fixtures';

/**
 * A fixed, small sample of real spec folders from the shared corpus (../shared/corpus), chosen
 * the same way on every machine: spec folders sorted by repository and path, small enough to
 * keep a case fast, then evenly spaced picks per format. Each folder keeps its files' paths
 * relative to the repository root, so the engine locates them as it would in the repository.
 */

export const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');

export interface CorpusFolder {
  /** `<format>/<owner__repo>:<spec folder>`, for failure reports. */
  readonly name: string;
  readonly format: SpecFormat;
  readonly files: Readonly<Record<string, string>>;
}

export type CorpusSample = { readonly folders: readonly CorpusFolder[] } | { readonly missing: string };

/** A folder over this many characters makes a case slow without finding more. */
const MAX_FOLDER_CHARS = 24_000;
const PER_FORMAT = 10;

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) markdownFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

export function loadCorpusSample(): CorpusSample {
  if (!fs.existsSync(CORPUS)) return { missing: `the shared corpus is not at ${CORPUS} (CI provides it beside the checkout)` };
  const folders: CorpusFolder[] = [];
  for (const format of ['kiro', 'speckit', 'openspec'] as const) {
    const formatDir = path.join(CORPUS, format);
    if (!fs.existsSync(formatDir)) return { missing: `the corpus at ${CORPUS} has no ${format}/ folder` };
    const candidates: CorpusFolder[] = [];
    for (const repo of fs.readdirSync(formatDir).sort()) {
      const root = path.join(formatDir, repo);
      const groups = new Map<string, Record<string, string>>();
      for (const file of markdownFiles(root).sort()) {
        const rel = path.relative(root, file).split(path.sep).join('/');
        const location = locateSpecFile(`/ws/${rel}`);
        if (!location || location.format !== format || location.archived) continue;
        const group = groups.get(location.specDir) ?? {};
        group[rel] = fs.readFileSync(file, 'utf8');
        groups.set(location.specDir, group);
      }
      for (const [dir, files] of groups) {
        const size = Object.values(files).reduce((n, t) => n + t.length, 0);
        if (size > 0 && size <= MAX_FOLDER_CHARS) candidates.push({ name: `${format}/${repo}:${dir.slice('/ws/'.length)}`, format, files });
      }
    }
    if (candidates.length === 0) return { missing: `the corpus at ${CORPUS} has no ${format} spec folder under ${MAX_FOLDER_CHARS} characters` };
    const step = candidates.length / Math.min(PER_FORMAT, candidates.length);
    for (let i = 0; i < Math.min(PER_FORMAT, candidates.length); i++) folders.push(candidates[Math.floor(i * step)]);
  }
  return { folders };
}
