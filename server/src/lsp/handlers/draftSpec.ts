// @spec specthread-core#19.1, specthread-core#19.3
import { promises as fs } from 'fs';
import { Connection, ResponseError } from 'vscode-languageserver/node';
import { DraftSpecParams, DraftSpecRequest, DraftSpecResult } from '../../../../shared/studioProtocol';
import { draftSpec, draftSummary, proposeTags } from '../../core/studio/draftSpec';
import { isDraftFormat } from '../../core/studio/draft/writers';
import { NodeWorkspace } from '../../host/nodeWorkspace';
import { pathToUri, uriToPath } from '../../host/paths';
import { TreeSitterParser } from '../../host/treeSitterParser';
import { Guard } from '../guard';

/**
 * Spec Studio: `specthread/draftSpec` drafts a spec from a folder's code and answers the files
 * and the proposed tags as a preview; the server writes nothing, the client writes what the user accepts.
 */
export function registerDraftSpec(connection: Connection, guard: Guard): void {
  // One parser for the life of the server: its grammars load once, on the first draft.
  const parser = new TreeSitterParser();
  connection.onRequest(
    DraftSpecRequest,
    guard.request(DraftSpecRequest, null as DraftSpecResult | null, async (params: DraftSpecParams, token): Promise<DraftSpecResult | ResponseError<void>> => {
      const format = params.format ?? 'kiro';
      if (!isDraftFormat(format)) return new ResponseError(-32602, `format must be kiro, speckit or openspec, not '${String(format)}'`);
      if (params.name !== undefined && !/^[A-Za-z0-9][\w.-]*$/.test(params.name)) return new ResponseError(-32602, `not a spec name: '${params.name}'`);
      const folder = uriToPath(params.folder)?.replace(/\/+$/, '');
      const stat = folder ? await fs.stat(folder).catch(() => undefined) : undefined;
      if (!folder || !stat?.isDirectory()) return new ResponseError(-32602, `not a folder: ${params.folder}`);
      const workspace = new NodeWorkspace([folder]);
      const request = { folder, format, ...(params.name ? { name: params.name } : {}) };
      const result = await draftSpec(workspace, parser, request, token);
      const files = await Promise.all(
        result.files.map(async (f) => ({
          path: f.path,
          uri: pathToUri(`${folder}/${f.path}`),
          exists: !!(await fs.stat(`${folder}/${f.path}`).catch(() => undefined)),
          text: f.text,
        })),
      );
      const tags = params.tag
        ? (await proposeTags(workspace, request, result.draft, token)).map((c) => ({ uri: pathToUri(`${folder}/${c.path}`), line: c.line, text: c.tag }))
        : [];
      return { name: result.draft.name, files, tags, summary: draftSummary(result.draft) };
    }),
  );
}
