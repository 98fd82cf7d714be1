// @spec specthread-core#14.3
/**
 * Answers the common shapes of glob without the automaton. Every code path of a workspace (100k
 * at the largest benchmark size) is classified by the test-file and exclude globs, whose defaults
 * are all of a few shapes: `**∕*.ext`, `**∕*.test.*`, `**∕name/**`, `**∕*Test.{java,kt}`. For
 * these a string comparison (`endsWith`, `includes`) gives the automaton's answer at a fraction of
 * its cost, which walks a state set per character. A pattern of any other shape is left to the
 * automaton (`undefined` here), so the semantics stay those of globSyntax.ts; the property test in
 * test/core/globFastPath.test.ts holds every shape to the automaton's answer.
 */

/**
 * A compiled shape: `subject` is the path (or file name, in basename mode) the matcher was given,
 * `base` its last segment, computed once per path by the caller for every pattern.
 */
export type FastTest = (subject: string, base: string) => boolean;

/** Characters that read as themselves in every context of the parser; anything else may be syntax. */
const LITERAL = /^[^\\*?[\]{}()@+!,|]*$/;
/** A brace set of plain words (`{java,kt}`), which expands to one pattern per word. */
const SIMPLE_BRACE = /\{([A-Za-z0-9._-]+(?:,[A-Za-z0-9._-]+)+)\}/g;
const SLASH = 47;
/** Caps the expansion of several brace sets in one pattern; past it the automaton is as good. */
const MAX_EXPANSIONS = 64;

/** The fast test equivalent to `pattern` (negation and `./` already removed), or `undefined`. */
export function fastPathFor(pattern: string): FastTest | undefined {
  const expanded = expandBraces(pattern);
  if (!expanded) return undefined;
  const tests: FastTest[] = [];
  for (const p of expanded) {
    const test = shapeOf(p);
    if (!test) return undefined;
    tests.push(test);
  }
  return tests.length === 1 ? tests[0] : (subject, base) => tests.some((t) => t(subject, base));
}

/**
 * Expands brace sets of plain words; `undefined` when the pattern holds any other brace (ranges,
 * nested sets, globs inside a set), which stays with the automaton. A plain word reads the same
 * inside a set and out of it, so the expansion matches what the set matched.
 */
function expandBraces(pattern: string): string[] | undefined {
  let out = [''];
  let last = 0;
  for (const m of pattern.matchAll(SIMPLE_BRACE)) {
    const before = pattern.slice(last, m.index);
    const words = m[1]!.split(',');
    if (out.length * words.length > MAX_EXPANSIONS) return undefined;
    out = out.flatMap((prefix) => words.map((w) => prefix + before + w));
    last = m.index + m[0].length;
  }
  const rest = pattern.slice(last);
  out = out.map((prefix) => prefix + rest);
  // Any brace left over is one the simple form did not cover.
  return out.some((p) => p.includes('{') || p.includes('}')) ? undefined : out;
}

/** A brace-free pattern of a known shape, compiled; `undefined` for every other. */
function shapeOf(p: string): FastTest | undefined {
  if (p === '**') return () => true;
  if (p.startsWith('**/')) {
    const rest = p.slice(3);
    // `**/a/b/**`: the folders `a/b` appear anywhere in the path (or are the whole path).
    if (rest.endsWith('/**')) {
      const folders = rest.slice(0, -3);
      if (!isLiteralPath(folders)) return undefined;
      return (s) => holdsSegments(s, folders);
    }
    // `**/a/b.md`: the path ends with those segments.
    if (isLiteralPath(rest)) {
      const tail = '/' + rest;
      return (s) => s === rest || s.endsWith(tail);
    }
    // `**/*.test.*`: the file name matches a segment of words and stars.
    const segment = starSegment(rest);
    return segment && ((_s, base) => segment(base));
  }
  // `dist/**`: the folder itself or anything below it.
  if (p.endsWith('/**') && !p.startsWith('**')) {
    const folder = p.slice(0, -3);
    if (!LITERAL.test(folder)) return undefined;
    const head = folder + '/';
    return (s) => s === folder || s.startsWith(head);
  }
  if (LITERAL.test(p)) return (s) => s === p;
  // `*.md` (no `/`): a single segment, so a path with a folder never matches.
  const segment = starSegment(p);
  return segment && ((s) => !s.includes('/') && segment(s));
}

/**
 * Do whole segments of `path` read `folders` (`a`, `a/b`), i.e. is it the path, its start, its end
 * or a run inside it? One scan for the text, then a look at the characters on either side.
 */
function holdsSegments(path: string, folders: string): boolean {
  for (let at = path.indexOf(folders); at >= 0; at = path.indexOf(folders, at + 1)) {
    const end = at + folders.length;
    if ((at === 0 || path.charCodeAt(at - 1) === SLASH) && (end === path.length || path.charCodeAt(end) === SLASH)) return true;
  }
  return false;
}

/** Segments of plain characters, none empty: `a`, `src/test`. */
function isLiteralPath(text: string): boolean {
  return text !== '' && LITERAL.test(text) && !text.startsWith('/') && !text.endsWith('/') && !text.includes('//');
}

/**
 * One segment of plain characters and single stars (`*.test.*`, `test_*.py`), as a test of a
 * string without `/`. Stars match any run of characters there, so the classic greedy scan is
 * exact: the first and last words anchor the ends, each middle word is taken at its first place.
 */
function starSegment(segment: string): ((name: string) => boolean) | undefined {
  if (!segment.includes('*') || segment.includes('**') || segment.includes('/')) return undefined;
  const words = segment.split('*');
  if (!words.every((w) => LITERAL.test(w))) return undefined;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const middle = words.slice(1, -1).filter((w) => w !== '');
  const fixed = first.length + last.length;
  return (name) => {
    if (name.length < fixed || !name.startsWith(first) || !name.endsWith(last)) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (const word of middle) {
      const found = name.indexOf(word, at);
      if (found < 0 || found + word.length > end) return false;
      at = found + word.length;
    }
    return true;
  };
}
