// @spec specthread-core#11.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { Position, Range } from '../../text/range';
import { linkCounts, stateOf, tasksFor } from '../../coverage/coverage';
import { pinOf } from '../pin';
import { pinnedTextOf } from '../resolveRef';
import { TraceAnalysis } from '../traceAnalysis';
import { linkAt, targetOf, threadCounts } from './tagAt';

export interface TraceHover {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

/** Hover on a tag in code: the criterion, its requirement, its coverage, and the pin's state. */
export function traceHover(analysis: TraceAnalysis, path: string, pos: Position, token: CancellationToken): TraceHover | undefined {
  throwIfCancelled(token);
  const link = linkAt(analysis, path, pos);
  if (!link) return undefined;
  const ref = `${link.tag.spec}#${link.tag.id}`;
  const resolved = targetOf(link);
  if (!resolved) return { contents: `**${ref}** does not exist.`, range: link.tag.range };
  const { spec, target } = resolved;
  const lines: string[] = [];
  const requirement = target.kind === 'criterion' ? spec.requirements.get(target.located.node.requirementId)?.node : target.located.node;
  if (target.kind === 'criterion') lines.push(`**${ref}** — ${target.located.node.text}`, '');
  if (requirement) {
    lines.push(`${target.kind === 'criterion' ? '' : `**${ref}** — `}Requirement ${requirement.id}${requirement.title ? `: ${requirement.title}` : ''}`);
    if (requirement.userStory) lines.push('', `_${requirement.userStory}_`);
  }
  const id = target.located.node.id;
  const reqId = requirement?.id ?? id;
  const links = target.kind === 'criterion' ? analysis.index.linksForCriterion(spec, id) : analysis.index.linksForRequirement(spec, id);
  const { code, tests, pending } = linkCounts(links);
  const tasks = tasksFor(spec, reqId, id).length;
  const state = stateOf(tasks > 0, code, tests, pending);
  lines.push('', `Coverage: **${state === 'pending' ? 'test pending' : state}** — ${threadCounts(tasks, code, tests, pending)}`);
  if (link.tag.pin) {
    const current = pinOf(pinnedTextOf(target));
    lines.push(
      '',
      current === link.tag.pin ? `Pin @${link.tag.pin} matches the current text.` : `Pin @${link.tag.pin} is **suspect**: the text now hashes to @${current}.`,
    );
  }
  return { contents: lines.join('\n'), range: link.tag.range };
}
