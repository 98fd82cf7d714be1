// @spec specthread-core#15.3, specthread-core#20.3
import { Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { IndexedNotification, IndexedParams, IndexingProgressNotification, IndexingProgressParams } from '../../../shared/protocol';
import { AnalysisChangedNotification } from '../../../shared/specsViewProtocol';

/**
 * What the session sends to the client. The LSP connection is adapted to this small shape so
 * that the writer and the publisher can be driven in-process by tests, with a fake client.
 */
export interface ClientLink {
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  indexed(params: IndexedParams): void;
  /** Start-up indexing progress, for the client's status item. Optional for fake clients. */
  indexingProgress?(params: IndexingProgressParams): void;
  /** The analysis may have changed (a publish step ran): views ask again. Optional for fake clients. */
  analysisChanged?(): void;
  readonly log: {
    error(message: string): void;
    warn(message: string): void;
    info(message: string): void;
  };
}

/** The open documents as the session reads them (vscode-languageserver's TextDocuments fits). */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  getText(range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string;
}

export interface OpenDocuments {
  get(uri: string): OpenDocument | undefined;
  all(): readonly OpenDocument[];
}

export function linkOf(connection: Connection): ClientLink {
  return {
    sendDiagnostics: (params) => void connection.sendDiagnostics(params),
    indexed: (params) => void connection.sendNotification(IndexedNotification, params),
    indexingProgress: (params) => void connection.sendNotification(IndexingProgressNotification, params),
    analysisChanged: () => void connection.sendNotification(AnalysisChangedNotification),
    log: {
      error: (message) => connection.console.error(message),
      warn: (message) => connection.console.warn(message),
      info: (message) => connection.console.info(message),
    },
  };
}
