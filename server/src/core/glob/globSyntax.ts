// @spec specthread-core#14.3
/**
 * Reads a glob into a small regular-expression tree. Globs come from workspace files and config
 * (steering `fileMatchPattern`, hook `patterns`, excludes, overrides), so they are untrusted: the
 * tree is matched by an automaton (globAutomaton.ts), never by a backtracking regex engine.
 *
 * The dialect is picomatch's with `dot: true`, which the project used before: `*` and `?` stay
 * within one path segment, `**` as a whole segment crosses folders (and matches none), `[a-z]`,
 * `[!x]` and POSIX classes, `{a,b}` and `{1..3}` brace sets, `@(a|b)`, `?(…)`, `*(…)`, `+(…)`
 * extglobs, `\` escapes. A negated extglob `!(…)` is refused (it is not a regular set that an
 * automaton without backtracking can match cheaply).
 */

/** What one character must be. `notSlash` is `?` and the body of `*`; `any` is the body of `**`. */
export type CharTest =
  | { readonly kind: 'literal'; readonly code: number }
  | { readonly kind: 'notSlash' }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [number, number])[] };

export type GlobNode =
  | { readonly t: 'char'; readonly test: CharTest }
  | { readonly t: 'seq'; readonly items: readonly GlobNode[] }
  | { readonly t: 'alt'; readonly options: readonly GlobNode[] }
  /** `min` 0 or 1, `many` for unbounded repetition. */
  | { readonly t: 'rep'; readonly node: GlobNode; readonly min: 0 | 1; readonly many: boolean };

export class GlobSyntaxError extends Error {}

/** Brace ranges such as `{1..5000}` expand to one literal per value; more than this is refused. */
export const MAX_BRACE_RANGE = 1000;

const SLASH = 47;
const lit = (ch: string): GlobNode => ({ t: 'char', test: { kind: 'literal', code: ch.charCodeAt(0) } });
const seq = (items: GlobNode[]): GlobNode => (items.length === 1 ? items[0]! : { t: 'seq', items });
const star = (test: CharTest): GlobNode => ({ t: 'rep', node: { t: 'char', test }, min: 0, many: true });
const optional = (node: GlobNode): GlobNode => ({ t: 'rep', node, min: 0, many: false });

const POSIX: Record<string, [number, number][]> = {
  alpha: [
    [65, 90],
    [97, 122],
  ],
  digit: [[48, 57]],
  alnum: [
    [48, 57],
    [65, 90],
    [97, 122],
  ],
  upper: [[65, 90]],
  lower: [[97, 122]],
  space: [
    [9, 13],
    [32, 32],
  ],
  blank: [
    [9, 9],
    [32, 32],
  ],
  xdigit: [
    [48, 57],
    [65, 70],
    [97, 102],
  ],
  word: [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122],
  ],
  punct: [
    [33, 47],
    [58, 64],
    [91, 96],
    [123, 126],
  ],
};

/** Where a sequence is being read: what ends it, which decides where `**` stands alone. */
type Context = 'top' | 'brace' | 'paren';

export function parseGlob(pattern: string): GlobNode {
  const reader = new Reader(pattern);
  const node = reader.sequence('top');
  return node;
}

class Reader {
  private i = 0;

  constructor(private readonly s: string) {}

