// @spec specthread-core#11.6
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { Position, Range, comparePositions } from '../../text/range';
import { TraceAnalysis } from '../traceAnalysis';
import { targetOf } from './tagAt';

export interface TraceInlayHint {
  readonly position: Position;
  readonly label: string;
  /** The full text, for the hint's tooltip. */
  readonly tooltip: string;
}

/** After each resolved ref in a code file: the first words of the criterion (or requirement title). */
export function traceInlayHints(analysis: TraceAnalysis, path: string, range: Range, token: CancellationToken, words = 6): TraceInlayHint[] {
  throwIfCancelled(token);
  const out: TraceInlayHint[] = [];
  for (const link of analysis.index.linksIn(path)) {
    const r = link.tag.range;
    if (comparePositions(r.end, range.start) < 0 || comparePositions(range.end, r.start) < 0) continue;
    const resolved = targetOf(link);
    if (!resolved) continue;
    const t = resolved.target;
    const text = t.kind === 'criterion' ? t.located.node.text : t.located.node.title || `Requirement ${t.located.node.id}`;
    const parts = text.split(/\s+/);
    out.push({ position: r.end, label: ` ${parts.slice(0, words).join(' ')}${parts.length > words ? '…' : ''}`, tooltip: text });
  }
  return out;
}
