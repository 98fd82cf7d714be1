// @spec specthread-core#14.7
/**
 * Inputs that are temporarily kept out of the fuzz cases because they hit a bug another branch
 * of issue 8 is fixing right now. Each entry names the exact generator feature, the crash it
 * causes and the fix that lets the lead delete the entry. The properties stay as strict as they
 * are: only these inputs are not generated, and `avoidKnownBugs` rewrites the few that random
 * combination still produces. When this list is empty, every feature is generated untouched.
 */

export type Feature =
  /**
   * A backtick pair that encloses nothing readable: empty or only blanks, `*`, `_` or an HTML
   * comment (`` ` ` ``, `***` in backticks, ``` `` ```, `<!-- -->` in backticks, backtick runs).
   */
  | 'symbol-code-span'
  /** Lone `\r` line ends (old Mac), alone or mixed with `\n` and `\r\n`. */
  | 'lone-cr'
  /** `\r\n` line ends inside a YAML front matter block (`---` … `---` at the top of a steering file). */
  | 'crlf-front-matter';

export interface KnownBug {
  readonly feature: Feature;
  readonly symptom: string;
  readonly fixedBy: string;
  /** A minimal workspace (relative path → text) that still shows the bug; regressions.test.ts checks it does. */
  readonly example: Readonly<Record<string, string>>;
}

export const KNOWN_BUGS: readonly KnownBug[] = [];

export function isExcluded(feature: Feature): boolean {
  return KNOWN_BUGS.some((b) => b.feature === feature);
}

const NOTHING_READABLE = /^(?:[\s*_]|<!--.*?-->)*$/;

/**
 * Pairs backticks line by line as the readable-text mapper does (escaped backticks and those
 * inside HTML comments do not count) and defuses pairs around nothing readable.
 */
function withoutEmptyCodeSpans(text: string): string {
  return text.replace(/[^\r\n]+/g, (line) => {
    // Fence lines are not statements, and defusing them would turn code blocks into prose.
    if (/^\s*(?:`{3,}|~{3,})/.test(line)) return line;
    const ticks: number[] = [];
    for (let i = 0; i < line.length; i++) {
      if (line.startsWith('<!--', i)) {
        const end = line.indexOf('-->', i + 4);
        i = end < 0 ? line.length : end + 2;
      } else if (line[i] === '\\') i++;
      else if (line[i] === '`') ticks.push(i);
    }
    const units = line.split('');
    let changed = false;
    for (let k = 0; k + 1 < ticks.length; k += 2) {
      if (!NOTHING_READABLE.test(line.slice(ticks[k] + 1, ticks[k + 1]))) continue;
      units[ticks[k]] = "'";
      units[ticks[k + 1]] = "'";
      changed = true;
    }
    return changed ? units.join('') : line;
  });
}

/** Rewrites what the list above excludes; the identity when the list is empty. */
export function avoidKnownBugs(text: string): string {
  let out = text;
  if (isExcluded('lone-cr')) out = out.replace(/\r(?!\n)/g, '\n');
  if (isExcluded('symbol-code-span')) out = withoutEmptyCodeSpans(out);
  if (isExcluded('crlf-front-matter')) out = out.replace(/^---[ \t]*\r?\n[\s\S]*?\r?\n---/, (block) => block.replace(/\r\n/g, '\n'));
  return out;
}
