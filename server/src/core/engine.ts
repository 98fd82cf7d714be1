// @spec specthread-core#1.5, specthread-core#2.4, specthread-core#4.2, specthread-core#8.4, specthread-core#11.7, specthread-core#14.1, specthread-core#15.1, specthread-core#21.3
import type { SpecThreadSettings } from '../../../shared/settings';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { DEFAULT_TRACE_SETTINGS } from '../../../shared/traceSettings';
import { Baseline } from './baseline/baseline';
import { AnalysisCache } from './analysisCache';
import { CancellationToken, NEVER_CANCELLED } from './cancellation';
import { SPEC_RULES } from './checks/registry';
import { CodeIndex } from './engine/codeIndex';
import { BoundFactCache, FactCache, settingsFingerprint } from './engine/factCache';
import { ConfigState } from './engine/configState';
import { SpecFileStore } from './engine/fileStore';
import { FindingsIndex } from './engine/findingsIndex';
import { EngineOptions, IndexProgress } from './engine/options';
import { SpecIndex } from './engine/specIndex';
import { SpecResultCache } from './engine/specResultCache';
import { WorkspaceIndexer } from './engine/workspaceIndexer';
import { FileNote } from './fileNote';
import { FileNoteStore } from './fileNoteStore';
import { Finding } from './findings';
import { BUILTIN_FORMATS } from './formats/registry';
import { SpecFormatPlugin } from './formats/specFormatPlugin';
import { SpecModel } from './index/specModel';
import { SpecFileFacts } from './model';
import { parseSpecFile } from './parse/parseSpecFile';
import { CodeFiles } from './trace/codeFiles';
import { TraceAnalysis } from './trace/traceAnalysis';
import { TraceChanges } from './trace/traceDeps';
import { TestReport, TestResults, analyseTestResults } from './testResults/testResults';
import { Workspace } from './workspace';

export type { EngineOptions, IndexProgress } from './engine/options';
export type { CodeOutcome, FactCache } from './engine/factCache';
export type { SpecResultCache } from './engine/specResultCache';

/**
 * The analysis engine, transport-neutral: the language server, the CLI and tests all drive this
 * one class. It is a facade over its parts under engine/ (configuration and layout, spec files
 * parsed by content, spec models, code files, findings) and owns the order in which a change to
 * the workspace reaches them.
 */
export class Engine {
  /** The spec formats this engine reads. */
  readonly formats: readonly SpecFormatPlugin[];
  private readonly config: ConfigState;
  private readonly files: SpecFileStore;
  private readonly specs: SpecIndex;
  private readonly codeIndex: CodeIndex;
  private readonly results: FindingsIndex;
  /** Files the workspace declined or read in a degraded way: nothing is dropped without a note. */
  private readonly notes = new FileNoteStore();
  private readonly indexer: WorkspaceIndexer;
  /** Memo tables of parsers and rules: this engine's own, never shared with another (see analysisCache.ts). */
  private readonly cache = new AnalysisCache();

  constructor(
    private readonly workspace: Workspace,
    settings: SpecThreadSettings = DEFAULT_SETTINGS,
    options: EngineOptions = {},
  ) {
    const formats = (this.formats = options.formats ?? BUILTIN_FORMATS);
    this.config = new ConfigState(workspace, settings, formats, this.cache);
    const parse = options.parse ?? parseSpecFile;
    this.files = new SpecFileStore(
      (path, location, text, token) => parse(path, location.kind, text, token, location.format, formats, this.cache, this.config.vocabulary),
      options.log,
    );
    this.specs = new SpecIndex(this.files, formats, options.log);
    this.codeIndex = new CodeIndex(workspace, this.notes, options.log);
    this.code.configure(settings.codeTrace ?? DEFAULT_TRACE_SETTINGS);
    // The registry runs its own formats' rules; a format from elsewhere brings its rules here.
    const extra = [...formats.flatMap((f) => f.rules).filter((r) => !SPEC_RULES.includes(r)), ...(options.extraRules?.spec ?? [])];
    const sources = {
      workspace,
      config: this.config,
      files: this.files,
      specs: this.specs,
      code: this.codeIndex,
      notes: this.notes,
      cache: this.cache,
      options,
    };
    this.results = new FindingsIndex({ ...sources, listed: () => this.indexer.listedFiles(), extraSpecRules: extra.length ? extra : undefined });
    this.indexer = new WorkspaceIndexer({
      ...sources,
      formats,
      codeIndex: this.codeIndex,
      results: this.results,
      lazyArchives: options.lazyArchives,
      statementPrecheck: options.statementPrecheck,
    });
  }

