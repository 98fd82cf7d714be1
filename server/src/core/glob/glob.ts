// @spec specthread-core#14.3
import { GlobAutomaton, TooComplexError } from './globAutomaton';
import { FastShape, NameVerdict, fastShapeFor, lastAnyOf } from './globFastPath';
import { GlobSyntaxError, parseGlob } from './globSyntax';

/**
 * The one glob compiler of the core: every glob from settings, the repo config file and workspace
 * files (steering `fileMatchPattern`, hook `patterns`) goes through it. Matching never backtracks
 * (see globAutomaton.ts), so a hostile pattern costs time linear in the path; what cannot be
 * matched that way, or is too large, is refused with a reason the caller can show.
 */

/** A pattern that was refused, and why, in words fit for a finding ("pattern too complex: …"). */
export interface GlobProblem {
  readonly pattern: string;
  readonly reason: string;
}

export interface GlobMatcher {
  /** True when any pattern matches `path` (relative, `/`-separated) and no refused one is counted. */
  readonly match: (path: string) => boolean;
  /**
   * `match` for the files directly in the folder `dir` (`dir/<name>`), decided as far as the folder
   * alone decides it (see NameVerdict); `undefined` for the files at the top (a path without `/`).
   * A caller that classifies a listing folder by folder asks once per folder, then per name.
   */
  readonly inFolder: (dir: string | undefined) => NameVerdict;
  /** Patterns that were refused; they match nothing. */
  readonly problems: readonly GlobProblem[];
}

export type { NameVerdict };

export interface GlobOptions {
  /** Patterns without a `/` are matched against the last segment of the path (Kiro's `*.tsx`). */
  readonly basename?: boolean;
}

/** Longer patterns are refused outright: nobody writes one by hand, and states grow with length. */
export const MAX_PATTERN_LENGTH = 2000;

/**
 * Compiles patterns into one matcher (a path matches when any pattern does). Dot files match like
 * any other (picomatch's `dot: true`); a leading `./` is ignored; a leading `!` negates a pattern.
 */
export function compileGlobs(patterns: readonly string[], options: GlobOptions = {}): GlobMatcher {
  const problems: GlobProblem[] = [];
  const positive: GlobTest[] = [];
  const negative: GlobTest[] = [];
  for (const raw of patterns) {
    const negated = raw.startsWith('!') && !raw.startsWith('!(');
    const pattern = (negated ? raw.slice(1) : raw).replace(/^(?:\.\/)+/, '');
    try {
      if (pattern.length > MAX_PATTERN_LENGTH) throw new TooComplexError(`it is longer than ${MAX_PATTERN_LENGTH} characters`);
      // One test per pattern, so a refused one is named alone and the others still apply. Common
      // shapes are answered by string comparisons (globFastPath.ts), the rest by an automaton.
      (negated ? negative : positive).push(fastShapeFor(pattern) ?? automatonTest(pattern));
    } catch (err) {
      if (!(err instanceof TooComplexError || err instanceof GlobSyntaxError)) throw err;
      problems.push({ pattern: raw, reason: `pattern too complex: ${err.message}` });
    }
  }
  const basename = options.basename === true;
  const match = (path: string) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const subject = basename ? name : path;
    for (const test of positive) if (test.test(subject, name)) return true;
    for (const test of negative) if (!test.test(subject, name)) return true;
    return false;
  };
  // A top-level file, or any file in basename mode, is matched by its name alone: the folder has nothing to decide.
  const byName = (name: string) => match(name);
  // Neighbouring folders mostly get the same verdicts: the same combined test is given again.
  const combine = lastAnyOf();
  const negations = negative.map(() => lastNegation());
  return {
    problems,
    match,
    inFolder: (dir) => {
      if (basename || dir === undefined) return byName;
      const verdicts = positive.map((test) => test.inFolder(dir));
      negative.forEach((test, i) => verdicts.push(negations[i]!(test.inFolder(dir))));
      return combine(verdicts);
    },
  };
}

/** The negation of a verdict, the same test again for the same verdict as the time before (see lastAnyOf). */
function lastNegation(): (verdict: NameVerdict) => NameVerdict {
  let last: NameVerdict = false;
  let result: NameVerdict = true;
  return (verdict) => {
    if (typeof verdict === 'boolean') return !verdict;
    if (verdict !== last) {
      last = verdict;
      result = (name) => !verdict(name);
    }
    return result;
  };
}

type GlobTest = FastShape;

/** The automaton as a shape: a folder's files continue from the state after `dir/`, read once. */
function automatonTest(pattern: string): GlobTest {
  const automaton = new GlobAutomaton(parseGlob(pattern));
  return {
    test: (subject) => automaton.test(subject),
    inFolder: (dir) => {
      const state = automaton.after(dir + '/');
      return !state.dead && ((name) => automaton.testFrom(state, name));
    },
  };
}

/** True when the text holds glob syntax (an unescaped `*`, `?`, `[`, `{` or an extglob group). */
export function isGlob(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{' || (c === '(' && i > 0 && '@!+'.includes(text[i - 1]!))) return true;
  }
  return false;
}
