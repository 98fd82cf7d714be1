// @spec specthread-core#4.2, specthread-core#11.7, specthread-core#14.1, specthread-core#21.1
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Baseline } from '../baseline/baseline';
import { AnalysisCache } from '../analysisCache';
import { fileNoteFindings } from '../checks/fileRules';
import { SpecRule } from '../checks/rule';
import type { RuleSettings } from '../config/ruleSettings';
import { runSpecChecks } from '../checks/runChecks';
import { WorkspaceChecks } from '../checks/runWorkspaceChecks';
import { faultAnchor, internalError, isCancellation, isInternalError } from '../faults';
import { FileNote } from '../fileNote';
import { FileNoteStore } from '../fileNoteStore';
import { Finding, compareFindings, groupByPath } from '../findings';
import { SpecModel } from '../index/specModel';
import { TraceChanges } from '../trace/traceDeps';
import { acceptedFindings, markAcceptedFindings } from '../suppress/accept';
import { CodeFiles } from '../trace/codeFiles';
import { TraceAnalysis } from '../trace/traceAnalysis';
import { Workspace } from '../workspace';
import { CodeIndex } from './codeIndex';
import { ConfigState } from './configState';
import { SpecFileStore } from './fileStore';
import { EngineOptions } from './options';
import { SpecAnalysis, SpecIndex } from './specIndex';
import { SpecResultCache, sharedInputs, specInputs } from './specResultCache';

/** What the findings are computed from: the engine's other parts. */
export interface FindingSources {
  readonly workspace: Workspace;
  readonly config: ConfigState;
  readonly files: SpecFileStore;
  readonly specs: SpecIndex;
  readonly code: CodeIndex;
  readonly notes: FileNoteStore;
  /** The engine's memo tables, handed to the trace analysis. */
  readonly cache: AnalysisCache;
  /** Every file the workspace listed at the last full index; workspace rules match globs against it. */
  readonly listed: () => Iterable<string>;
  readonly options: EngineOptions;
  /** Spec rules run after the registered ones (plugin formats' own, then the test seam's). */
  readonly extraSpecRules: readonly SpecRule[] | undefined;
}

/**
 * The findings of the current state, each part cached until what it reads changes: a spec's own
 * findings (with its model), the cross-spec ones (re-run for the rules and spec parts a changed
 * spec concerns, see WorkspaceChecks) and the trace analysis (updated by delta: a changed spec
 * or code file re-resolves only its links, and re-runs only the trace parts that read them).
 * Suppressions and baselines are applied here.
 */
export class FindingsIndex {
  private baselines: readonly Baseline[] = [];
  private trace: TraceAnalysis | undefined;
  /** Bumped whenever anything the trace analysis reads changes, so callers can tell it moved on. */
  private version = 0;
  /** What changed since the trace analysis was last brought up to date; `rebuild` starts it afresh. */
  private readonly pending = { rebuild: true, specDirs: new Set<string>(), code: new Set<string>(), paths: new Set<string>(), pins: false };
  private workspace: WorkspaceChecks | undefined;
  /** Spec folders changed since the cross-spec findings were last brought up to date (undefined: all of them). */
  private crossDirs: Set<string> | undefined = undefined;
  private listedChanged = true;
  /** What was last handed out per spec folder, to tell which folders a cross-spec change touched. */
  private readonly workspaceFingerprints = new Map<string, string>();
  /** Files whose cross-spec findings moved since crossSpecChangedDirs last looked; undefined: every file. */
  private crossMoved: Set<string> | undefined = undefined;
  /**
   * The warm cache's spec results while start-up indexing lasts (set by the engine, see
   * specResultCache.ts); undefined otherwise, when every spec's own findings come from its rules.
   */
  specResults: SpecResultCache | undefined;
  /** The inputs every spec shares, kept while the policy (settings, config) and baselines are the same. */
  private shared: { policy: RuleSettings; baselines: readonly Baseline[]; value: string } | undefined;

  constructor(private readonly from: FindingSources) {}

