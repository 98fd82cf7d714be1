import { CancellationToken, InlayHint, InlayHintKind, Range } from 'vscode-languageserver/node';
import { traceInlayHints } from '../../core/trace/queries/inlayHints';
import { TraceAnalysis } from '../../core/trace/traceAnalysis';

/** Inlay hints after refs in code, in LSP shape. */
export function inlayHintsFor(analysis: TraceAnalysis, path: string, range: Range, token: CancellationToken): InlayHint[] {
  return traceInlayHints(analysis, path, range, token).map((h) => ({
    position: h.position,
    label: h.label,
    kind: InlayHintKind.Parameter,
    tooltip: h.tooltip,
    paddingLeft: false,
  }));
}
