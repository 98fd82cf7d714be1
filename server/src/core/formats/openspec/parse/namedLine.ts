// @spec specthread-core#14.3
/**
 * A line pattern whose last group is a name with blanks (and, in delta bullets, a closing
 * backtick) trimmed off its end. Written as `(.+?)`?\s*$` the regex backtracks quadratically on a
 * name padded with thousands of spaces (10 s per hover at 10k spaces); here the regex only reads
 * the rest of the line greedily, and the trimming is plain string code, linear in the line.
 * `exec` returns the same shape as the old regex did: the whole line and the trimmed name.
 */
export class NamedLine {
  constructor(
    /** Must end with a greedy `(.+)$` group, the raw rest of the line. */
    private readonly prefix: RegExp,
    private readonly closingBacktick = false,
  ) {}

  exec(text: string): [string, string] | null {
    const m = this.prefix.exec(text);
    if (!m) return null;
    const rest = m[m.length - 1]!;
    let name = rest.trim();
    if (this.closingBacktick && name.endsWith('`')) name = name.slice(0, -1).trimEnd();
    // The old lazy group always captured at least one character.
    return [m[0], name || rest.slice(-1)];
  }

  test(text: string): boolean {
    return this.prefix.test(text);
  }
}

/** OpenSpec's closing `###` sequence (`Name ###`): blanks, hashes, blanks at the end, dropped. */
export function dropClosingHashes(name: string): string {
  let end = name.length;
  while (end > 0 && (name[end - 1] === ' ' || name[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && name[hashes - 1] === '#') hashes--;
  if (hashes === end) return name;
  let blanks = hashes;
  while (blanks > 0 && (name[blanks - 1] === ' ' || name[blanks - 1] === '\t')) blanks--;
  return blanks === hashes ? name : name.slice(0, blanks);
}
