// @spec specthread-core#15.3, specthread-core#4.2, specthread-core#14.1, specthread-core#20.2, specthread-core#21.1
import { CancellationToken } from '../core/cancellation';
import { Engine } from '../core/engine';
import { internalError } from '../core/faults';
import { Finding, groupByPath } from '../core/findings';
import { pathToUri } from '../host/paths';
import { RuleDocLinks } from '../core/checks/ruleDocLinks';
import { toDiagnostic } from './convert';
import { ClientLink } from './link';

/** Where the publisher reports a step that failed (the session's Guard). */
export interface FailureLog {
  logFailure(what: string, err: unknown): void;
}

/**
 * Remembers what the client was last sent and sends only what changed. The writer tells it
 * which spec folders a turn invalidated; the publisher adds the folders whose cross-spec or
 * trace findings moved with them, so an edit never re-checks every spec of the workspace.
 * Only the writer calls it: requests never publish.
 */
export class Publisher {
  /**
   * The files each spec folder was last published with, so a file that left the folder is cleared.
   * Kept as the engine's own exact-size list: a Set per folder cost about 150 bytes more (2,001 at L).
   */
  private readonly specFiles = new Map<string, readonly string[]>();
  /** The key of what each file was last sent (see keyOf); a file whose key is unchanged is not sent again. */
  private readonly sent = new Map<string, string>();
  /** Config files that currently carry published problems, so a fix clears them. */
  private readonly configPublished = new Set<string>();
  /** Code files last sent with findings, so a file whose findings went away is cleared. */
  private readonly codeShown = new Set<string>();
  /** Trace findings on spec files, keyed per spec folder, as of the last trace publish. */
  private traceKeys = new Map<string, string>();
  private traceVersion = -1;
  /** coverage.test-failed findings of the editor's test reports (testResults.ts), published with the code files'. */
  private testFindings: readonly Finding[] = [];
  /** Spec folders examined since the counter was last read: the work a turn cost, for tests and benchmarks. */
  examined = 0;
  /** While start-up's publish is recorded (see record): the findings last sent or kept per file. */
  private recorded: Map<string, readonly Finding[]> | undefined;
  /** Files shown from the published state of the last start (restore) that no publish has sent since. */
  private readonly restored = new Set<string>();

  constructor(
    private readonly engine: Engine,
    private readonly link: ClientLink,
    private readonly log: FailureLog,
    private readonly token: CancellationToken,
    private readonly docs?: RuleDocLinks,
  ) {}

  /** Publishes every spec, every code file and the config files; returns the number of findings. */
  everything(): number {
    let findings = 0;
    const dirs = new Set([...this.engine.specDirs(), ...this.specFiles.keys()]);
    for (const dir of dirs) findings += this.spec(dir).length;
    // Record the cross-spec state, so later edits republish only folders whose cross-spec findings change.
    this.crossSpecChanged();
    findings += this.trace(dirs, true);
    this.config();
    // A file shown from the published state that this publish did not reach has nothing now.
    for (const path of [...this.restored]) this.send(path, []);
    this.link.analysisChanged?.();
    return findings;
  }

  /**
   * Shows the findings the last start-up published (lsp/publishedState.ts), before the models
   * exist; the first `everything` after the models are built sends only what differs, and
   * clears a restored file it does not reach.
   */
  restore(files: readonly (readonly [string, readonly Finding[]])[]): void {
    for (const [path, findings] of files) {
      this.send(path, findings);
      this.restored.add(path);
    }
  }

  /** Records what each file shows from now on, until `takeRecorded`: start-up's publish is stored for the next start. */
  record(): void {
    this.recorded = new Map();
  }

  /** What was recorded since `record`, and stops recording. */
  takeRecorded(): Map<string, readonly Finding[]> | undefined {
    const recorded = this.recorded;
    this.recorded = undefined;
    return recorded;
  }

  /**
   * After a turn that changed the analysis of `dirs`: publishes them, then the folders whose
   * cross-spec findings changed with them, then what the trace analysis moved.
   */
  changed(dirs: ReadonlySet<string>): void {
    const done = new Set(dirs);
    for (const dir of dirs) this.spec(dir);
    for (const dir of this.crossSpecChanged()) {
      if (done.has(dir)) continue;
      done.add(dir);
      this.spec(dir);
    }
    this.trace(done, false);
    // Coverage can move without a diagnostic moving (a task ticked), so the views hear of every step.
    this.link.analysisChanged?.();
  }

  /** The test reports were mapped again: their findings replace the last ones, and the views ask again. */
  setTestFindings(findings: readonly Finding[]): void {
    if (findings.length === 0 && this.testFindings.length === 0) {
      this.link.analysisChanged?.();
      return;
    }
    this.testFindings = findings;
    this.trace(new Set(), true);
    this.link.analysisChanged?.();
  }

  /** Publishes problems of specthread.json itself (invalid JSON, keys the schema does not know). */
  config(): void {
    const byPath = groupByPath(this.engine.configFindings());
    for (const path of this.configPublished) if (!byPath.has(path)) byPath.set(path, []);
    this.configPublished.clear();
    for (const [path, list] of byPath) {
      this.recorded?.set(path, list);
      this.restored.delete(path);
      if (list.length) this.configPublished.add(path);
      this.link.sendDiagnostics({ uri: pathToUri(path), diagnostics: list.map((f) => toDiagnostic(f, this.docs)) });
    }
  }

