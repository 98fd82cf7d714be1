// @spec specthread-core#21.4

/**
 * A copy of `s` that holds only its own characters. V8 keeps a substring of 13 or more
 * characters as a view into the string it was cut from, so a spec name cut from a code file
 * keeps the whole file's text alive for as long as the name lives: at L the trace tags of 8,000
 * files held 6.6 MB of file text that nothing else needed (a heap snapshot of `check`). Joining
 * the characters builds a new flat string; shorter strings are copies already.
 */
export function ownedString(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}