  /** Code and test files: their trace facts live apart from spec files (see trace/codeFiles.ts). */
  get code(): CodeFiles {
    return this.codeIndex.files;
  }

  /** Bumped whenever anything the trace analysis reads changes, so callers can tell it moved on. */
  get traceVersion(): number {
    return this.results.traceVersion;
  }

  get roots(): readonly string[] {
    return this.workspace.roots;
  }

  /** True for `specthread.json` / `.specthread.json` at the root of a workspace folder. */
  isConfigFile(path: string): boolean {
    return this.config.isConfigFile(path);
  }

  /** Reads the repo config files of every workspace folder. */
  loadConfig(token: CancellationToken): Promise<void> {
    return this.config.load(this.notes, token);
  }

  /**
   * The config file or the workspace folders changed: forget everything and index again, since
   * roots and excludes decide which files are specs at all. Returns every spec folder before and
   * after, so the caller can republish (and clear) them all.
   */
  async reloadConfig(token: CancellationToken): Promise<string[]> {
    const before = this.specDirs();
    this.files.clear();
    this.specs.invalidate();
    this.results.specsChanged();
    this.notes.clear();
    // Excludes and roots decide which code files are scanned too.
    this.codeIndex.clear();
    this.cache.clear();
    this.results.traceChanged();
    await this.indexWorkspace(token);
    return [...new Set([...before, ...this.specDirs()])];
  }

  /**
   * Problems in the repo config files themselves (the CLI prints them; VS Code validates by schema).
   * The token may be left out: the pass is one loop over a handful of problems.
   */
  configFindings(token: CancellationToken = NEVER_CANCELLED): Finding[] {
    return this.config.findings(token);
  }

  /** The settings the engine runs with (the repository's and the editor's, layered). */
  get settings(): SpecThreadSettings {
    return this.config.settings;
  }

  /** Returns true when code files must be rescanned (`indexCode`) because test globs or limits changed. */
  updateSettings(settings: SpecThreadSettings): boolean {
    const words = this.config.vocabulary?.key;
    this.config.settings = settings;
    // Configured keywords change what a spec file's text means, so every spec file is read again.
    if (this.config.vocabulary?.key !== words) this.files.reparseAll(NEVER_CANCELLED);
    this.specs.invalidate();
    this.results.specsChanged();
    this.results.traceChanged();
    return this.code.configure(settings.codeTrace ?? DEFAULT_TRACE_SETTINGS);
  }

  /** Is this a code or test file the engine scans for trace tags (or the pin store)? */
  isTraceable(path: string): boolean {
    return this.indexer.isTraceable(path);
  }

  /**
   * Reads and parses every spec file in the workspace, the specs of open documents (`priority` folders) first, then scans code.
   * With a `factCache`, code files unchanged since it was written are taken from it (see engine/factCache.ts); it is consulted by this run only.
   */
  async indexWorkspace(
    token: CancellationToken,
    onProgress?: (p: IndexProgress) => void,
    priority: readonly string[] = [],
    factCache?: FactCache,
  ): Promise<void> {
    const bound = factCache && new BoundFactCache(factCache, () => settingsFingerprint(this.config.settings, this.formats, this.workspace.roots));
    this.codeIndex.factCache = bound;
    try {
      await this.indexer.indexWorkspace(token, onProgress, priority);
    } finally {
      this.codeIndex.factCache = undefined;
    }
  }

  /**
   * Start-up's warm cache of spec results (see engine/specResultCache.ts): while it is set, a
   * spec's own findings are taken from it when its inputs are exactly those stored, and recorded
   * otherwise. The language server sets it for start-up indexing and its first publish, then
   * clears it with `undefined`.
   */
  useSpecResults(cache: SpecResultCache | undefined): void {
    this.results.specResults = cache;
  }

  /** Reads the archived spec files that indexing deferred (EngineOptions.lazyArchives); none deferred, nothing to do. */
  loadArchives(token: CancellationToken): Promise<void> {
    return this.indexer.loadArchives(token);
  }

  /** Scans every code and test file for trace tags; also called again when test globs change. */
  indexCode(token: CancellationToken, listed?: readonly string[]): Promise<void> {
    return this.indexer.indexCode(token, listed);
  }

