// @spec specthread-core#21.5
/**
 * The table of issue 15: each measure with its value, its target and whether the target is met.
 * Pure (no I/O), so a unit test can prove that a row is marked met, not met or n/a correctly.
 */

export type Status = 'met' | 'not met' | 'n/a' | 'info';

export interface TargetRow {
  /** Stable key for tools reading results.json. */
  readonly key: string;
  readonly measure: string;
  /** The measured value in the row's unit; undefined when it could not be measured. */
  readonly value: number | undefined;
  readonly valueText: string;
  /** Upper bound the value must not exceed; undefined for rows shown for context only. */
  readonly target: number | undefined;
  readonly targetText: string;
  readonly status: Status;
}

export interface Unit {
  /** Formats a value of the unit, e.g. `12.3 ms`, `4.20×`. */
  readonly format: (n: number) => string;
}

function digits(n: number): number {
  const a = Math.abs(n);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

export const UNITS = {
  ratio: { format: (n: number) => `${n.toFixed(2)}×` },
  ms: { format: (n: number) => `${n.toFixed(digits(n))} ms` },
  s: { format: (n: number) => `${(n / 1000).toFixed(2)} s` },
  mb: { format: (n: number) => `${n.toFixed(0)} MB` },
} satisfies Record<string, Unit>;

/**
 * One row. `value` undefined (or not finite) is `n/a` with `why` as its text; a row without a
 * target is `info`; otherwise `met` when value ≤ target.
 */
export function targetRow(key: string, measure: string, value: number | undefined, unit: Unit, target?: number, why = 'n/a'): TargetRow {
  const known = value !== undefined && Number.isFinite(value);
  const targetText = target === undefined ? '—' : `≤ ${unit.format(target)}`;
  return {
    key,
    measure,
    value: known ? value : undefined,
    valueText: known ? unit.format(value) : why,
    target,
    targetText,
    status: !known ? 'n/a' : target === undefined ? 'info' : value <= target ? 'met' : 'not met',
  };
}

/** a / b, or undefined when either is missing or b is zero. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

/** Columns padded to their widest cell, with a rule under the header. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function formatTargets(rows: readonly TargetRow[]): string {
  return formatTable([['measure', 'value', 'target', 'status'], ...rows.map((r) => [r.measure, r.valueText, r.targetText, r.status])]);
}
