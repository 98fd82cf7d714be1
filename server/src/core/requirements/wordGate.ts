// @spec specthread-core#7.2, specthread-core#21.4
/**
 * Which term lists a statement could match, told by its words in one pass. A term matches only
 * as a whole word (terms.ts: no letter, digit, `_` or `-` before it; no letter, digit or `_`
 * right after its first word), so in a text whose words are ASCII a list can match only if the
 * text holds, as a whole word, the first word of one of its terms. Each list gets a bit; a
 * statement's words are looked up once, and every list is then one AND instead of a lower-cased
 * copy of the text and a substring search per term (nearly 400,000 of them at 41,000 criteria,
 * most of them hits inside longer words: "he" in "the", "it" in "submit").
 *
 * Exact, not approximate: when the answer is no, the list's pattern has no match in the text, so
 * skipping it changes no result. The reasoning needs the term's words and the text's words to be
 * compared letter by letter in ASCII; a list with a non-ASCII term gets no bit, and a text with
 * one of the two non-ASCII letters that case-insensitive Unicode matching reads as ASCII ones
 * (`ſ` as s, the Kelvin sign as k) gets no mask: both are matched the general way.
 */
export class WordGate {
  /** First word (lower case) → the bits of the lists that have a term starting with it. */
  private readonly bitsByWord = new Map<string, number>();
  /** A list's bit by its words, so that equal lists (the same defaults under new settings) share one. */
  private readonly bitsByList = new Map<string, number>();
  /** Bits handed out so far; a mask computed before a list got its bit does not know that list. */
  private assigned = 0;

  /** Bits handed out so far, to tell whether a mask knows a list's bit. */
  get version(): number {
    return this.assigned;
  }

  /**
   * The bit of a list whose terms start with `firstWords` (lower-case ASCII words), or 0 when
   * every bit is taken (the list is then matched the general way).
   */
  bitFor(firstWords: readonly string[]): number {
    const key = firstWords.join('\u0000');
    const known = this.bitsByList.get(key);
    if (known !== undefined) return known;
    if (this.assigned >= BITS) return 0;
    const bit = 1 << this.assigned++;
    this.bitsByList.set(key, bit);
    for (const word of firstWords) this.bitsByWord.set(word, (this.bitsByWord.get(word) ?? 0) | bit);
    return bit;
  }

  /** The bits of every list whose first words `text` holds as whole words; NO_MASK when `text` must be matched the general way. */
  maskOf(text: string): number {
    let mask = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        if (c === LONG_S || c === KELVIN) return NO_MASK;
        continue;
      }
      const from = i;
      let upper = false;
      while (isWordCode(c)) {
        if (c >= 65 && c <= 90) upper = true;
        if (++i >= n) break;
        c = text.charCodeAt(i);
      }
      const word = text.slice(from, i);
      const bits = this.bitsByWord.get(upper ? word.toLowerCase() : word);
      if (bits !== undefined) mask |= bits;
      // `i` is at the character that ended the word; the loop's step moves past it, so check it here.
      if (c === LONG_S || c === KELVIN) return NO_MASK;
    }
    return mask;
  }
}

/** A text that must be matched the general way. Masks are otherwise non-negative. */
export const NO_MASK = -1;

/** Bits per gate: masks stay small integers. */
const BITS = 30;
const LONG_S = 0x17f;
const KELVIN = 0x212a;

/** `[A-Za-z0-9_]`: the ASCII characters of `[\p{L}\p{N}_]`. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * The first word of a term as the gate looks it up: its leading run of ASCII letters, digits and
 * `_`, lower case; undefined when the term starts with another character (`???`). Only for
 * ASCII terms (see `isAsciiTerm`).
 */
export function gateWordOf(term: string): string | undefined {
  return /^[A-Za-z0-9_]+/.exec(term)?.[0]?.toLowerCase();
}

/** Printable ASCII and white space only: the terms the gate can reason about. */
export function isAsciiTerm(term: string): boolean {
  return /^[\x20-\x7e\t\n\r]*$/.test(term);
}
