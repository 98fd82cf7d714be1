// @spec specthread-core#19.5
import type * as vscode from 'vscode';
import { DraftRewordPlan } from '../../../shared/studioProtocol';

/**
 * The client's whole share of the language-model pass: send each prompt the server planned to the
 * model and collect the raw answers. The server wrote the prompts and judges the answers, so no
 * rule about ids, names or test links lives here. Kept free of the `vscode` module at run time
 * (the message constructor is handed in) so a unit test can drive it with a fake model.
 */

/** The part of `vscode.LanguageModelChat` used here. */
export interface ChatModel {
  readonly name: string;
  sendRequest(
    messages: vscode.LanguageModelChatMessage[],
    options: vscode.LanguageModelChatRequestOptions,
    token: vscode.CancellationToken,
  ): Thenable<{ readonly text: AsyncIterable<string> }>;
}

export interface ModelAnswers {
  /** One per batch, in order: the model's text, or null for a batch not answered. */
  readonly answers: (string | null)[];
  /** How the pass ended: every batch asked, cancelled by the user, or refused (no consent, model blocked). */
  readonly ended: 'done' | 'cancelled' | 'refused';
  /** Why batches failed or the pass was refused, for the output channel. */
  readonly errors: string[];
}

const JUSTIFICATION =
  "SpecThread sends the drafted spec's criteria (never the code) to reword them; ids, names and test links are checked before any rewrite is kept.";

/** Errors that mean the user (or policy) said no: asking again for the next batch would only ask again. */
const REFUSALS = new Set(['NoPermissions', 'Blocked']);

export async function askModel(
  plan: DraftRewordPlan,
  model: ChatModel,
  userMessage: (text: string) => vscode.LanguageModelChatMessage,
  token: vscode.CancellationToken,
  onBatch: (done: number, total: number) => void = () => undefined,
): Promise<ModelAnswers> {
  const answers: (string | null)[] = plan.batches.map(() => null);
  const errors: string[] = [];
  for (let i = 0; i < plan.batches.length; i++) {
    if (token.isCancellationRequested) return { answers, ended: 'cancelled', errors };
    const batch = plan.batches[i]!;
    try {
      const response = await model.sendRequest([userMessage(batch.prompt)], { justification: JUSTIFICATION }, token);
      let text = '';
      for await (const part of response.text) text += part;
      if (token.isCancellationRequested) return { answers, ended: 'cancelled', errors };
      answers[i] = text;
    } catch (err) {
      if (token.isCancellationRequested) return { answers, ended: 'cancelled', errors };
      const code = (err as { code?: unknown }).code;
      const message = err instanceof Error ? err.message : String(err);
      if (typeof code === 'string' && REFUSALS.has(code)) return { answers, ended: 'refused', errors: [...errors, `${code}: ${message}`] };
      errors.push(`batch ${i + 1} (${batch.ids[0]}…${batch.ids[batch.ids.length - 1]}): ${message}`);
    }
    onBatch(i + 1, plan.batches.length);
  }
  return { answers, ended: 'done', errors };
}
