// @spec specthread-core#7.3
import { Suppression } from '../model';
import { Block, MarkdownDoc } from './markdown';

/**
 * Inline suppressions are Markdown HTML comments, invisible when the spec is rendered:
 *   `<!-- specthread-disable-next-line quality.vague-term -->`  the next non-blank line
 *   `… <!-- specthread-disable-line ears -->`                     the comment's own line
 *   `<!-- specthread-disable quality -->` … `<!-- specthread-enable quality -->`  a region
 *   `<!-- specthread-disable-file -->`                            the whole file
 * Codes are rule codes or families, separated by spaces or commas; none means every rule.
 * Text after ` -- ` is a reason for the reader and is ignored. Comments inside fenced code are
 * examples, not directives, so fences are skipped.
 */
const DIRECTIVE = /<!--\s*specthread-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->/g;

export function findSuppressions(doc: MarkdownDoc): Suppression[] {
  const fenced = fencedLines(doc.root);
  const out: Suppression[] = [];
  const open: { codes: string[]; fromLine: number }[] = [];
  const last = doc.lines.lineCount - 1;
  for (let line = 0; line <= last; line++) {
    if (fenced.has(line)) continue;
    const text = doc.lines.lineText(line);
    if (!text.includes('specthread-')) continue;
    for (const m of text.matchAll(DIRECTIVE)) {
      const codes = parseCodes(m[2]!);
      switch (m[1]) {
        case 'disable-line':
          out.push({ codes, fromLine: line, toLine: line });
          break;
        case 'disable-next-line': {
          let next = line + 1;
          while (next <= last && doc.lines.lineText(next).trim() === '') next++;
          if (next <= last) out.push({ codes, fromLine: next, toLine: next });
          break;
        }
        case 'disable-file':
          out.push({ codes, fromLine: 0, toLine: last });
          break;
        case 'disable':
          open.push({ codes, fromLine: line });
          break;
        case 'enable':
          // `enable` without codes closes every open region; with codes, the regions it names.
          for (let i = open.length - 1; i >= 0; i--) {
            const region = open[i]!;
            if (codes.length && !region.codes.some((c) => codes.includes(c))) continue;
            out.push({ codes: region.codes, fromLine: region.fromLine, toLine: line });
            open.splice(i, 1);
          }
          break;
      }
    }
  }
  for (const region of open) out.push({ codes: region.codes, fromLine: region.fromLine, toLine: last });
  return out;
}

function parseCodes(rest: string): string[] {
  const reasonAt = rest.indexOf(' -- ');
  const list = reasonAt >= 0 ? rest.slice(0, reasonAt) : rest;
  return list.split(/[\s,]+/).filter((c) => c.length > 0);
}

function fencedLines(block: Block, out = new Set<number>()): Set<number> {
  for (const child of block.children) {
    if (child.type === 'code') for (let l = child.startLine; l <= child.endLine; l++) out.add(l);
    else fencedLines(child, out);
  }
  return out;
}

/** True when a suppression covers a finding of `code` that starts on `line`. */
export function isSuppressed(suppressions: readonly Suppression[] | undefined, code: string, line: number): boolean {
  if (!suppressions) return false;
  const family = code.slice(0, code.indexOf('.'));
  return suppressions.some((s) => line >= s.fromLine && line <= s.toLine && (s.codes.length === 0 || s.codes.includes(code) || s.codes.includes(family)));
}
