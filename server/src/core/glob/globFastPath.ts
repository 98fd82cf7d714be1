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

/**
 * What a glob says of the files directly in one folder: `true` (every one matches), `false` (none
 * does) or a test of the file name. Most patterns decide from the folder alone (`**∕test/**`,
 * `dist/**`) or from the name alone (`**∕*.test.*`), and a listing gives the files folder by
 * folder, so the folder's part is decided once for all its files.
 */
export type NameVerdict = boolean | NameTest;

/**
 * A compiled shape: `test` answers for a whole path, `inFolder(dir)` for the files `dir/<name>`
 * (any string `dir`, a name without `/`) with the same answers, split as NameVerdict says.
 */
export interface FastShape {
  readonly test: FastTest;
  readonly inFolder: (dir: string) => NameVerdict;
}

/** The fast test equivalent to `pattern` (negation and `./` already removed), or `undefined`. */
export function fastPathFor(pattern: string): FastTest | undefined {
  return fastShapeFor(pattern)?.test;
}

/** `fastPathFor` with its folder split (see FastShape). */
export function fastShapeFor(pattern: string): FastShape | undefined {
  const expanded = expandBraces(pattern);
  if (!expanded) return undefined;
  const shapes: FastShape[] = [];
  for (const p of expanded) {
    const shape = shapeOf(p);
    if (!shape) return undefined;
    shapes.push(shape);
  }
  if (shapes.length === 1) return shapes[0];
  const combine = lastAnyOf();
  return {
    test: (subject, base) => shapes.some((t) => t.test(subject, base)),
    inFolder: (dir) => combine(shapes.map((t) => t.inFolder(dir))),
  };
}

/**
 * What a name test is known to need, so that `anyOf` can skip it by a look at the name: the one
 * name it passes (`**∕test/**` in a folder that does not hold `test`), or the last character of
 * every name it passes (`**∕*.min.js`). A combined test keeps its parts, to be combined again.
 */
type Hint = { readonly exact: string } | { readonly lastChar: number } | { readonly parts: readonly NameTest[] };

/** A test of a file name, with what is known of the names it passes (see Hint). */
export interface NameTest {
  (name: string): boolean;
  readonly hint?: Hint;
}

function hinted(test: (name: string) => boolean, hint: Hint): NameTest {
  return Object.assign(test, { hint });
}

/**
 * The verdict of "any of these matches". A listed file is asked every glob that its folder left
 * undecided (twenty for the default test and exclude globs), so the tests are grouped by their
 * hints: the exact names in one set, the others by the last character their names must have,
 * and a name meets only the tests that it could pass.
 */
export function anyOf(verdicts: readonly NameVerdict[]): NameVerdict {
  const tests: NameTest[] = [];
  const add = (test: NameTest): void => {
    const hint = test.hint;
    if (hint && 'parts' in hint) hint.parts.forEach(add);
    else tests.push(test);
  };
  for (const v of verdicts) {
    if (v === true) return true;
    if (v !== false) add(v);
  }
  if (tests.length === 0) return false;
  if (tests.length === 1) return tests[0]!;
  const exact = new Set<string>();
  const always: NameTest[] = [];
  const byLast = new Map<number, NameTest[]>();
  for (const test of tests) {
    const hint = test.hint;
    if (hint && 'exact' in hint) exact.add(hint.exact);
    else if (hint && 'lastChar' in hint) {
      const group = byLast.get(hint.lastChar);
      if (group) group.push(test);
      else byLast.set(hint.lastChar, [test]);
    } else always.push(test);
  }
  // The lengths of the exact names: a name of another length is not looked up, which would hash it.
  const lengths = new Uint8Array(Math.max(0, ...[...exact].map((name) => name.length + 1)));
  for (const name of exact) lengths[name.length] = 1;
  const combined = (name: string): boolean => {
    if (name.length < lengths.length && lengths[name.length] === 1 && exact.has(name)) return true;
    for (const test of always) if (test(name)) return true;
    const group = byLast.get(name.charCodeAt(name.length - 1));
    if (group) for (const test of group) if (test(name)) return true;
    return false;
  };
  return hinted(combined, { parts: tests });
}

/**
 * `anyOf` that gives the same test again when asked of the same verdicts as one of the last few
 * times: the folders of a listing mostly get one of a few lists of verdicts (a test folder's, a
 * source folder's), and grouping them costs a set and a map. The answers are the same either way.
 */