  get traceVersion(): number {
    return this.version;
  }

  /** Anything the trace analysis reads may have changed (settings, a full index): it is built afresh. */
  traceChanged(): void {
    this.pending.rebuild = true;
    this.version++;
  }

  /** Every spec may have changed (settings, config): the cross-spec findings are recomputed when next asked. */
  specsChanged(): void {
    this.workspace = undefined;
    this.crossDirs = undefined;
  }

  /** One spec folder's files changed: its links, trace parts and the cross-spec parts that read it are brought up to date. */
  specChanged(dir: string): void {
    this.pending.specDirs.add(dir);
    this.crossDirs?.add(dir);
    this.version++;
  }

  /** The file list the workspace rules match changed. */
  listChanged(): void {
    this.listedChanged = true;
  }

  /** One code file's trace facts changed (or the pin store's pins). */
  codeChanged(path: string): void {
    if (this.from.code.files.isPinStore(path)) this.pending.pins = true;
    else this.pending.code.add(path);
    this.version++;
  }

  /** A file was created or deleted: task mentions that looked it up are judged again. */
  pathChanged(path: string): void {
    this.pending.paths.add(path);
    this.version++;
  }

  setBaselines(baselines: readonly Baseline[]): void {
    this.baselines = baselines;
    this.from.specs.forgetFindings();
  }

  /**
   * Findings for one spec folder, sorted by file and position: its own (cached until the spec
   * changes) and the cross-spec ones that land in its files.
   */
  forSpec(specDir: string, token: CancellationToken): Finding[] {
    const own = this.ownFindings(specDir, token);
    const files = this.from.files.filesOfSpec(specDir);
    const checks = this.crossSpecChecks(token);
    const cross = this.accepted(files.flatMap((p) => checks.findingsIn(p)));
    return cross.length ? [...own, ...cross].sort(compareFindings) : own;
  }

  private crossSpecChecks(token: CancellationToken): WorkspaceChecks {
    const { workspace, specs, config, options } = this.from;
    if (!this.workspace) {
      this.workspace = new WorkspaceChecks(config.policy(), { extraRules: options.extraRules?.workspace, log: options.log });
      this.crossDirs = undefined;
      this.crossMoved = undefined;
    }
    if (this.crossDirs === undefined || this.crossDirs.size || this.listedChanged) {
      let files: string[] | undefined;
      let models: SpecModel[] | undefined;
      const listed = this.from.listed;
      // The file list and the spec list are made only when a rule that reads them re-runs.
      const view = {
        get specs() {
          return (models ??= specs.allSpecs());
        },
        get files() {
          return (files ??= [...listed()]);
        },
        roots: workspace.roots,
      };
      this.workspace.update(view, this.crossDirs, this.listedChanged, token, (dir) => specs.analysis(dir)?.model);
      this.crossDirs = new Set();
      this.listedChanged = false;
      if (this.crossMoved) for (const p of this.workspace.takeMovedPaths()) this.crossMoved.add(p);
      else this.workspace.takeMovedPaths();
    }
    return this.workspace;
  }

  /**
   * Spec folders whose cross-spec findings differ from what this method last reported, e.g. a
   * change's delta after its base spec was edited. The language server republishes them. Only
   * folders holding a file whose cross-spec findings moved are compared.
   */
  crossSpecChangedDirs(token: CancellationToken): string[] {
    const checks = this.crossSpecChecks(token);
    const { files, config } = this.from;
    const moved = this.crossMoved;
    this.crossMoved = new Set();
    const dirs = moved
      ? new Set([...moved].map((p) => config.locate(p)?.specDir).filter((d): d is string => d !== undefined))
      : new Set([...files.specDirs(), ...this.workspaceFingerprints.keys()]);
    const changed: string[] = [];
    for (const dir of dirs) {
      const print = files
        .filesOfSpec(dir)
        .flatMap((p) => checks.findingsIn(p))
        .map((f) => `${f.path}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`)
        .sort()
        .join('\n');
      if ((this.workspaceFingerprints.get(dir) ?? '') !== print) changed.push(dir);
      if (print) this.workspaceFingerprints.set(dir, print);
      else this.workspaceFingerprints.delete(dir);
    }
    return changed;
  }

