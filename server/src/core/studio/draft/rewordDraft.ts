// @spec specthread-core#19.5
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { Draft } from './model';
import { checkRewrite, CriterionRewrite } from './reword';
import { RewordBatch, parseRewordAnswer } from './rewordPrompt';

/** One rewrite the validator turned down, with its reason, for the output channel. */
export interface RejectedRewrite {
  readonly id: string;
  readonly reason: string;
}

export interface RewordOutcome {
  /** The draft with every accepted rewrite in place; untouched criteria keep the deterministic text. */
  readonly draft: Draft;
  /** Criteria whose wording the model changed and the validator accepted. */
  readonly reworded: number;
  /** Criteria the model gave back unchanged. */
  readonly unchanged: number;
  readonly rejected: readonly RejectedRewrite[];
  /** Criteria in batches that got no answer (cancelled or failed requests): their wording is kept and nothing is judged. */
  readonly notAsked: number;
}

/**
 * Applies the model's answers to the draft. `answers[i]` is the raw answer to `batches[i]`, or
 * undefined when that batch was not answered; every criterion of an answered batch is judged by
 * `checkRewrite`, so one that the answer leaves out counts as rejected (its id was dropped).
 */
export function rewordDraft(draft: Draft, batches: readonly RewordBatch[], answers: readonly (string | undefined)[], token: CancellationToken): RewordOutcome {
  const accepted = new Map<string, string>();
  const rejected: RejectedRewrite[] = [];
  let reworded = 0;
  let unchanged = 0;
  let notAsked = 0;
  batches.forEach((batch, i) => {
    throwIfCancelled(token);
    const answer = answers[i];
    if (answer === undefined) {
      notAsked += batch.criteria.length;
      return;
    }
    const byId = new Map<string, CriterionRewrite[]>();
    for (const r of parseRewordAnswer(answer)) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const original of batch.criteria) {
      const given = byId.get(original.id) ?? [];
      if (given.length > 1) {
        rejected.push({ id: original.id, reason: `the answer gives ${original.id} ${given.length} times` });
        continue;
      }
      const verdict = checkRewrite(original, given[0]);
      if (!verdict.accepted) rejected.push({ id: original.id, reason: verdict.reason });
      else if (verdict.changed) {
        accepted.set(original.id, verdict.text);
        reworded++;
      } else unchanged++;
    }
  });
  const requirements = draft.requirements.map((r, i) => ({
    ...r,
    criteria: r.criteria.map((c, j) => {
      const text = accepted.get(`${i + 1}.${j + 1}`);
      return text === undefined ? c : { ...c, text };
    }),
  }));
  return { draft: { ...draft, requirements }, reworded, unchanged, rejected, notAsked };
}
