// @spec specthread-core#14.1
import { SyntaxKind, createScanner } from 'jsonc-parser';

/**
 * jsonc-parser builds its tree recursively, so a workspace file of ten thousand `[` overflows the
 * stack (found by the fuzzer in a `.kiro.hook`; `specthread.json` goes through the same parser).
 * No Kiro or SpecThread file nests anywhere near this deep, so deeper files are reported as
 * invalid instead of parsed. The scanner is a flat loop and safe on any input.
 */
export const MAX_JSON_DEPTH = 256;

/** The offset of the bracket that nests deeper than `MAX_JSON_DEPTH`, or -1 when none does. */
export function jsonTooDeepAt(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

export const TOO_DEEP_MESSAGE = `Not valid JSON here: nested more than ${MAX_JSON_DEPTH} levels deep.`;
