// @spec specthread-core#19.5
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { DraftSpecParams, DraftSpecResult, RenderDraftParams, RenderDraftRequest, RenderDraftResult } from '../../../shared/studioProtocol';
import { askModel } from './modelRewording';

/** The setting that allows the pass (off by default: the deterministic draft is complete without it). */
export const LANGUAGE_MODEL_SETTING = 'studio.languageModel';

/** The setting is window-scoped: whether the user lets a model see this window's criteria, whatever folder is drafted. */
export function languageModelAllowed(): boolean {
  return vscode.workspace.getConfiguration('specthread').get<boolean>(LANGUAGE_MODEL_SETTING, false) === true;
}

/** The draft with the model's accepted rewrites and the line the preview opens with, or undefined to keep the deterministic draft. */
export interface Reworded {
  readonly result: RenderDraftResult;
  readonly note: string;
}

/**
 * The chat models of the editor. Providers report their models lazily: the first selection can
 * start that and answer before the models arrive, so an empty answer waits (a few seconds at most)
 * for the editor's change event and asks once more.
 */
async function availableModels(): Promise<vscode.LanguageModelChat[]> {
  if (!vscode.lm) return [];
  const first = await vscode.lm.selectChatModels();
  if (first.length) return first;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = vscode.lm.onDidChangeChatModels(done);
    const timer = setTimeout(done, 3000);
  });
  return vscode.lm.selectChatModels();
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Offers the language-model pass over a draft the server planned it for: picks an available chat
 * model, asks the user, sends the prompts under a cancellable progress notification, then asks
 * the server to render the draft with the rewrites its validator accepts. Every way out (no model,
 * no consent, cancel, a failed request) says so and leaves the deterministic draft.
 */
export async function offerRewording(client: LanguageClient, params: DraftSpecParams, draft: DraftSpecResult): Promise<Reworded | undefined> {
  const plan = draft.reword;
  if (!plan?.batches.length) return undefined;
  const keep = 'the draft keeps its deterministic wording';
  const model = (await availableModels())[0];
  if (!model) return void vscode.window.showInformationMessage(`SpecThread: no language model is available, so ${keep}.`);
  const criteria = plan.batches.reduce((n, b) => n + b.ids.length, 0);
  const yes = `Reword with ${model.name}`;
  const choice = await vscode.window.showInformationMessage(
    `SpecThread: reword the draft's ${plural(criteria, 'criterion', 'criteria')} with ${model.name}? Only the criteria are sent, not the code; ids, names and test links are checked.`,
    yes,
    'Keep Deterministic Wording',
  );
  if (choice !== yes) return undefined;

  const log = client.outputChannel;
  const asked = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `SpecThread: rewording criteria with ${model.name}`, cancellable: true },
    (progress, token) =>
      askModel(
        plan,
        model,
        (text) => vscode.LanguageModelChatMessage.User(text),
        token,
        (done, total) => progress.report({ increment: 100 / total, message: `${done} of ${total} batches` }),
      ),
  );
  for (const e of asked.errors) log.appendLine(`[draft rewording] ${model.name}: ${e}`);
  if (asked.ended === 'refused') return void vscode.window.showInformationMessage(`SpecThread: ${model.name} was not allowed to answer, so ${keep}.`);
  if (asked.ended === 'cancelled') return void vscode.window.showInformationMessage(`SpecThread: rewording cancelled, so ${keep}.`);
  if (asked.answers.every((a) => a === null))
    return void vscode.window.showWarningMessage(`SpecThread: ${model.name} answered no batch (see Output › SpecThread), so ${keep}.`);

  const render: RenderDraftParams = { ...params, key: plan.key, answers: asked.answers };
  const result = await client.sendRequest<RenderDraftResult>(RenderDraftRequest, render);
  const r = result.reworded;
  for (const rejected of r.rejected) log.appendLine(`[draft rewording] kept the deterministic wording of ${rejected.ref}: ${rejected.reason}`);
  const unanswered = r.notAsked ? `; ${plural(r.notAsked, 'criterion', 'criteria')} of unanswered batches kept as drafted` : '';
  const note =
    `${model.name} reworded ${plural(r.reworded, 'criterion', 'criteria')}; ${plural(r.rejected.length, 'rewrite', 'rewrites')} rejected` +
    `${r.rejected.length ? ' (reasons in Output › SpecThread)' : ''}; ${r.unchanged} left as drafted${unanswered}.`;
  log.appendLine(`[draft rewording] ${note}`);
  return { result, note };
}
