// @spec specthread-core#14.1
/**
 * The line ending a file already uses, for edits that insert whole lines: `\r\n`, a lone `\r`
 * (old Mac files), or `\n` when the file has none or uses LF. Inserting a different ending would
 * leave a file with mixed endings that some tools then count as extra lines.
 */
export function lineEndingOf(text: string): '\n' | '\r\n' | '\r' {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  if (text[cr + 1] === '\n') return '\r\n';
  const lf = text.indexOf('\n');
  return lf >= 0 && lf < cr ? '\n' : '\r';
}
