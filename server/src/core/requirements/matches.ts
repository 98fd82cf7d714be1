// @spec specthread-core#21.4
/**
 * `[...text.matchAll(re)]` without what `matchAll` costs on every call: it constructs a copy of
 * the regular expression (looked up by source and flags) and an iterator, and statement analysis
 * calls it several times per criterion, for tens of thousands of criteria. `re` must be global
 * and used by nothing else between the calls of one scan; it is left with `lastIndex` 0, as
 * `matchAll` leaves it. Zero-length matches advance by one character, a whole surrogate pair
 * under the `u` flag, as `matchAll` does.
 */
export function matchesOf(re: RegExp, text: string): readonly RegExpExecArray[] {
  re.lastIndex = 0;
  let first = re.exec(text);
  if (!first) return NONE;
  const out: RegExpExecArray[] = [];
  for (; first; first = re.exec(text)) {
    out.push(first);
    if (first[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  return out;
}

const NONE: readonly RegExpExecArray[] = Object.freeze([]);

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}
