import { SpecFileFacts, SpecFileKind } from '../model';
import { PositionPool } from '../text/positionPool';
import { MarkdownDoc, parseMarkdown } from './markdown';
import { findSuppressions } from './suppressions';

/**
 * What every format's parser starts from: the Markdown document and the facts every file has
 * (path, kind, line count, suppression comments). Shared so each format's parser only adds its
 * own structure.
 */
export type FileBase = { path: string; kind: SpecFileKind; lineCount: number; suppressions?: SpecFileFacts['suppressions'] };

/** The facts a file with no structure has: nothing in it is linked or checked. */
export const NO_STRUCTURE = { requirements: [], tasks: [], refs: [], headings: [], glossary: [], notes: [] } as const;

/** `positions`: the engine's position pool (positionPool.ts), when the caller has the engine's cache. */
export function markdownBase(path: string, kind: SpecFileKind, text: string, positions?: PositionPool): { doc: MarkdownDoc; base: FileBase } {
  const doc = parseMarkdown(text, positions);
  // Suppression comments are rare; the property is left out when there are none.
  const suppressions = text.includes('specthread-') ? findSuppressions(doc) : [];
  return { doc, base: { path, kind, lineCount: doc.lines.lineCount, ...(suppressions.length ? { suppressions } : {}) } };
}

/** Lines as LSP counts them: `\n`, `\r\n` and a lone `\r` each end one. */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}