  /** Reads until the end, or (inside a set) until the `,` `}` or `|` `)` that ends the option. */
  sequence(ctx: Context): GlobNode {
    const items: GlobNode[] = [];
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (this.endsOption(ctx, this.i)) break;
      if (c === '\\' && this.i + 1 < s.length) {
        items.push(lit(s[this.i + 1]!));
        this.i += 2;
      } else if (c === '*' && s[this.i + 1] === '*') {
        this.globstar(items, ctx);
      } else if ((c === '@' || c === '?' || c === '*' || c === '+' || c === '!') && s[this.i + 1] === '(' && this.closing(this.i + 1, '(', ')') > 0) {
        if (c === '!') throw new GlobSyntaxError('a negated extglob `!(…)` is not supported');
        this.i += 2;
        const inner = this.options('paren');
        items.push(c === '@' ? inner : { t: 'rep', node: inner, min: c === '+' ? 1 : 0, many: c !== '?' });
      } else if (c === '(' && this.closing(this.i, '(', ')') > 0) {
        this.i += 1;
        items.push(this.options('paren'));
      } else if (c === '*') {
        items.push(star({ kind: 'notSlash' }));
        this.i++;
      } else if (c === '?') {
        items.push({ t: 'char', test: { kind: 'notSlash' } });
        this.i++;
      } else if (c === '[') {
        items.push(this.charClass());
      } else if (c === '{') {
        items.push(this.brace());
      } else if (c === '/' && this.trailingGlobstar(ctx)) {
        // `a/**` also matches `a` itself, as picomatch does: the slash is part of the optional tail.
        items.push(optional(seq([lit('/'), star({ kind: 'any' })])));
        this.i += 3;
      } else {
        items.push(lit(c));
        this.i++;
      }
    }
    return seq(items);
  }

  private endsOption(ctx: Context, at: number): boolean {
    const c = this.s[at];
    if (ctx === 'brace') return c === ',' || c === '}';
    if (ctx === 'paren') return c === '|' || c === ')';
    return false;
  }

  /** After `/`: is the rest of this option exactly `**`? */
  private trailingGlobstar(ctx: Context): boolean {
    const s = this.s;
    if (s[this.i + 1] !== '*' || s[this.i + 2] !== '*') return false;
    const after = this.i + 3;
    return after === s.length || this.endsOption(ctx, after);
  }

  /** `**`: a whole segment crosses folders; inside a segment it is just `*`. */
  private globstar(items: GlobNode[], ctx: Context): void {
    const s = this.s;
    const before = this.i === 0 ? '' : s[this.i - 1];
    const afterAt = this.i + 2;
    const startsSegment =
      before === '' || before === '/' || (ctx === 'brace' && (before === '{' || before === ',')) || (ctx === 'paren' && (before === '(' || before === '|'));
    const endsOption = afterAt === s.length || this.endsOption(ctx, afterAt);
    const atPatternStart = this.i === 0;
    this.i += 2;
    // Runs of stars (`***`) are one star or one globstar.
    while (s[this.i] === '*') this.i++;
    if (atPatternStart && s[this.i] === '.') {
      // picomatch reads a leading `**.md` as "any path ending in .md"; people write it that way.
      items.push(star({ kind: 'any' }));
    } else if (!startsSegment || (!endsOption && s[this.i] !== '/')) {
      items.push(star({ kind: 'notSlash' }));
    } else if (s[this.i] === '/') {
      // `**/` matches any number of whole folders, none included.
      this.i++;
      items.push(optional(seq([star({ kind: 'any' }), lit('/')])));
    } else {
      items.push(star({ kind: 'any' }));
    }
  }

  /** `(a|b)` after its opening parenthesis, through the closing one. */
  private options(ctx: 'brace' | 'paren'): GlobNode {
    const alternatives: GlobNode[] = [this.sequence(ctx)];
    const separator = ctx === 'brace' ? ',' : '|';
    while (this.s[this.i] === separator) {
      this.i++;
      alternatives.push(this.sequence(ctx));
    }
    this.i++; // the closing `}` or `)`
    return alternatives.length === 1 ? alternatives[0]! : { t: 'alt', options: alternatives };
  }

  /** `{a,b}` or `{1..3}`; braces without either are literal text, as in picomatch. */
  private brace(): GlobNode {
    const close = this.closing(this.i, '{', '}');
    const body = close > 0 ? this.s.slice(this.i + 1, close) : '';
    const range = /^(-?\d+)\.\.(-?\d+)$|^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
    if (close > 0 && range) {
      this.i = close + 1;
      return rangeNode(range);
    }
    if (close < 0 || !this.hasTopLevelComma(this.i + 1, close)) {
      this.i++;
      return lit('{');
    }
    this.i++;
    return this.options('brace');
  }

  private hasTopLevelComma(from: number, to: number): boolean {
    let depth = 0;
    for (let k = from; k < to; k++) {
      const c = this.s[k];
      if (c === '\\') k++;
      else if (c === '{' || c === '(' || c === '[') depth++;
      else if ((c === '}' || c === ')' || c === ']') && depth > 0) depth--;
      else if (c === ',' && depth === 0) return true;
    }
    return false;
  }

  /** Index of the bracket that closes the one at `open`, or -1; escapes and nesting respected. */
  private closing(open: number, left: string, right: string): number {
    let depth = 0;
    for (let k = open; k < this.s.length; k++) {
      const c = this.s[k];
      if (c === '\\') k++;
      else if (c === left) depth++;
      else if (c === right && --depth === 0) return k;
    }
    return -1;
  }

  /** `[abc]`, `[a-z]`, `[!x]`, `[^x]`, `[[:alpha:]]`; an unclosed `[` is a literal. */
  private charClass(): GlobNode {
    const s = this.s;
    let k = this.i + 1;
    const negated = s[k] === '!' || s[k] === '^';
    if (negated) k++;
    const ranges: [number, number][] = [];
    let first = true;
    for (; k < s.length; k++) {
      const c = s[k]!;
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && s[k + 1] === ':') {
        const end = s.indexOf(':]', k + 2);
        const name = end > 0 ? s.slice(k + 2, end) : '';
        if (POSIX[name]) {
          ranges.push(...POSIX[name]);
          k = end + 1;
          continue;
        }
      }
      let low = c.charCodeAt(0);
      if (c === '\\' && k + 1 < s.length) low = s.charCodeAt(++k);
      if (s[k + 1] === '-' && k + 2 < s.length && s[k + 2] !== ']') {
        let high = s.charCodeAt(k + 2);
        k += 2;
        if (s[k] === '\\' && k + 1 < s.length) high = s.charCodeAt(++k);
        ranges.push([Math.min(low, high), Math.max(low, high)]);
      } else {
        ranges.push([low, low]);
      }
    }
    if (k >= s.length) {
      this.i++;
      return lit('[');
    }
    this.i = k + 1;
    return { t: 'char', test: { kind: 'class', negated, ranges } };
  }
}

