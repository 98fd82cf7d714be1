// @spec specthread-core#1.5, specthread-core#2.4, specthread-core#4.2, specthread-core#8.4, specthread-core#11.7
import type { SpecThreadSettings } from '../../../shared/settings';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { DEFAULT_TRACE_SETTINGS } from '../../../shared/traceSettings';
import { CancellationToken, throwIfCancelled, yieldToEventLoop } from './cancellation';
import { runSpecChecks } from './checks/runChecks';
import { PARSE_FAILED } from './checks/parseRules';
import { effectiveSeverity } from './checks/runChecks';
import { Finding, compareFindings } from './findings';
import { SpecModel, buildSpecModel } from './index/specModel';
import { SpecFileFacts } from './model';
import { parseSpecFile } from './parse/parseSpecFile';
import { CodeFiles } from './trace/codeFiles';
import { TraceAnalysis } from './trace/traceAnalysis';
import { Workspace } from './workspace';
import { compileGlobs } from './glob/glob';
import { Baseline } from './baseline/baseline';
import { acceptedFindings } from './suppress/accept';
import { SpecLayout, SpecLocation, SpecRoot } from './specLocation';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, RepoConfig, joinPath, mergeConfigs, parseRepoConfig } from './config/repoConfig';
import { runWorkspaceChecks } from './checks/runWorkspaceChecks';
import { KIRO_SPEC_FILES } from './layout/kiroLayout';
import { OPENSPEC_CHANGE_FILES } from './layout/openspecLayout';
import { SPECKIT_SPEC_FILES, featureAlias } from './layout/speckitLayout';

interface FileEntry {
  readonly text: string;
  readonly facts: SpecFileFacts;
  readonly location: SpecLocation;
  /** Set when the parser threw: the file is kept, empty, with one finding that says so. */
  readonly failure?: string;
}

interface SpecAnalysis {
  readonly model: SpecModel;
  findings?: Finding[];
}

export interface IndexProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * The analysis engine: owns per-file facts (cached by content), builds each spec's model when
 * one of its files changes, and runs the checks. Transport-neutral: the language server, the
 * CLI and tests all drive this one class.
 */
export class Engine {
  private readonly files = new Map<string, FileEntry>();
  private readonly specFiles = new Map<string, Set<string>>();
  private readonly analyses = new Map<string, SpecAnalysis>();
  private excluded: (relativePath: string) => boolean;
  private baselines: readonly Baseline[] = [];
  /** Code and test files: their trace facts live apart from spec files (see trace/codeFiles.ts). */
  readonly code: CodeFiles;
  private trace: TraceAnalysis | undefined;
  /** Bumped whenever anything the trace analysis reads changes, so callers can tell it moved on. */
  traceVersion = 0;
  private config: RepoConfig = EMPTY_CONFIG;
  private layout: SpecLayout;
  /** Every file the workspace listed at the last full index; workspace rules match globs against it. */
  private listed = new Set<string>();
  /** Cross-spec findings by file, recomputed after any spec changes. */
  private workspaceFindings: Map<string, Finding[]> | undefined;
  /** What was last handed out per spec folder, to tell which folders a cross-spec change touched. */
  private readonly workspaceFingerprints = new Map<string, string>();

  constructor(
    private readonly workspace: Workspace,
    private settings: SpecThreadSettings = DEFAULT_SETTINGS,
  ) {
    this.excluded = compileGlobs(settings.exclude).match;
    this.code = new CodeFiles(() => this.workspace.roots);
    this.code.configure(settings.codeTrace ?? DEFAULT_TRACE_SETTINGS);
    this.layout = this.buildLayout();
  }

  /** Configured roots (repo config file and settings, relative to each workspace folder) plus defaults. */
  private buildLayout(): SpecLayout {
    const fromSettings: SpecRoot[] = (this.settings.roots ?? []).flatMap((r) => this.workspace.roots.map((folder) => ({ dir: joinPath(folder, r.path), format: r.format })));
    return new SpecLayout([...this.config.roots, ...fromSettings], this.config.discover);
  }