  private ownFindings(specDir: string, token: CancellationToken): Finding[] {
    const { files } = this.from;
    const analysis = this.from.specs.analysis(specDir);
    if (!analysis) return [];
    analysis.findings ??= this.storedOrChecked(specDir, analysis, token);
    // Trace findings on spec files (coverage, tasks without code) change with code, so they are
    // merged here rather than cached with the spec's own findings.
    const trace = this.traceAnalysis(token);
    const global = trace.globalFindings(token);
    const inFiles = global.length ? new Set(files.filesOfSpec(specDir)) : undefined;
    const traced = this.accepted([...trace.findingsOfSpec(specDir, token), ...global.filter((f) => inFiles!.has(f.path))]);
    return traced.length ? [...analysis.findings, ...traced].sort(compareFindings) : analysis.findings;
  }

  /**
   * A spec's own findings from the warm cache when it holds them for exactly these inputs, else
   * the rules' (then recorded, unless a rule failed: a fault is never replayed). Rules from
   * outside the registry (a plugin format's, the test seam's) and a replaced parser are not part
   * of the cache's key, so an engine that has them always runs the rules.
   */
  private storedOrChecked(specDir: string, analysis: SpecAnalysis, token: CancellationToken): Finding[] {
    const cache = this.from.extraSpecRules || this.from.options.parse ? undefined : this.specResults;
    const inputs = cache && this.ownInputs(specDir);
    const stored = inputs === undefined ? undefined : cache!.ownFindings(specDir, inputs);
    if (stored) return [...stored];
    const findings = this.checkOwn(specDir, analysis, token);
    if (inputs !== undefined && !findings.some(isInternalError)) cache!.putOwnFindings(specDir, inputs, findings);
    return findings;
  }

  /** What a spec's own findings are computed from, as the warm cache keys them (see specResultCache.ts). */
  private ownInputs(specDir: string): string {
    const { config, files, notes, workspace, options } = this.from;
    const policy = config.policy();
    if (this.shared?.policy !== policy || this.shared.baselines !== this.baselines) {
      const value = sharedInputs(config.effectiveSettings(), workspace.roots, options.formats ?? [], !!options.keepAccepted, this.baselines);
      this.shared = { policy, baselines: this.baselines, value };
    }
    const inputs = files.readFilesOfSpec(specDir).map((path) => {
      const entry = files.get(path)!;
      return { path, location: entry.location, text: entry.text, note: notes.get(path), declined: !!entry.declined };
    });
    return specInputs(this.shared.value, specDir, inputs);
  }

  /** Runs the per-spec rules, and adds the notes of its files and the faults of its parse. */
  private checkOwn(specDir: string, analysis: SpecAnalysis, token: CancellationToken): Finding[] {
    const { files, notes, config, options } = this.from;
    const policy = config.policy();
    const findings = runSpecChecks(analysis.model, policy, token, { extraRules: this.from.extraSpecRules, log: options.log });
    const fileNotes: FileNote[] = [];
    for (const path of files.readFilesOfSpec(specDir)) {
      const failure = files.get(path)!.failure;
      if (failure) findings.push(failure);
      const note = notes.get(path);
      if (note) fileNotes.push(note);
    }
    findings.push(...fileNoteFindings(fileNotes, policy, token));
    if (analysis.fault) findings.push(analysis.fault);
    return this.accepted(findings).sort(compareFindings);
  }