function rangeNode(m: RegExpExecArray): GlobNode {
  const words: string[] = [];
  if (m[1] !== undefined) {
    // The numeric alternative matched, so both of its groups did.
    const from = m[1];
    const to = m[2]!;
    const a = Number(from);
    const b = Number(to);
    if (Math.abs(b - a) >= MAX_BRACE_RANGE) throw new GlobSyntaxError(`the brace range {${from}..${to}} has more than ${MAX_BRACE_RANGE} values`);
    const width = /^-?0\d/.test(from) || /^-?0\d/.test(to) ? Math.max(from.length, to.length) : 0;
    for (let n = a; a <= b ? n <= b : n >= b; n += a <= b ? 1 : -1) words.push(width ? String(n).padStart(width, '0') : String(n));
  } else {
    // Otherwise the letter alternative matched.
    const a = m[3]!.charCodeAt(0);
    const b = m[4]!.charCodeAt(0);
    for (let n = a; a <= b ? n <= b : n >= b; n += a <= b ? 1 : -1) words.push(String.fromCharCode(n));
  }
  return { t: 'alt', options: words.map((w) => seq([...w].map(lit))) };
}

/** True when `code` passes the test. A class never matches `/`: a segment cannot be left by one. */
export function passes(test: CharTest, code: number): boolean {
  switch (test.kind) {
    case 'literal':
      return code === test.code;
    case 'notSlash':
      return code !== SLASH;
    case 'any':
      return true;
    case 'class': {
      if (code === SLASH) return false;
      let inside = false;
      for (const [low, high] of test.ranges) if (code >= low && code <= high) inside = true;
      return inside !== test.negated;
    }
  }
}
