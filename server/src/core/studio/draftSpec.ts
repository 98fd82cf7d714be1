// @spec specthread-core#19.1, specthread-core#19.2, specthread-core#19.3
import { CancellationToken } from '../cancellation';
import { Workspace } from '../workspace';
import { CodeParser } from './codeParser';
import { buildDraft, slugOf } from './draft/buildDraft';
import { Draft, DraftFile } from './draft/model';
import { TagChange, refsBySource, tagChanges } from './draft/tagPatch';
import { DraftFormat, criterionRefs, writeDraft } from './draft/writers';
import { extractCode } from './extractCode';
import { FileFacts } from './facts';

export interface DraftRequest {
  /** The folder whose code is drafted, absolute with `/`. */
  readonly folder: string;
  readonly format: DraftFormat;
  /** The spec's name; the folder's name when not given. */
  readonly name?: string;
}

export interface DraftResult {
  readonly draft: Draft;
  readonly facts: readonly FileFacts[];
  /** The spec files, paths relative to the output folder. */
  readonly files: readonly DraftFile[];
}

/** The one entry the CLI, the language server and tests share: code in, spec files out, nothing written. */
export async function draftSpec(workspace: Workspace, parser: CodeParser, request: DraftRequest, token: CancellationToken): Promise<DraftResult> {
  const facts = await extractCode(workspace, parser, request.folder, token);
  const folderName = request.folder.replace(/\/+$/, '').split('/').pop() ?? 'draft';
  const draft = buildDraft(slugOf(request.name ?? folderName), facts);
  return { draft, facts, files: writeDraft(draft, request.format) };
}

/** One line a reviewer reads first: how much the draft covers. */
export function draftSummary(draft: Draft): string {
  const c = draft.counts;
  return `Drafted ${draft.requirements.length} requirements from ${c.files} files: ${c.publicNames} public names, ${c.routes} routes, ${c.commands} commands, ${c.tests} tests.`;
}

/** The `@spec` lines `--tag` proposes for the code and test files the draft came from, read through the workspace. */
export async function proposeTags(workspace: Workspace, request: DraftRequest, draft: Draft, token: CancellationToken): Promise<TagChange[]> {
  const refs = refsBySource(draft, criterionRefs(draft, request.format));
  const texts = new Map<string, string>();
  for (const rel of refs.keys()) {
    const text = await workspace.readFile(`${request.folder.replace(/\/+$/, '')}/${rel}`, token);
    if (text !== undefined) texts.set(rel, text);
  }
  return tagChanges(refs, (rel) => texts.get(rel));
}
