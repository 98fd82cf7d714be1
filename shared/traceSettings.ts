// @spec specthread-core#8.3, specthread-core#9.2, specthread-core#20.4
/**
 * Settings of the code-and-test thread (trace tags, coverage). Kept apart from settings.ts so the
 * trace feature adds one field there and owns its defaults here. Plain data only.
 */

export interface TraceSettings {
  /** Workspace-relative globs of test files; every other scanned file is source. */
  readonly testFiles: readonly string[];
  /** Workspace-relative globs never scanned for tags (vendored and generated code). */
  readonly exclude: readonly string[];
  /** Files larger than this many bytes are not scanned (reported once, not per file). */
  readonly maxFileSize: number;
  /**
   * Which criteria must have an implementation (a tag in source) and which a test. Each entry is
   * `*`, a spec name, a requirement ref (`user-auth#2`) or a criterion ref (`user-auth#2.1`).
   */
  readonly requireImplemented: readonly string[];
  readonly requireVerified: readonly string[];
  /**
   * Specs (or requirement refs, or `*`) whose coverage findings are reported per criterion. The
   * others are adopting tags gradually: one finding per requirement lists its gaps.
   */
  readonly perCriterion: readonly string[];
}

export const DEFAULT_TEST_FILES: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*_test.*',
  '**/test_*.py',
  '**/*_spec.rb',
  '**/*Test.{java,kt,scala,groovy}',
  '**/*Tests.{java,kt,cs}',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/spec/**',
  '**/src/test/**',
  '**/testdata/**',
];

export const DEFAULT_TRACE_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/third-party/**',
  '**/*.min.js',
  '**/*.min.css',
  '**/*.map',
];

export const DEFAULT_TRACE_SETTINGS: TraceSettings = Object.freeze({
  testFiles: DEFAULT_TEST_FILES,
  exclude: DEFAULT_TRACE_EXCLUDES,
  maxFileSize: 1024 * 1024,
  requireImplemented: ['*'],
  requireVerified: ['*'],
  perCriterion: [],
});

/** Fills in defaults for a partial `trace` settings object from a client or the command line. */
export function normalizeTraceSettings(input: unknown): TraceSettings {
  const raw = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof TraceSettings, unknown>>;
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined);
  const size = typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0 ? raw.maxFileSize : DEFAULT_TRACE_SETTINGS.maxFileSize;
  return {
    testFiles: strings(raw.testFiles) ?? DEFAULT_TEST_FILES,
    // Extra excludes add to the defaults: vendored code is never the project's own trace.
    exclude: [...DEFAULT_TRACE_EXCLUDES, ...(strings(raw.exclude) ?? [])],
    maxFileSize: size,
    requireImplemented: strings(raw.requireImplemented) ?? DEFAULT_TRACE_SETTINGS.requireImplemented,
    requireVerified: strings(raw.requireVerified) ?? DEFAULT_TRACE_SETTINGS.requireVerified,
    perCriterion: strings(raw.perCriterion) ?? DEFAULT_TRACE_SETTINGS.perCriterion,
  };
}