export function lastAnyOf(): (verdicts: readonly NameVerdict[]) => NameVerdict {
  const recent: { verdicts: readonly NameVerdict[]; result: NameVerdict }[] = [];
  return (verdicts) => {
    for (const entry of recent) if (sameVerdicts(entry.verdicts, verdicts)) return entry.result;
    const result = anyOf(verdicts);
    if (recent.length === RECENT_VERDICTS) recent.pop();
    recent.unshift({ verdicts, result });
    return result;
  };
}

/** Lists of verdicts that `lastAnyOf` remembers. */
const RECENT_VERDICTS = 4;

function sameVerdicts(a: readonly NameVerdict[], b: readonly NameVerdict[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

/**
 * A brace-free pattern of a known shape, compiled; `undefined` for every other. Each `inFolder`
 * below is `test` on `dir + '/' + name` worked out for a name without `/`: a match that ends at
 * a `/` ends in `dir`, and one that reaches into the name ends at the path's end.
 */
function shapeOf(p: string): FastShape | undefined {
  if (p === '**') return { test: () => true, inFolder: () => true };
  if (p.startsWith('**/')) {
    const rest = p.slice(3);
    // `**/a/b/**`: the folders `a/b` appear anywhere in the path (or are the whole path). In a
    // folder that holds them, every file matches; elsewhere only a file that ends them can.
    if (rest.endsWith('/**')) {
      const folders = rest.slice(0, -3);
      if (!isLiteralPath(folders)) return undefined;
      const tail = endsWithSegments(folders);
      return { test: (s) => holdsSegments(s, folders), inFolder: (dir) => holdsSegments(dir, folders) || tail(dir) };
    }
    // `**/a/b.md`: the path ends with those segments.
    if (isLiteralPath(rest)) {
      const tail = '/' + rest;
      return { test: (s) => s === rest || s.endsWith(tail), inFolder: endsWithSegments(rest) };
    }
    // `**/*.test.*`: the file name matches a segment of words and stars.
    const segment = starSegment(rest);
    return segment && { test: (_s, base) => segment(base), inFolder: () => segment };
  }
  // `dist/**`: the folder itself or anything below it.
  if (p.endsWith('/**') && !p.startsWith('**')) {
    const folder = p.slice(0, -3);
    if (!LITERAL.test(folder)) return undefined;
    const head = folder + '/';
    const exact = isExactly(folder);
    return { test: (s) => s === folder || s.startsWith(head), inFolder: (dir) => dir === folder || dir.startsWith(head) || exact(dir) };
  }
  if (LITERAL.test(p)) return { test: (s) => s === p, inFolder: isExactly(p) };
  // `*.md` (no `/`): a single segment, so a path with a folder never matches.
  const segment = starSegment(p);
  return segment && { test: (s) => !s.includes('/') && segment(s), inFolder: () => false };
}

/**
 * `dir/<name>` ends with the whole segments `text` (a literal path): the name is its last
 * segment, and `dir` is or ends with the segments before it.
 */
function endsWithSegments(text: string): (dir: string) => NameVerdict {
  const slash = text.lastIndexOf('/');
  const last = text.slice(slash + 1);
  const isLast = hinted((name: string) => name === last, { exact: last });
  if (slash < 0) return () => isLast;
  const before = text.slice(0, slash);
  const tail = '/' + before;
  return (dir) => (dir === before || dir.endsWith(tail)) && isLast;
}

/** `dir/<name>` is exactly `text`: `text` continues `dir/` with one more segment, the name. */
function isExactly(text: string): (dir: string) => NameVerdict {
  return (dir) => {
    if (text.length <= dir.length || text.charCodeAt(dir.length) !== SLASH || !text.startsWith(dir)) return false;
    const name = text.slice(dir.length + 1);
    return !name.includes('/') && hinted((n: string) => n === name, { exact: name });
  };
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
  // `*.test.*` has no first or last word: every listed file name meets this test, so the empty
  // words are not compared at all.
  const hasFirst = first !== '';
  const hasLast = last !== '';
  const test = (name: string): boolean => {
    if (name.length < fixed || (hasFirst && !name.startsWith(first)) || (hasLast && !name.endsWith(last))) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (const word of middle) {
      const found = name.indexOf(word, at);
      if (found < 0 || found + word.length > end) return false;
      at = found + word.length;
    }
    return true;
  };
  return last === '' ? test : hinted(test, { lastChar: last.charCodeAt(last.length - 1) });
}
