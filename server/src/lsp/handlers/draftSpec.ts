// @spec specthread-core#19.1, specthread-core#19.3, specthread-core#19.5
import { promises as fs } from 'fs';
import { Connection, ResponseError } from 'vscode-languageserver/node';
import {
  DraftSpecParams,
  DraftSpecRequest,
  DraftSpecResult,
  RenderDraftParams,
  RenderDraftRequest,
  RenderDraftResult,
} from '../../../../shared/studioProtocol';
import { CancellationToken } from '../../core/cancellation';
import { DraftRequest, draftSpec, draftSummary, proposeTags } from '../../core/studio/draftSpec';
import { Draft } from '../../core/studio/draft/model';
import { rewordDraft } from '../../core/studio/draft/rewordDraft';
import { criteriaKey, rewordBatches } from '../../core/studio/draft/rewordPrompt';
import { criterionRefs, isDraftFormat, writeDraft } from '../../core/studio/draft/writers';
import { NodeWorkspace } from '../../host/nodeWorkspace';
import { pathToUri, uriToPath } from '../../host/paths';
import { TreeSitterParser } from '../../host/treeSitterParser';
import { Guard } from '../guard';

/**
 * Spec Studio: `specthread/draftSpec` drafts a spec from a folder's code and answers the files
 * and the proposed tags as a preview; `specthread/renderDraft` drafts the same code again and
 * renders it with the language model's rewrites that the core's validator accepts. The server
 * writes nothing, the client writes what the user accepts.
 */
export function registerDraftSpec(connection: Connection, guard: Guard): void {
  // One parser for the life of the server: its grammars load once, on the first draft.
  const parser = new TreeSitterParser();

  /** The checked request and the draft of its folder, or the error to answer. */
  async function draftOf(params: DraftSpecParams, token: CancellationToken) {
    const format = params.format ?? 'kiro';
    if (!isDraftFormat(format)) return new ResponseError(-32602, `format must be kiro, speckit or openspec, not '${String(format)}'`);
    if (params.name !== undefined && !/^[A-Za-z0-9][\w.-]*$/.test(params.name)) return new ResponseError(-32602, `not a spec name: '${params.name}'`);
    const folder = uriToPath(params.folder)?.replace(/\/+$/, '');
    const stat = folder ? await fs.stat(folder).catch(() => undefined) : undefined;
    if (!folder || !stat?.isDirectory()) return new ResponseError(-32602, `not a folder: ${params.folder}`);
    const workspace = new NodeWorkspace([folder]);
    const request: DraftRequest = { folder, format, ...(params.name ? { name: params.name } : {}) };
    return { workspace, request, result: await draftSpec(workspace, parser, request, token) };
  }

  /** The preview of a draft: its files (with whether each exists), the proposed tags, the summary line. */
  async function preview(
    params: DraftSpecParams,
    workspace: NodeWorkspace,
    request: DraftRequest,
    draft: Draft,
    token: CancellationToken,
  ): Promise<DraftSpecResult> {
    const folder = request.folder;
    const files = await Promise.all(
      writeDraft(draft, request.format).map(async (f) => ({
        path: f.path,
        uri: pathToUri(`${folder}/${f.path}`),
        exists: !!(await fs.stat(`${folder}/${f.path}`).catch(() => undefined)),
        text: f.text,
      })),
    );
    const tags = params.tag
      ? (await proposeTags(workspace, request, draft, token)).map((c) => ({ uri: pathToUri(`${folder}/${c.path}`), line: c.line, text: c.tag }))
      : [];
    return { name: draft.name, files, tags, summary: draftSummary(draft) };
  }

  connection.onRequest(
    DraftSpecRequest,
    guard.request(DraftSpecRequest, null as DraftSpecResult | null, async (params: DraftSpecParams, token): Promise<DraftSpecResult | ResponseError<void>> => {
      const drafted = await draftOf(params, token);
      if (drafted instanceof ResponseError) return drafted;
      const { workspace, request, result } = drafted;
      const answer = await preview(params, workspace, request, result.draft, token);
      if (!params.reword) return answer;
      const batches = rewordBatches(result.draft);
      const key = criteriaKey(batches.flatMap((b) => b.criteria));
      return { ...answer, reword: { key, batches: batches.map((b) => ({ ids: b.criteria.map((c) => c.id), prompt: b.prompt })) } };
    }),
  );

  connection.onRequest(
    RenderDraftRequest,
    guard.request(
      RenderDraftRequest,
      null as RenderDraftResult | null,
      async (params: RenderDraftParams, token): Promise<RenderDraftResult | ResponseError<void>> => {
        if (!Array.isArray(params.answers) || params.answers.some((a) => a !== null && typeof a !== 'string')) {
          return new ResponseError(-32602, 'answers must be a list of strings or nulls, one per batch');
        }
        const drafted = await draftOf(params, token);
        if (drafted instanceof ResponseError) return drafted;
        const { workspace, request, result } = drafted;
        const batches = rewordBatches(result.draft);
        if (criteriaKey(batches.flatMap((b) => b.criteria)) !== params.key) {
          return new ResponseError(-32602, 'the code changed since the draft was made: draft again');
        }
        const outcome = rewordDraft(
          result.draft,
          batches,
          params.answers.map((a) => a ?? undefined),
          token,
        );
        const refs = criterionRefs(outcome.draft, request.format);
        const refOf = (id: string): string => {
          const [r, c] = id.split('.').map(Number);
          return refs(r ?? 0, c ?? 0)[0] ?? id;
        };
        return {
          ...(await preview(params, workspace, request, outcome.draft, token)),
          reworded: {
            reworded: outcome.reworded,
            unchanged: outcome.unchanged,
            notAsked: outcome.notAsked,
            rejected: outcome.rejected.map((r) => ({ ...r, ref: refOf(r.id) })),
          },
        };
      },
    ),
  );
}
