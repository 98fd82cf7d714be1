// @spec specthread-core#14.4, specthread-core#15.6
import { FileNote } from '../../core/fileNote';
import { relativePath } from '../formatters/paths';

/** Enough lines to name every skipped file in an ordinary repository without flooding a terminal. */
const MAX_LISTED = 20;

/**
 * The files the workspace declined or read with a fallback encoding, for `specthread check` on
 * stderr: a count, then one line per file naming it and why, so nothing is dropped without a word
 * even when it belongs to no spec (a symlinked spec folder outside the workspace).
 */
export function fileNotesSummary(notes: readonly FileNote[], cwd: string): string {
  if (notes.length === 0) return '';
  const lines = notes.slice(0, MAX_LISTED).map((n) => `  ${relativePath(n.path, cwd)}: ${n.detail}\n`);
  const more = notes.length > MAX_LISTED ? `  … and ${notes.length - MAX_LISTED} more\n` : '';
  const read = notes.filter((n) => n.reason === 'not-utf8').length;
  const skipped = notes.length - read;
  const parts = [
    skipped ? `skipped ${skipped} file${skipped === 1 ? '' : 's'}` : '',
    read ? `read ${read} file${read === 1 ? '' : 's'} with a fallback encoding` : '',
  ].filter(Boolean);
  const head = parts.join(', ');
  return `SpecThread ${head}:\n${lines.join('')}${more}`;
}
