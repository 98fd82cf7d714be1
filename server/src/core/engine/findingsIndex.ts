// @spec specthread-core#4.2, specthread-core#11.7, specthread-core#14.1
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Baseline } from '../baseline/baseline';
import { AnalysisCache } from '../analysisCache';
import { fileNoteFindings } from '../checks/fileRules';
import { SpecRule } from '../checks/rule';
import { runSpecChecks } from '../checks/runChecks';
import { runWorkspaceChecks } from '../checks/runWorkspaceChecks';
import { faultAnchor, internalError, isCancellation, isInternalError } from '../faults';
import { FileNote } from '../fileNote';
import { FileNoteStore } from '../fileNoteStore';
import { Finding, compareFindings, groupByPath } from '../findings';
import { acceptedFindings, markAcceptedFindings } from '../suppress/accept';
import { CodeFiles } from '../trace/codeFiles';
import { TraceAnalysis } from '../trace/traceAnalysis';
import { Workspace } from '../workspace';
import { CodeIndex } from './codeIndex';
import { ConfigState } from './configState';
import { SpecFileStore } from './fileStore';
import { EngineOptions } from './options';
import { SpecIndex } from './specIndex';

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
 * findings (with its model), the cross-spec ones (until any spec changes) and the trace analysis
 * (until any spec or code file changes). Suppressions and baselines are applied here.
 */
export class FindingsIndex {
  private baselines: readonly Baseline[] = [];
  private trace: TraceAnalysis | undefined;
  /** Bumped whenever anything the trace analysis reads changes, so callers can tell it moved on. */
  private version = 0;
  /** Cross-spec findings by file, recomputed after any spec changes. */
  private workspaceFindings: Map<string, Finding[]> | undefined;
  /** What was last handed out per spec folder, to tell which folders a cross-spec change touched. */
  private readonly workspaceFingerprints = new Map<string, string>();

  constructor(private readonly from: FindingSources) {}

  get traceVersion(): number {
    return this.version;
  }

  traceChanged(): void {
    this.trace = undefined;
    this.version++;
  }

  /** Any spec changed: the cross-spec findings are recomputed when next asked. */
  specsChanged(): void {
    this.workspaceFindings = undefined;
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
    const cross = this.accepted(files.flatMap((p) => this.crossSpecFindings(token).get(p) ?? []));
    return cross.length ? [...own, ...cross].sort(compareFindings) : own;
  }

  private crossSpecFindings(token: CancellationToken): Map<string, Finding[]> {
    if (!this.workspaceFindings) {
      const { workspace, specs, config, options } = this.from;
      const view = { specs: specs.allSpecs(), files: [...this.from.listed()], roots: workspace.roots };
      this.workspaceFindings = groupByPath(runWorkspaceChecks(view, config.policy(), token, { extraRules: options.extraRules?.workspace, log: options.log }));
    }
    return this.workspaceFindings;
  }

  /**
   * Spec folders whose cross-spec findings differ from what this method last reported, e.g. a
   * change's delta after its base spec was edited. The language server republishes them.
   */
  crossSpecChangedDirs(token: CancellationToken): string[] {
    const findings = this.crossSpecFindings(token);
    const { files } = this.from;
    const changed: string[] = [];
    for (const dir of new Set([...files.specDirs(), ...this.workspaceFingerprints.keys()])) {
      const print = files
        .filesOfSpec(dir)
        .flatMap((p) => findings.get(p) ?? [])
        .map((f) => `${f.path}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`)
        .join('\n');
      if ((this.workspaceFingerprints.get(dir) ?? '') !== print) changed.push(dir);
      this.workspaceFingerprints.set(dir, print);
    }
    return changed;
  }

  private ownFindings(specDir: string, token: CancellationToken): Finding[] {
    const { specs, files, notes, config, options } = this.from;
    const analysis = specs.analysis(specDir);
    if (!analysis) return [];
    if (!analysis.findings) {
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
      analysis.findings = this.accepted(findings).sort(compareFindings);
    }
    // Trace findings on spec files (coverage, tasks without code) change with code, so they are
    // merged here rather than cached with the spec's own findings.
    const traced = this.accepted(files.filesOfSpec(specDir).flatMap((p) => this.traceAnalysis(token).findingsIn(p, token)));
    return traced.length ? [...analysis.findings, ...traced].sort(compareFindings) : analysis.findings;
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

  /** The specs-and-code analysis of the current state (tags resolved, trace findings, coverage). */
  traceAnalysis(token: CancellationToken): TraceAnalysis {
    throwIfCancelled(token);
    this.trace ??= this.buildTraceAnalysis(token);
    return this.trace;
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

  all(token: CancellationToken): Finding[] {
    const code = [...this.codeFindingsByFile(token).values()].flat();
    return [...this.from.files.specDirs().flatMap((dir) => this.forSpec(dir, token)), ...code];
  }
}
