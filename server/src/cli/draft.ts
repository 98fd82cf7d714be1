// @spec specthread-core#19.1, specthread-core#19.2, specthread-core#19.3
import { promises as fs } from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { unifiedDiff } from '../core/queries/agent/textEdits';
import { draftSpec, draftSummary, proposeTags } from '../core/studio/draftSpec';
import { writeFileAtomic } from '../host/atomicWrite';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { toPosixPath } from '../host/paths';
import { TreeSitterParser } from '../host/treeSitterParser';
import { DraftOptions, UsageError } from './args';
import { CommandResult } from './commandResult';

/**
 * `specthread draft`: reads the code, writes the spec files atomically (keeping files that exist
 * unless --force), and with --tag adds `@spec` lines to the code and tests it came from.
 * --dry-run writes nothing at all.
 */
export async function runDraft(args: DraftOptions, cwd: string): Promise<CommandResult> {
  const folder = path.resolve(cwd, args.path);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`not a folder: ${args.path}`);
  const root = toPosixPath(folder);
  const workspace = new NodeWorkspace([root]);
  const request = { folder: root, format: args.format, ...(args.name ? { name: args.name } : {}) };
  const result = await draftSpec(workspace, new TreeSitterParser(), request, NEVER_CANCELLED);
  const summary = draftSummary(result.draft);
  const outBase = path.resolve(cwd, args.output ?? args.path);
  const notes: string[] = [summary];
  const stdout: string[] = [];

  if (args.dryRun && !args.tag) {
    for (const f of result.files) stdout.push(`=== ${f.path}`, f.text);
    return { exitCode: 0, stdout: stdout.join('\n'), stderr: notes.join('\n') };
  }

  let kept = false;
  if (!args.dryRun) {
    for (const f of result.files) {
      const target = path.join(outBase, f.path);
      const relative = path.relative(cwd, target) || f.path;
      if (!args.force && (await fs.stat(target).catch(() => undefined))) {
        notes.push(`Kept ${relative}: it exists (--force replaces it).`);
        kept = true;
        continue;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, f.text);
      stdout.push(`Wrote ${relative}`);
    }
  }

  if (args.tag) {
    const changes = await proposeTags(workspace, request, result.draft, NEVER_CANCELLED);
    for (const change of changes) {
      if (args.dryRun) stdout.push(unifiedDiff(change.path, change.before, change.after).replace(/\n$/, ''));
      else await writeFileAtomic(path.join(folder, change.path), change.after);
    }
    notes.push(args.dryRun ? `Would tag ${changes.length} files (--dry-run: nothing written).` : `Tagged ${changes.length} files.`);
  }
  return { exitCode: kept ? 1 : 0, stdout: stdout.join('\n'), stderr: notes.join('\n') };
}
