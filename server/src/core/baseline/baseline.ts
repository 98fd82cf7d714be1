// @spec specthread-core#7.3, specthread-core#7.5
import { Finding } from '../findings';

/**
 * A baseline is the set of findings a team has accepted, so that on a big repository only new
 * problems show. Each finding is fingerprinted by rule, workspace-relative file, and the
 * normalised text of its line plus the flagged words, never by line number, so findings stay
 * accepted when lines move. Identical fingerprints are counted, so a second identical problem
 * on another line is still new.
 */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly code: string;
  readonly file: string;
  readonly fingerprint: string;
  readonly count: number;
}

export interface BaselineFile {
  readonly version: number;
  readonly findings: readonly BaselineEntry[];
}

export interface Baseline {
  /** The workspace root the baseline's file paths are relative to. */
  readonly root: string;
  readonly counts: ReadonlyMap<string, number>;
}

/** A line as it reads after markers, checkboxes and numbers are set aside (they change on renumbering). */
function normaliseLine(line: string): string {
  return line
    .replace(/^\s*(?:>\s*)*(?:[-*+]\s+)?(?:\[[ xX~-]\]\s*\\?\*?\s*)?(?:\*\*)?(?:\d+(?:\.\d+)*[.)]?(?:\*\*)?\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 64-bit FNV-1a as 16 hex digits: stable across platforms, no crypto needed in the pure core. */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
    h2 = (h2 ^ (h1 >>> 7)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function fingerprint(finding: Finding, lines: readonly string[]): string {
  const line = lines[finding.range.start.line] ?? '';
  const flagged =
    finding.range.end.line === finding.range.start.line
      ? line.slice(finding.range.start.character, finding.range.end.character)
      : line.slice(finding.range.start.character);
  return hash(`${normaliseLine(line)}\u0000${flagged.trim()}`);
}

function relativeTo(root: string, path: string): string | undefined {
  const prefix = root.endsWith('/') ? root : root + '/';
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/** Splits each file once however many of its findings are fingerprinted. */
function linesCache(textOf: (path: string) => string | undefined): (path: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (path) => {
    let lines = cache.get(path);
    if (!lines) {
      lines = textOf(path)?.split(/\r\n|\r|\n/) ?? [];
      cache.set(path, lines);
    }
    return lines;
  };
}

const keyOf = (code: string, file: string, fp: string) => `${code}\u0000${file}\u0000${fp}`;

/** The baseline file content that accepts `findings` (those under `root`), sorted for stable diffs. */
export function createBaseline(findings: readonly Finding[], root: string, textOf: (path: string) => string | undefined): BaselineFile {
  const counts = new Map<string, BaselineEntry>();
  const linesOf = linesCache(textOf);
  for (const f of findings) {
    const file = relativeTo(root, f.path);
    if (file === undefined) continue;
    const fp = fingerprint(f, linesOf(f.path));
    const key = keyOf(f.code, file, fp);
    const prev = counts.get(key);
    counts.set(key, { code: f.code, file, fingerprint: fp, count: (prev?.count ?? 0) + 1 });
  }
  const entries = [...counts.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : a.fingerprint < b.fingerprint ? -1 : 1,
  );
  return { version: BASELINE_VERSION, findings: entries };
}

export function serializeBaseline(file: BaselineFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/** Reads a baseline file; undefined (and no filtering) when it is not a baseline SpecThread wrote. */
export function parseBaseline(text: string, root: string): Baseline | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as BaselineFile).findings)) return undefined;
  const counts = new Map<string, number>();
  for (const e of (data as BaselineFile).findings) {
    if (!e || typeof e.code !== 'string' || typeof e.file !== 'string' || typeof e.fingerprint !== 'string') continue;
    const key = keyOf(e.code, e.file, e.fingerprint);
    counts.set(key, (counts.get(key) ?? 0) + (typeof e.count === 'number' && e.count > 0 ? e.count : 1));
  }
  return { root, counts };
}

/** The findings that are not accepted by a baseline, in their original order. */
export function withoutBaselined(findings: readonly Finding[], baselines: readonly Baseline[], textOf: (path: string) => string | undefined): Finding[] {
  if (baselines.length === 0) return [...findings];
  const accepted = baselinedFlags(findings, baselines, textOf);
  return findings.filter((_, i) => !accepted[i]);
}

/**
 * For each finding, whether a baseline accepts it. Each entry accepts as many findings as its
 * count, in the findings' order, so a second identical problem is still new.
 */
export function baselinedFlags(findings: readonly Finding[], baselines: readonly Baseline[], textOf: (path: string) => string | undefined): boolean[] {
  if (baselines.length === 0) return findings.map(() => false);
  const remaining = new Map<Baseline, Map<string, number>>(baselines.map((b) => [b, new Map(b.counts)]));
  const linesOf = linesCache(textOf);
  return findings.map((f) => {
    for (const b of baselines) {
      const file = relativeTo(b.root, f.path);
      if (file === undefined) continue;
      const left = remaining.get(b)!;
      const key = keyOf(f.code, file, fingerprint(f, linesOf(f.path)));
      const n = left.get(key) ?? 0;
      if (n > 0) {
        left.set(key, n - 1);
        return true;
      }
    }
    return false;
  });
}
