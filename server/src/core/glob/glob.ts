// @spec specthread-core#14.3
import { GlobAutomaton, TooComplexError } from './globAutomaton';
import { FastTest, fastPathFor } from './globFastPath';
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
  /** Patterns that were refused; they match nothing. */
  readonly problems: readonly GlobProblem[];
}

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
      (negated ? negative : positive).push(fastPathFor(pattern) ?? automatonTest(pattern));
    } catch (err) {
      if (!(err instanceof TooComplexError || err instanceof GlobSyntaxError)) throw err;
      problems.push({ pattern: raw, reason: `pattern too complex: ${err.message}` });
    }
  }
  const basename = options.basename === true;
  return {
    problems,
    match: (path) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const subject = basename ? name : path;
      for (const test of positive) if (test(subject, name)) return true;
      for (const test of negative) if (!test(subject, name)) return true;
      return false;
    },
  };
}

type GlobTest = FastTest;

function automatonTest(pattern: string): GlobTest {
  const automaton = new GlobAutomaton(parseGlob(pattern));
  return (subject) => automaton.test(subject);
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
