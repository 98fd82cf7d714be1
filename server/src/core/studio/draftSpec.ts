// @spec specthread-core#19.1, specthread-core#19.2
import { CancellationToken } from '../cancellation';
import { Workspace } from '../workspace';
import { CodeParser } from './codeParser';
import { buildDraft, slugOf } from './draft/buildDraft';
import { Draft, DraftFile } from './draft/model';
import { DraftFormat, writeDraft } from './draft/writers';
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
