// @spec specthread-core#20.2, specthread-core#20.3
/**
 * Settings only an editor has (not `specthread.json`): whether criteria get lenses, and which
 * JUnit reports the language server reads for the Coverage view's test results column. Read from
 * the same `specthread` configuration section as the analysis settings; plain data only.
 */
export interface EditorOnlySettings {
  /** `specthread.lenses.criteria`: a lens on every criterion line (`2 code · 1 test`, or `not implemented`). */
  readonly criteriaLenses: boolean;
  /** `specthread.testResults`: workspace-relative paths or globs of JUnit XML reports. */
  readonly testResults: readonly string[];
}

export const DEFAULT_EDITOR_ONLY_SETTINGS: EditorOnlySettings = Object.freeze({ criteriaLenses: false, testResults: Object.freeze([]) });

/**
 * The editor-only part of a `specthread` configuration object. VS Code hands dotted keys over
 * as nested objects (`lenses: { criteria: true }`); the flat spelling is read too, for clients
 * that send their settings as written.
 */
export function normalizeEditorOnlySettings(input: unknown): EditorOnlySettings {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const lenses = raw.lenses && typeof raw.lenses === 'object' ? (raw.lenses as Record<string, unknown>) : {};
  const criteria = lenses.criteria ?? raw['lenses.criteria'];
  const testResults = Array.isArray(raw.testResults) ? raw.testResults.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  return { criteriaLenses: criteria === true, testResults };
}