  /**
   * Drops findings that a suppression comment or the baseline accepts (marks them instead when the
   * engine keeps accepted findings). Internal errors are never
   * dropped: a result that is missing must not be accepted as if it were a finding.
   */
  private accepted(findings: Finding[]): Finding[] {
    if (findings.length === 0) return findings;
    const faults = findings.filter(isInternalError);
    const rest = faults.length ? findings.filter((f) => !isInternalError(f)) : findings;
    const accept = this.from.options.keepAccepted ? markAcceptedFindings : acceptedFindings;
    const kept = accept(rest, {
      suppressionsOf: (p: string) => this.from.files.get(p)?.facts.suppressions,
      // Code files keep no text, so their baseline fingerprints rest on rule, file and count.
      textOf: (p: string) => this.from.files.get(p)?.text,
      baselines: this.baselines,
    });
    return faults.length ? [...kept, ...faults] : kept;
  }

  /** The specs-and-code analysis of the current state (tags resolved, trace findings, coverage), brought up to date. */
  traceAnalysis(token: CancellationToken): TraceAnalysis {
    throwIfCancelled(token);
    const { pending } = this;
    if (!this.trace || pending.rebuild) {
      this.trace = this.buildTraceAnalysis(token);
      pending.rebuild = false;
      pending.specDirs.clear();
      pending.code.clear();
      pending.paths.clear();
      pending.pins = false;
      return this.trace;
    }
    if (pending.specDirs.size) {
      // Models first: building one may be cancelled, and nothing has been changed yet.
      const models = this.from.specs.allSpecs(token);
      this.apply(() => this.trace!.setSpecs(models, pending.specDirs), token);
      pending.specDirs.clear();
    }
    for (const path of pending.code) this.apply(() => this.trace!.setCodeFile(path), token);
    pending.code.clear();
    if (pending.paths.size) this.apply(() => this.trace!.pathsChanged(pending.paths), token);
    pending.paths.clear();
    if (pending.pins) this.apply(() => this.trace!.pinsChanged(), token);
    pending.pins = false;
    return this.trace!;
  }

  /** One delta; a delta that throws leaves an analysis built afresh, with its own fault handling. */
  private apply(step: () => void, token: CancellationToken): void {
    if (!this.trace) return;
    try {
      step();
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      this.trace = this.buildTraceAnalysis(token);
    }
  }

  /** What moved in the trace findings since the language server last asked (see TraceAnalysis.takeChanges). */
  traceChanges(token: CancellationToken): TraceChanges {
    return this.traceAnalysis(token).takeChanges();
  }

  private buildTraceAnalysis(token: CancellationToken): TraceAnalysis {
    const { specs: index, workspace, config, code, options: engineOptions } = this.from;
    const specs = index.allSpecs();
    const textOf = (p: string) => this.from.files.get(p)?.text;
    const options = { extraRules: engineOptions.extraRules?.trace, log: engineOptions.log, cache: this.from.cache };
    try {
      return new TraceAnalysis(specs, code.files, config.policy(), textOf, workspace.roots, options);
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      // Indexing the trace tags failed: no trace findings or coverage this time, one finding that says so.
      const fault = internalError('the trace index', faultAnchor(specs, workspace.roots), err, engineOptions.log);
      return new TraceAnalysis([], new CodeFiles(() => workspace.roots), config.policy(), textOf, workspace.roots, { ...options, faults: [fault] });
    }
  }

  /** Trace findings in code and test files (not spec files), grouped by file. */
  codeFindingsByFile(token: CancellationToken): Map<string, Finding[]> {
    const inCode = this.traceAnalysis(token)
      .findings(token)
      .filter((f) => !this.from.config.locate(f.path));
    return groupByPath(this.accepted([...inCode, ...this.from.code.faults()]));
  }

  /** Trace findings in one code or test file, with its scanner fault, for a publisher that knows the file moved. */
  codeFindingsIn(path: string, token: CancellationToken): Finding[] {
    const trace = this.traceAnalysis(token);
    const own = [...trace.findingsOfFile(path, token), ...[...this.from.code.faults()].filter((f) => f.path === path)];
    return this.accepted(own.sort(compareFindings));
  }

  all(token: CancellationToken): Finding[] {
    const code = [...this.codeFindingsByFile(token).values()].flat();
    return [...this.from.files.specDirs().flatMap((dir) => this.forSpec(dir, token)), ...code];
  }
}
