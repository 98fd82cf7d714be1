// @spec specthread-core#14.3
import { Range } from '../text/range';

/** The globs of one steering `fileMatchPattern` or hook `patterns` field, and where it stands. */
export interface KiroPatterns {
  readonly list: readonly string[];
  readonly range: Range;
}

/** Comma separated lists are read as several patterns, as Kiro does. */
function split(patterns: readonly string[]): string[] {
  return patterns
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The patterns of a steering file (only with `inclusion: fileMatch`) or of a hook file. */
export function kiroPatterns(extras: unknown): KiroPatterns[] {
  const x = extras as { type?: string; fields?: { key: string; value: unknown; range: never }[]; value?: { when?: { patterns?: unknown } } } | undefined;
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (x?.type === 'steering') {
    const field = x.fields?.find((d) => d.key === 'fileMatchPattern');
    const inclusion = x.fields?.find((d) => d.key === 'inclusion');
    if (!field || inclusion?.value !== 'fileMatch') return [];
    const v = field.value;
    const patterns = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : [];
    return [{ list: split(patterns), range: field.range }];
  }
  if (x?.type === 'json') {
    const p = x.value?.when?.patterns;
    if (!Array.isArray(p)) return [];
    return [{ list: split(p.filter((s): s is string => typeof s === 'string')), range: top }];
  }
  return [];
}
