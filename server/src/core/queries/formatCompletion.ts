// @spec specthread-core#15.1
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { formatById } from '../formats/registry';
import { FormatCompletionContext, SpecFormatPlugin } from '../formats/specFormatPlugin';
import { CompletionEntry } from './completion';

/** Completions of the document's own format (spec-kit ids, OpenSpec delta targets …), asked of its plugin. */
export function completeFormatSyntax(formats: readonly SpecFormatPlugin[], context: FormatCompletionContext, token: CancellationToken): CompletionEntry[] {
  throwIfCancelled(token);
  return formatById(formats, context.spec.format)?.complete?.(context, token) ?? [];
}
