import { lineEndingOf } from '../text/lineEnding';
import { Finding, Fix } from '../findings';

/**
 * "Disable this rule here" fixes for any finding. The line form appends a comment to the end of
 * the flagged line rather than inserting one above it, because a comment line between two list
 * items would split the list; an existing directive on the line gets the code added instead.
 */
export function suppressionFixes(finding: Finding, fileText: string): Fix[] {
  const lines = fileText.split(/\r\n|\r|\n/);
  const lineNo = finding.range.start.line;
  const line = lines[lineNo];
  const fixes: Fix[] = [];
  if (line !== undefined) {
    const existing = /<!--\s*specthread-disable-line\b([^>]*?)\s*-->/.exec(line);
    const edit = existing
      ? { at: existing.index + existing[0].length - 3 - (existing[0].endsWith(' -->') ? 1 : 0), text: `, ${finding.code}` }
      : { at: line.length, text: `${line.trim() ? ' ' : ''}<!-- specthread-disable-line ${finding.code} -->` };
    if (!existing || !existing[1]!.split(/[\s,]+/).includes(finding.code)) {
      fixes.push({
        title: `Disable ${finding.code} for this line`,
        edits: [{ path: finding.path, range: { start: { line: lineNo, character: edit.at }, end: { line: lineNo, character: edit.at } }, newText: edit.text }],
      });
    }
  }
  // After YAML front matter, if any, so that the front matter stays first.
  let at = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close > 0) at = close + 1;
  }
  const directive = `<!-- specthread-disable-file ${finding.code} -->`;
  // A file that ends with the closing `---` has no line after it: start one at the end of the file.
  const edit =
    at < lines.length
      ? { position: { line: at, character: 0 }, newText: `${directive}${lineEndingOf(fileText)}` }
      : { position: { line: at - 1, character: lines[at - 1]!.length }, newText: `${lineEndingOf(fileText)}${directive}` };
  fixes.push({
    title: `Disable ${finding.code} for this file`,
    edits: [{ path: finding.path, range: { start: edit.position, end: edit.position }, newText: edit.newText }],
  });
  return fixes;
}