  private applyConfig(config: RepoConfig): void {
    this.config = config;
    this.excluded = compileGlobs([...this.settings.exclude, ...config.exclude]).match;
    this.layout = this.buildLayout();
  }

  /** The severities in effect: settings override the repo config file. */
  private effectiveSettings(): SpecThreadSettings {
    return Object.keys(this.config.rules).length ? { ...this.settings, rules: { ...this.config.rules, ...this.settings.rules } } : this.settings;
  }

  /** True for `specthread.json` / `.specthread.json` at the root of a workspace folder. */
  isConfigFile(path: string): boolean {
    return this.workspace.roots.some((root) => CONFIG_FILE_NAMES.some((name) => path === `${root}/${name}`));
  }

  /** Reads the repo config files of every workspace folder. */
  async loadConfig(token: CancellationToken): Promise<void> {
    const configs: RepoConfig[] = [];
    for (const root of this.workspace.roots) {
      for (const name of CONFIG_FILE_NAMES) {
        const text = await this.workspace.readFile(`${root}/${name}`, token);
        if (text !== undefined) configs.push(parseRepoConfig(`${root}/${name}`, root, text));
      }
    }
    this.applyConfig(configs.length ? mergeConfigs(configs) : EMPTY_CONFIG);
  }

  /**
   * The config file or the workspace folders changed: forget everything and index again, since
   * roots and excludes decide which files are specs at all. Returns every spec folder before and after, so the
   * caller can republish (and clear) them all.
   */
  async reloadConfig(token: CancellationToken): Promise<string[]> {
    const before = this.specDirs();
    this.files.clear();
    this.specFiles.clear();
    this.analyses.clear();
    this.workspaceFindings = undefined;
    // Excludes and roots decide which code files are scanned too.
    this.code.clear();
    this.traceChanged();
    await this.indexWorkspace(token);
    return [...new Set([...before, ...this.specDirs()])];
  }

  /** Problems in the repo config files themselves (the CLI prints them; VS Code validates by schema). */
  configFindings(): Finding[] {
    return this.config.problems.map((p) => ({ path: p.path, range: p.range, severity: 'error' as const, code: 'config.invalid', message: p.text }));
  }

  private locate(path: string): SpecLocation | undefined {
    return this.layout.locate(path);
  }

  get roots(): readonly string[] {
    return this.workspace.roots;
  }

  /** Returns true when code files must be rescanned (`indexCode`) because test globs or limits changed. */
  updateSettings(settings: SpecThreadSettings): boolean {
    this.settings = settings;
    this.applyConfig(this.config);
    this.analyses.clear();
    this.workspaceFindings = undefined;
    this.traceChanged();
    return this.code.configure(settings.codeTrace ?? DEFAULT_TRACE_SETTINGS);
  }

  private traceChanged(): void {
    this.trace = undefined;
    this.traceVersion++;
  }

  /** Is this a code or test file the engine scans for trace tags (or the pin store)? */
  isTraceable(path: string): boolean {
    if (this.locate(path) !== undefined || this.isExcluded(path)) return false;
    return this.code.isScannable(path) || this.code.isPinStore(path);
  }

  /** Accepted findings (see core/baseline); an empty list reports everything. */
  setBaselines(baselines: readonly Baseline[]): void {
    this.baselines = baselines;
    for (const analysis of this.analyses.values()) analysis.findings = undefined;
  }

  /** Is this path one the engine analyses (a spec file, inside a root, not excluded)? */
  isTracked(path: string): boolean {
    return this.locate(path) !== undefined && !this.isExcluded(path);
  }

