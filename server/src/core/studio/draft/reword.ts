// @spec specthread-core#19.5
import { analyzeEars, maskSpans, Span } from '../../requirements/ears';

/**
 * The gate between a language model's rewording and the draft. A model may make a criterion read
 * better, but the draft's value is its thread to the code: the id that tags and citations use,
 * the backticked names, routes and commands a reviewer searches for, and the tests listed as
 * verifying it. So a rewrite is taken only when every one of those survives unchanged and the
 * sentence is still one EARS criterion; anything else keeps the deterministic wording. The check
 * is pure and deterministic, so every transport (the editor today, agents later) shares it.
 */

/** A criterion as the model sees it: its id in the draft (`2.3`, requirement 2, criterion 3), its text and test links. */
export interface RewordCriterion {
  readonly id: string;
  readonly text: string;
  readonly verifiedBy: readonly string[];
}

/** What the model answered for one id: the new sentence and the test links it wrote under it. */
export interface CriterionRewrite {
  readonly id: string;
  readonly text: string;
  /** Undefined when the answer had no `Verified by:` line for this criterion. */
  readonly verifiedBy?: readonly string[];
}

export type RewriteVerdict =
  { readonly accepted: true; readonly text: string; readonly changed: boolean } | { readonly accepted: false; readonly reason: string };

/** Longer than this is not a clearer criterion; it is an essay, or several criteria. */
const MAX_LENGTH = 1000;

/** The backticked spans of a text, in order (their contents, without the backticks), with where they stand. */
export function codeSpansOf(text: string): { readonly value: string; readonly span: Span }[] {
  const out: { value: string; span: Span }[] = [];
  for (const m of text.matchAll(/`([^`]*)`/g)) out.push({ value: m[1] as string, span: { from: m.index, to: m.index + m[0].length } });
  return out;
}

/** Numbers outside code spans (HTTP statuses, counts): rewording must not change what the code answers. */
function numbersOf(text: string, spans: readonly Span[]): string[] {
  return [...maskSpans(text, spans).matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)].map((m) => m[0]);
}

/** How many times each value occurs. */
function counts(values: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return map;
}

/** The first value `kept` has fewer of than `original` (dropped or altered), or undefined. */
function firstMissing(original: readonly string[], kept: readonly string[]): string | undefined {
  const have = counts(kept);
  for (const [value, n] of counts(original)) if ((have.get(value) ?? 0) < n) return value;
  return undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

/**
 * Whether `rewrite` may replace `original`'s wording. `rewrite` is undefined when the answer had
 * nothing under the original's id (the model dropped or renamed it). Reasons are sentences for
 * the output channel, naming the first thing that was lost.
 */
export function checkRewrite(original: RewordCriterion, rewrite: CriterionRewrite | undefined): RewriteVerdict {
  if (!rewrite) return { accepted: false, reason: `the answer has no criterion ${original.id} (its id was dropped or changed)` };
  if (rewrite.id !== original.id) return { accepted: false, reason: `the answer gave ${rewrite.id} in place of ${original.id}` };
  const links = rewrite.verifiedBy ?? [];
  const lost = original.verifiedBy.find((t) => !links.includes(t));
  if (lost !== undefined) return { accepted: false, reason: `the rewrite drops or alters the test link \`${lost}\`` };
  if (!sameSet(links, original.verifiedBy)) return { accepted: false, reason: 'the rewrite adds test links the original does not list' };
  const text = rewrite.text.trim();
  // The deterministic wording, given back: nothing to judge, whatever shape the original has.
  if (text === original.text.trim()) return { accepted: true, text: original.text, changed: false };
  if (!text) return { accepted: false, reason: 'the rewrite is empty' };
  if (/[\r\n]/.test(text)) return { accepted: false, reason: 'the rewrite spans several lines' };
  if (text.length > MAX_LENGTH) return { accepted: false, reason: `the rewrite is ${text.length} characters long (at most ${MAX_LENGTH})` };
  if ((text.match(/`/g) ?? []).length % 2) return { accepted: false, reason: 'the rewrite has an unclosed backtick' };
  if (/^(?:[-*+>#|]|\d+[.)]\s)|<!--|\bVerified by:/i.test(text))
    return { accepted: false, reason: 'the rewrite is not plain criterion text (Markdown structure or a test list inside it)' };

  const before = codeSpansOf(original.text);
  const after = codeSpansOf(text);
  const dropped = firstMissing(
    before.map((s) => s.value),
    after.map((s) => s.value),
  );
  if (dropped !== undefined) return { accepted: false, reason: `the rewrite drops or alters \`${dropped}\`` };
  const added = firstMissing(
    after.map((s) => s.value),
    before.map((s) => s.value),
  );
  if (added !== undefined) return { accepted: false, reason: `the rewrite adds \`${added}\`, which the original does not name` };
  const number = firstMissing(
    numbersOf(
      original.text,
      before.map((s) => s.span),
    ),
    numbersOf(
      text,
      after.map((s) => s.span),
    ),
  );
  if (number !== undefined) return { accepted: false, reason: `the rewrite drops the number ${number}` };

  const shape = analyzeEars(
    maskSpans(
      text,
      after.map((s) => s.span),
    ),
  );
  if (shape.pattern === 'unrecognised') return { accepted: false, reason: 'the rewrite is not an EARS criterion (no SHALL)' };
  if (shape.shalls.length > 1) return { accepted: false, reason: `the rewrite holds ${shape.shalls.length} SHALLs, more than one criterion` };
  if (shape.trailing.length) return { accepted: false, reason: 'the rewrite puts a condition after SHALL' };
  if (!shape.system || shape.system.to <= shape.system.from) return { accepted: false, reason: 'the rewrite names no system before SHALL' };
  return { accepted: true, text, changed: text !== original.text };
}
