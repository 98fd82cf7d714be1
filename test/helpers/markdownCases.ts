import * as fs from 'fs';
import * as path from 'path';

/**
 * What the differential tests of the Markdown scans share (blockScan, the OpenSpec line and task
 * scans, the OpenSpec meta reading): the files they compare on, and the lines at the edges of
 * ATX headings and thematic breaks that any block scan must read exactly as markdown-it does.
 */

/** Every file below `dir` whose name `keep` accepts, outside `node_modules` and `.git`. */
export function filesUnder(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') filesUnder(p, keep, out);
    else if (e.isFile() && keep(e.name)) out.push(p);
  }
  return out;
}

/** Every Markdown file below `dir`, outside `node_modules` and `.git`. */
export function markdownFiles(dir: string): string[] {
  return filesUnder(dir, (name) => name.endsWith('.md'));
}

/** How many of `files` the scan accepted: `check` asserts sameness and says whether it accepted the text. */
export function countAccepted(files: readonly string[], check: (text: string, file: string) => boolean): number {
  let accepted = 0;
  for (const file of files) if (check(fs.readFileSync(file, 'utf8'), file)) accepted++;
  return accepted;
}

/** Lines that are, or nearly are, an ATX heading or a thematic break (closing hashes, tabs, too many marks, setext underlines). */
export const HEADING_AND_RULE_EDGE_LINES = [
  '# Title #',
  '## Closing ##   ',
  '### x ###y',
  '#\tTabbed',
  '#',
  '#######',
  '#hash',
  '---',
  '===',
  '- - -',
  '***',
  '* * *',
  '_ _ _',
  '--',
] as const;