  private isExcluded(path: string): boolean {
    const root = this.workspace.roots.find((r) => path.startsWith(r.endsWith('/') ? r : r + '/'));
    if (!root) return true;
    return this.excluded(path.slice(root.length).replace(/^\//, ''));
  }

  /**
   * Reads and parses every spec file in the workspace. Files under `priority` folders (the
   * specs of open documents) are read first; the loop yields to the event loop so requests
   * are served while a large workspace is indexed.
   */
  async indexWorkspace(token: CancellationToken, onProgress?: (p: IndexProgress) => void, priority: readonly string[] = []): Promise<void> {
    await this.loadConfig(token);
    const listed = await this.workspace.listFiles(token);
    this.listed = new Set(listed);
    const all = listed.filter((p) => this.isTracked(p));
    const first = (p: string) => (priority.some((dir) => p.startsWith(dir + '/')) ? 0 : 1);
    const ordered = [...all].sort((a, b) => first(a) - first(b));
    let done = 0;
    // Reads run a few at a time: the disk, not the parser, is the bottleneck of a cold index.
    const BATCH = 16;
    for (let i = 0; i < ordered.length; i += BATCH) {
      throwIfCancelled(token);
      const batch = ordered.slice(i, i + BATCH);
      const texts = await Promise.all(batch.map((p) => this.workspace.readFile(p, token)));
      batch.forEach((path, j) => {
        const text = texts[j];
        if (text !== undefined && !this.files.has(path)) this.setText(path, text, token);
      });
      done += batch.length;
      onProgress?.({ done, total: ordered.length });
      await yieldToEventLoop();
    }
    onProgress?.({ done, total: ordered.length });
    await this.indexCode(token, listed);
  }

  /**
   * Scans every code and test file for trace tags (specs first, so a user sees spec diagnostics
   * before a large repository is scanned). Also called again when test globs change.
   */
  async indexCode(token: CancellationToken, listed?: readonly string[]): Promise<void> {
    const files = listed ?? (await this.workspace.listFiles(token));
    let n = 0;
    for (const path of files) {
      throwIfCancelled(token);
      this.code.markKnown(path, true);
      if (!this.isTraceable(path)) continue;
      await this.loadCode(path, token);
      if (++n % 100 === 0) await yieldToEventLoop();
    }
    this.traceChanged();
  }

  /** Reads and scans one code file, without reading it when the workspace says it is too large. */
  private async loadCode(path: string, token: CancellationToken): Promise<boolean> {
    const stat = this.workspace.stat ? await this.workspace.stat(path, token) : { size: 0 };
    if (!stat) return this.code.set(path, undefined, token);
    if (stat.size > this.code.settings.maxFileSize && !this.code.isPinStore(path)) return this.code.skip(path, 'too-large');
    return this.code.set(path, await this.workspace.readFile(path, token), token);
  }

  /**
   * Loads the other files of the spec that `path` belongs to, so a document opened before
   * indexing finishes gets complete diagnostics at once.
   */
  async loadSpecOf(path: string, token: CancellationToken): Promise<void> {
    const location = this.locate(path);
    if (!location || this.isExcluded(path)) return;
    const siblings = location.format === 'kiro' ? KIRO_SPEC_FILES : location.format === 'speckit' ? SPECKIT_SPEC_FILES : [...OPENSPEC_CHANGE_FILES, 'spec.md'];
    for (const name of siblings) {
      const sibling = `${location.specDir}/${name}`;
      if (this.files.has(sibling)) continue;
      const text = await this.workspace.readFile(sibling, token);
      if (text !== undefined && !this.files.has(sibling)) this.setText(sibling, text, token);
    }
  }

  /**
   * Sets a file's current text (an editor buffer or the disk contents), or removes it with
   * `undefined`. Returns the spec folder whose analysis changed, if any. Parses only this file.
   */
  setText(path: string, text: string | undefined, token: CancellationToken): string | undefined {
    const location = this.locate(path);
    if (!location) {
      // Code, tests and every other file: trace facts change, no spec analysis does.
      if (this.isTraceable(path) ? this.code.set(path, text, token) : (this.code.markKnown(path, text !== undefined), false)) this.traceChanged();
      return undefined;
    }
    if (this.isExcluded(path)) return undefined;
    const previous = this.files.get(path);
    if (text === undefined) {
      if (!previous) return undefined;
      this.files.delete(path);
      this.specFiles.get(location.specDir)?.delete(path);
    } else {
      if (previous?.text === text) return undefined;
      this.files.set(path, this.parse(path, location, text, token));
      const set = this.specFiles.get(location.specDir) ?? new Set<string>();
      set.add(path);
      this.specFiles.set(location.specDir, set);
    }
    this.analyses.delete(location.specDir);
    this.code.markKnown(path, text !== undefined);
    this.traceChanged();
    this.workspaceFindings = undefined;
    if (text !== undefined) this.listed.add(path);
    return location.specDir;
  }

  /** Re-reads a file from the workspace after a watched-file event. */
  async reload(path: string, token: CancellationToken): Promise<string | undefined> {
    if (!this.isTracked(path)) {
      if (this.isTraceable(path)) {
        if (await this.loadCode(path, token)) this.traceChanged();
      } else if (this.locate(path) === undefined) {
        // Tasks name files of any kind; only their existence matters.
        const exists = this.workspace.stat ? (await this.workspace.stat(path, token)) !== undefined : (await this.workspace.readFile(path, token)) !== undefined;
        this.code.markKnown(path, exists);
        this.traceChanged();
      }
      return undefined;
    }
    return this.setText(path, await this.workspace.readFile(path, token), token);
  }

  private parse(path: string, location: SpecLocation, text: string, token: CancellationToken): FileEntry {
    try {
      return { text, location, facts: parseSpecFile(path, location.kind, text, token, location.format) };
    } catch (err) {
      if (token.isCancellationRequested) throw err;
      // A parser bug must never take the server down or hide the rest of the workspace.
      const message = err instanceof Error ? err.message : String(err);
      const facts: SpecFileFacts = { path, kind: location.kind, requirements: [], tasks: [], refs: [], headings: [], glossary: [], notes: [], lineCount: 0 };
      return { text, location, facts, failure: message };
    }
  }

  /** The spec folders currently known, sorted. */
  specDirs(): string[] {
    return [...this.specFiles.entries()].filter(([, files]) => files.size > 0).map(([dir]) => dir).sort();
  }

  /** The files of one spec folder that the engine holds. */
  filesOfSpec(specDir: string): string[] {
    return [...(this.specFiles.get(specDir) ?? [])].sort();
  }

  /** The text the engine analysed for `path` (the editor buffer when the file is open). */
  textOf(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  facts(path: string): SpecFileFacts | undefined {
    return this.files.get(path)?.facts;
  }

  specDirOf(path: string): string | undefined {
    return this.files.get(path)?.location.specDir ?? this.locate(path)?.specDir;
  }

  /** The spec model of the folder `path` belongs to (built on demand, then cached). */
  specOf(path: string): SpecModel | undefined {
    const dir = this.specDirOf(path);
    return dir ? this.analysis(dir)?.model : undefined;
  }

  /**
   * The spec a cross-spec ref names: by folder name, or for spec-kit by the name without its
   * number prefix (`user-auth` for `001-user-auth`) when only one feature has it.
   */
  specByName(name: string): SpecModel | undefined {
    const specs = this.allSpecs();
    const exact = specs.find((s) => s.id === name);
    if (exact) return exact;
    const aliased = specs.filter((s) => s.format === 'speckit' && featureAlias(s.id) === name);
    return aliased.length === 1 ? aliased[0] : undefined;
  }

  allSpecs(): SpecModel[] {
    return this.specDirs().map((dir) => this.analysis(dir)?.model).filter((m): m is SpecModel => !!m);
  }

  private analysis(specDir: string): SpecAnalysis | undefined {
    const cached = this.analyses.get(specDir);
    if (cached) return cached;
    const paths = this.filesOfSpec(specDir);
    if (paths.length === 0) return undefined;
    const first = this.files.get(paths[0])!.location;
    const model = buildSpecModel(first.specId, specDir, first.format, paths.map((p) => this.files.get(p)!.facts), first.archived);
    const analysis: SpecAnalysis = { model };
    this.analyses.set(specDir, analysis);
    return analysis;
  }

  /**
   * Findings for one spec folder, sorted by file and position: its own (cached until the spec
   * changes) and the cross-spec ones that land in its files.
   */
  findingsForSpec(specDir: string, token: CancellationToken): Finding[] {
    const own = this.ownFindings(specDir, token);
    const files = this.filesOfSpec(specDir);
    const cross = this.accepted(files.flatMap((p) => this.crossSpecFindings(token).get(p) ?? []));
    return cross.length ? [...own, ...cross].sort(compareFindings) : own;
  }

  private crossSpecFindings(token: CancellationToken): Map<string, Finding[]> {
    if (!this.workspaceFindings) {
      const byPath = new Map<string, Finding[]>();
      const view = { specs: this.allSpecs(), files: [...this.listed], roots: this.workspace.roots };
      for (const f of runWorkspaceChecks(view, this.effectiveSettings(), token)) {
        const list = byPath.get(f.path) ?? [];
        list.push(f);
        byPath.set(f.path, list);
      }
      this.workspaceFindings = byPath;
    }
    return this.workspaceFindings;
  }

  /**
   * Spec folders whose cross-spec findings differ from what this method last reported, e.g. a
   * change's delta after its base spec was edited. The language server republishes them.
   */
  crossSpecChangedDirs(token: CancellationToken): string[] {
    const findings = this.crossSpecFindings(token);
    const changed: string[] = [];
    for (const dir of new Set([...this.specDirs(), ...this.workspaceFingerprints.keys()])) {
      const print = this.filesOfSpec(dir)
        .flatMap((p) => findings.get(p) ?? [])
        .map((f) => `${f.path}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`)
        .join('\n');
      if ((this.workspaceFingerprints.get(dir) ?? '') !== print) changed.push(dir);
      this.workspaceFingerprints.set(dir, print);
    }
    return changed;
  }

  private ownFindings(specDir: string, token: CancellationToken): Finding[] {
    const analysis = this.analysis(specDir);
    if (!analysis) return [];
    if (!analysis.findings) {
      const findings = runSpecChecks(analysis.model, this.effectiveSettings(), token, this.workspace.roots);
      const failSeverity = effectiveSeverity(PARSE_FAILED, this.effectiveSettings());
      for (const path of this.filesOfSpec(specDir)) {
        const entry = this.files.get(path)!;
        if (entry.failure && failSeverity !== 'off') {
          findings.push({
            path,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: failSeverity,
            code: PARSE_FAILED.code,
            message: `SpecThread could not read this file (${entry.failure}); it is skipped. Please report this with the file attached.`,
          });
        }
      }
      analysis.findings = this.accepted(findings).sort(compareFindings);
    }
    // Trace findings on spec files (coverage, tasks without code) change with code, so they are
    // merged here rather than cached with the spec's own findings.
    const traced = this.accepted(this.filesOfSpec(specDir).flatMap((p) => this.traceAnalysis(token).findingsIn(p, token)));
    return traced.length ? [...analysis.findings, ...traced].sort(compareFindings) : analysis.findings;
  }

  /** Drops findings that a suppression comment or the baseline accepts. */
  private accepted(findings: Finding[]): Finding[] {
    if (findings.length === 0) return findings;
    return acceptedFindings(findings, {
      suppressionsOf: (p: string) => this.files.get(p)?.facts.suppressions,
      // Code files keep no text, so their baseline fingerprints rest on rule, file and count.
      textOf: (p: string) => this.textOf(p),
      baselines: this.baselines,
    });
  }

  /** The specs-and-code analysis of the current state (tags resolved, trace findings, coverage). */
  traceAnalysis(token: CancellationToken): TraceAnalysis {
    throwIfCancelled(token);
    this.trace ??= new TraceAnalysis(this.allSpecs(), this.code, this.settings, (p) => this.textOf(p), this.workspace.roots);
    return this.trace;
  }

  /** Trace findings in code and test files (not spec files), grouped by file. */
  codeFindingsByFile(token: CancellationToken): Map<string, Finding[]> {
    const byFile = new Map<string, Finding[]>();
    for (const f of this.accepted(this.traceAnalysis(token).findings(token).filter((f) => !this.locate(f.path)))) {
      const list = byFile.get(f.path);
      if (list) list.push(f);
      else byFile.set(f.path, [f]);
    }
    return byFile;
  }

  allFindings(token: CancellationToken): Finding[] {
    const code = [...this.codeFindingsByFile(token).values()].flat();
    return [...this.specDirs().flatMap((dir) => this.findingsForSpec(dir, token)), ...code];
  }
}
