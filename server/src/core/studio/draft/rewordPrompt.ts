// @spec specthread-core#19.5
import { code } from './buildDraft';
import { Draft } from './model';
import { CriterionRewrite, RewordCriterion } from './reword';

/**
 * What a language model is asked and how its answer is read. The model sees criteria only (never
 * the code), a few dozen at a time, each under its id with its test links; it answers them in the
 * same line form, and `parseRewordAnswer` reads that form back, tolerating the list markers and
 * bold ids models like to add. Built in the core so every transport asks the same question.
 */

export interface RewordBatch {
  readonly criteria: readonly RewordCriterion[];
  /** The whole request to the model: instructions, then the criteria. */
  readonly prompt: string;
}

/** How much one request carries: small enough for any chat model's context and for a cancel to take effect soon. */
export interface BatchLimits {
  readonly maxCriteria: number;
  readonly maxChars: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxCriteria: 20, maxChars: 6000 };

const INSTRUCTIONS = [
  'You reword the acceptance criteria of a software specification that was drafted from code.',
  'Make each criterion one clear EARS sentence: "WHEN <trigger>, THE <system> SHALL <response>", "IF <unwanted condition>, THEN THE <system> SHALL <response>", "WHILE <state>, THE <system> SHALL <response>", "WHERE <feature>, THE <system> SHALL <response>" or "THE <system> SHALL <response>".',
  'Rules:',
  '- Keep every id (the text before the colon) exactly as given; answer every criterion, one per line, in the same order.',
  '- Copy every `backticked` name, route, command and flag exactly, with its backticks; add no backticked text of your own.',
  '- Keep every number (status codes, counts) and state no fact that the criterion does not state.',
  '- Keep each "Verified by:" line exactly as given, on the line under its criterion; add none where there is none.',
  '- Exactly one SHALL per criterion; no Markdown lists, headings or commentary.',
  'Answer with the criteria only, in this form:',
  '2.1: WHEN a client sends `GET /items`, THE API SHALL respond with status 200',
  '   Verified by: `tests/test_items.py::test_list`',
  '',
  'Criteria:',
].join('\n');

/** The lines one criterion takes in a prompt and in an answer. */
function criterionLines(c: RewordCriterion): string {
  return `${c.id}: ${c.text}${c.verifiedBy.length ? `\n   Verified by: ${c.verifiedBy.map((t) => `\`${t}\``).join(', ')}` : ''}`;
}

/** Every criterion of the draft under its id (`N.M`), with its test links as the writers print them. */
export function rewordCriteria(draft: Draft): RewordCriterion[] {
  return draft.requirements.flatMap((r, i) =>
    r.criteria.map((c, j) => ({ id: `${i + 1}.${j + 1}`, text: c.text, verifiedBy: c.verifiedBy.map((t) => code(t).slice(1, -1)) })),
  );
}

/** The criteria cut into batches, each with its prompt; the same draft always gives the same batches. */
export function rewordBatches(draft: Draft, limits: BatchLimits = DEFAULT_BATCH_LIMITS): RewordBatch[] {
  const batches: RewordBatch[] = [];
  let current: RewordCriterion[] = [];
  let size = 0;
  const flush = (): void => {
    if (!current.length) return;
    batches.push({ criteria: current, prompt: `${INSTRUCTIONS}\n${current.map(criterionLines).join('\n')}\n` });
    current = [];
    size = 0;
  };
  for (const c of rewordCriteria(draft)) {
    const length = criterionLines(c).length + 1;
    if (current.length >= limits.maxCriteria || (current.length && size + length > limits.maxChars)) flush();
    current.push(c);
    size += length;
  }
  flush();
  return batches;
}

/** `2.1: text` with an optional list marker and bold id (`- **2.1**: text`). */
const CRITERION_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*)?(\d+\.\d+)(?:\*\*)?\s*[:.)]\s*(?:\*\*)?\s*(.*?)\s*$/;
const VERIFIED_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*)?Verified by:(?:\*\*)?\s*(.*?)\s*$/i;

/** The test links of a `Verified by:` line: the backticked ones, or else the comma-separated words. */
function linksOf(list: string): string[] {
  const ticked = [...list.matchAll(/`([^`]*)`/g)].map((m) => m[1] as string);
  if (ticked.length) return ticked;
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The rewrites of one answer, in answer order; lines that are neither a criterion nor its test links are ignored. */
export function parseRewordAnswer(answer: string): CriterionRewrite[] {
  const out: { id: string; text: string; verifiedBy?: string[] }[] = [];
  for (const line of answer.split(/\r\n|\r|\n/)) {
    const verified = VERIFIED_LINE.exec(line);
    const last = out[out.length - 1];
    if (verified) {
      if (last) last.verifiedBy = [...(last.verifiedBy ?? []), ...linksOf(verified[1] as string)];
      continue;
    }
    const criterion = CRITERION_LINE.exec(line);
    if (criterion) out.push({ id: criterion[1] as string, text: criterion[2] as string });
  }
  return out;
}

/** A short fingerprint of the criteria a batch list was made from, so a late answer is never applied to a changed draft. */
export function criteriaKey(criteria: readonly RewordCriterion[]): string {
  // FNV-1a, 32 bits: enough to tell two drafts of the same folder apart, and no crypto in the core.
  let hash = 0x811c9dc5;
  for (const c of criteria) {
    for (const part of [c.id, c.text, ...c.verifiedBy, '\u0000']) {
      for (let i = 0; i < part.length; i++) {
        hash ^= part.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
    }
  }
  return `${criteria.length}-${hash.toString(16)}`;
}