  /** Loads the other files of the spec that `path` belongs to, so a document opened early gets complete diagnostics. */
  loadSpecOf(path: string, token: CancellationToken): Promise<void> {
    return this.indexer.loadSpecOf(path, token);
  }

  /** Sets a file's current text, or removes it with `undefined`; returns the spec folder whose analysis changed. */
  setText(path: string, text: string | undefined, token: CancellationToken): string | undefined {
    return this.indexer.setText(path, text, token);
  }

  /** Re-reads a file from the workspace after a watched-file event. */
  reload(path: string, token: CancellationToken): Promise<string | undefined> {
    return this.indexer.reload(path, token);
  }

  /** Forgets every file whose path `gone` accepts; returns the spec folders whose analysis changed. */
  forget(gone: (path: string) => boolean, token: CancellationToken): string[] {
    return this.indexer.forget(gone, token);
  }

  /** Accepted findings (see core/baseline); an empty list reports everything. */
  setBaselines(baselines: readonly Baseline[]): void {
    this.results.setBaselines(baselines);
  }

  /** Is this path one the engine analyses (a spec file, inside a root, not excluded)? */
  isTracked(path: string): boolean {
    return this.config.isTracked(path);
  }

  /** Files the workspace declined or degraded (too large, binary, not UTF-8, unreadable, symlinks), by path. */
  fileNotes(): FileNote[] {
    return this.notes.all();
  }

  /** The spec folders currently known, sorted. */
  specDirs(): string[] {
    return this.files.specDirs();
  }

  /** The files of one spec folder that the engine holds. */
  filesOfSpec(specDir: string): string[] {
    return this.files.filesOfSpec(specDir);
  }

  /** The text the engine analysed for `path` (the editor buffer when the file is open). */
  textOf(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  facts(path: string): SpecFileFacts | undefined {
    return this.files.get(path)?.facts;
  }

  specDirOf(path: string): string | undefined {
    return this.files.get(path)?.location.specDir ?? this.config.locate(path)?.specDir;
  }

  /** The spec model of the folder `path` belongs to (built on demand, then cached). */
  specOf(path: string, token?: CancellationToken): SpecModel | undefined {
    const dir = this.specDirOf(path);
    return dir ? this.specs.analysis(dir, token)?.model : undefined;
  }

  /** The spec a cross-spec ref names: by folder name, or by an alias its format gives it when only one spec has it. */
  specByName(name: string, token?: CancellationToken): SpecModel | undefined {
    return this.specs.specByName(name, token);
  }

  allSpecs(token?: CancellationToken): SpecModel[] {
    return this.specs.allSpecs(token);
  }

  /** Findings for one spec folder, sorted: its own and the cross-spec ones that land in its files. */
  findingsForSpec(specDir: string, token: CancellationToken): Finding[] {
    return this.results.forSpec(specDir, token);
  }

  /** Spec folders whose cross-spec findings differ from what this method last reported; the language server republishes them. */
  crossSpecChangedDirs(token: CancellationToken): string[] {
    return this.results.crossSpecChangedDirs(token);
  }

  /** The specs-and-code analysis of the current state (tags resolved, trace findings, coverage). */
  traceAnalysis(token: CancellationToken): TraceAnalysis {
    return this.results.traceAnalysis(token);
  }

  /** Trace findings in code and test files (not spec files), grouped by file. */
  codeFindingsByFile(token: CancellationToken): Map<string, Finding[]> {
    return this.results.codeFindingsByFile(token);
  }

  /** Trace findings in one code or test file (and its scanner fault). */
  codeFindingsIn(path: string, token: CancellationToken): Finding[] {
    return this.results.codeFindingsIn(path, token);
  }

  /** Spec folders and code files whose trace findings may have moved since the last call, or `all`; the language server republishes them. */
  traceChanges(token: CancellationToken): TraceChanges {
    return this.results.traceChanges(token);
  }

  /** JUnit reports mapped to the criteria their tests name: what passed, and a finding per failed test (see testResults/). */
  testResults(reports: readonly TestReport[], token: CancellationToken): Promise<TestResults> {
    const analysis = this.traceAnalysis(token);
    const context = {
      specs: analysis.specs,
      codeFiles: () => analysis.files.all(),
      roots: this.workspace.roots,
      readText: (path: string) => this.workspace.readFile(path, token),
      policy: this.config.policy(),
    };
    return analyseTestResults(reports, context, token);
  }

  allFindings(token: CancellationToken): Finding[] {
    return this.results.all(token);
  }
}