  private crossSpecChanged(): string[] {
    try {
      return this.engine.crossSpecChangedDirs(this.token);
    } catch (err) {
      this.log.logFailure('cross-spec checks', err);
      return [];
    }
  }

  /** Publishes the diagnostics of every file of a spec, clearing files that no longer have any. */
  private spec(specDir: string): Finding[] {
    this.examined++;
    let findings: Finding[];
    try {
      findings = this.engine.findingsForSpec(specDir, this.token);
    } catch (err) {
      // One spec's failure stays on that spec's files; every other folder is still published.
      this.log.logFailure(`checking ${specDir}`, err);
      // The stack is logged just above, so the core's finding is built without a log of its own.
      findings = this.engine.filesOfSpec(specDir).map((path) => internalError('checking this spec', path, err, undefined));
    }
    const files = this.engine.filesOfSpec(specDir);
    const byPath = new Map<string, Finding[]>(files.map((p) => [p, []]));
    for (const [path, list] of groupByPath(findings)) byPath.set(path, list);
    for (const path of this.specFiles.get(specDir) ?? []) if (!byPath.has(path)) byPath.set(path, []);
    for (const [path, list] of byPath) this.send(path, list);
    if (files.length) this.specFiles.set(specDir, files);
    else this.specFiles.delete(specDir);
    return findings;
  }

  /**
   * When the trace analysis moved (any spec or code change moves it): republishes the spec
   * folders, not yet published this turn, whose trace findings (coverage, tasks without code)
   * changed, and the code files whose findings changed. Only the parts the analysis reports as
   * moved are compared, unless everything moved. Returns the number of findings in code files
   * (counted only when everything is published).
   */
  private trace(done: ReadonlySet<string>, force: boolean): number {
    if (!force && this.traceVersion === this.engine.traceVersion) return 0;
    this.traceVersion = this.engine.traceVersion;
    try {
      const moved = this.engine.traceChanges(this.token);
      if (force || moved.all) return this.allTrace(done);
      for (const dir of moved.specDirs) {
        const key = this.engine
          .traceAnalysis(this.token)
          .findingsOfSpec(dir, this.token)
          .map((f) => `${keyOf(f)}\n`)
          .join('');
        if (key === (this.traceKeys.get(dir) ?? '')) continue;
        if (key) this.traceKeys.set(dir, key);
        else this.traceKeys.delete(dir);
        if (!done.has(dir)) this.spec(dir);
      }
      for (const path of moved.paths) this.code(path, [...this.engine.codeFindingsIn(path, this.token), ...this.testFindings.filter((f) => f.path === path)]);
    } catch (err) {
      // Diagnostics stay as last published; the spec diagnostics of this turn are already out.
      this.log.logFailure('checking trace tags in code', err);
    }
    return 0;
  }

  /** Every trace finding: spec folders whose trace findings changed, and every code file. */
  private allTrace(done: ReadonlySet<string>): number {
    const keys = this.specTraceKeys();
    const byFile = this.engine.codeFindingsByFile(this.token);
    for (const f of this.testFindings) byFile.set(f.path, [...(byFile.get(f.path) ?? []), f]);
    for (const dir of new Set([...keys.keys(), ...this.traceKeys.keys()])) {
      if (!done.has(dir) && keys.get(dir) !== this.traceKeys.get(dir)) this.spec(dir);
    }
    this.traceKeys = keys;
    let count = 0;
    for (const path of new Set([...byFile.keys(), ...this.codeShown])) count += this.code(path, byFile.get(path) ?? []);
    return count;
  }

  /** Sends one code file's findings; a code file without findings is forgotten, so the maps hold only files that show something. */
  private code(path: string, list: Finding[]): number {
    this.send(path, list);
    if (list.length) this.codeShown.add(path);
    else {
      this.codeShown.delete(path);
      this.sent.delete(path);
    }
    return list.length;
  }

  /** Trace findings that land in spec files, as one key per spec folder. */
  private specTraceKeys(): Map<string, string> {
    const keys = new Map<string, string>();
    for (const f of this.engine.traceAnalysis(this.token).findings(this.token)) {
      const dir = this.engine.specDirOf(f.path);
      if (dir) keys.set(dir, `${keys.get(dir) ?? ''}${keyOf(f)}\n`);
    }
    return keys;
  }

  /** Sends one file's diagnostics unless they are what the client already shows. */
  private send(path: string, findings: readonly Finding[]): void {
    // The link is part of what the client shows: a new ruleDocsUrl must reach files whose findings stayed.
    this.recorded?.set(path, findings);
    this.restored.delete(path);
    const key = findings.map((f) => `${keyOf(f)}|${this.docs?.href(f.code) ?? ''}`).join('\n');
    if (this.sent.get(path) === key) return;
    this.sent.set(path, key);
    this.link.sendDiagnostics({ uri: pathToUri(path), diagnostics: findings.map((f) => toDiagnostic(f, this.docs)) });
  }
}

/** Everything of a finding that its diagnostic shows, so equal keys mean equal diagnostics. */
function keyOf(f: Finding): string {
  const at = (r: Finding['range']) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  const related = f.related?.map((r) => `${r.path}@${at(r.range)}:${r.message}`).join(';') ?? '';
  return `${at(f.range)}|${f.severity}|${f.code}|${f.message}|${related}`;
}
