// @spec specthread-core#1.5, specthread-core#2.4, specthread-core#4.2, specthread-core#8.4, specthread-core#11.7, specthread-core#14.1
import type { SpecThreadSettings } from '../../../shared/settings';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { DEFAULT_TRACE_SETTINGS } from '../../../shared/traceSettings';
import { CancellationToken, throwIfCancelled, yieldToEventLoop } from './cancellation';
import { effectiveSeverity, runSpecChecks } from './checks/runChecks';
import { SpecRule } from './checks/rule';
import { WorkspaceRule } from './checks/workspaceRule';
import { Log, faultAnchor, internalError, isCancellation, isInternalError } from './faults';
import { Finding, compareFindings } from './findings';
import { SpecModel, SpecShape, buildSpecModel, mainFileOf } from './index/specModel';
import { SpecFileFacts } from './model';
import { parseSpecFile } from './parse/parseSpecFile';
import { CodeFiles } from './trace/codeFiles';
import { TraceRule } from './trace/rules/traceRule';
import { TraceAnalysis } from './trace/traceAnalysis';
import { Workspace } from './workspace';
import { compileGlobs } from './glob/glob';
import { Baseline } from './baseline/baseline';
import { acceptedFindings } from './suppress/accept';
import { SpecLayout, SpecLocation, SpecRoot } from './specLocation';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, RepoConfig, joinPath, mergeConfigs, parseRepoConfig } from './config/repoConfig';
import { runWorkspaceChecks } from './checks/runWorkspaceChecks';
import { BUILTIN_FORMATS, formatById } from './formats/registry';
import { SpecFormatPlugin } from './formats/specFormatPlugin';
import { SPEC_RULES } from './checks/registry';
import { FileNote, isDeclined } from './fileNote';
import { FileNoteStore } from './fileNoteStore';
import { FILE_ENCODING, FILE_SKIPPED, fileNoteFinding } from './checks/fileRules';
import { stripBom } from './text/bom';

interface FileEntry {
  readonly text: string;
  readonly facts: SpecFileFacts;
  readonly location: SpecLocation;
  /** Set when the parser threw: the file is kept, empty, with this internal.error finding. */
  readonly failure?: Finding;
  /** Set when the workspace declined the file (see fileNote.ts): kept, empty, with its note as a finding. */
  readonly declined?: true;
}

/** One read through the workspace: the text, and the note the host gave when it declined or degraded the file. */
interface NotedRead {
  readonly text: string | undefined;
  readonly note: FileNote | undefined;
}

interface SpecAnalysis {
  readonly model: SpecModel;
  /** Set when the model could not be built from the files' facts (see analysis()). */
  readonly fault?: Finding;
  findings?: Finding[];
}

/** How the engine is embedded: where stacks of internal errors go, and seams for tests. */
export interface EngineOptions {
  /** Receives the stack of every internal error; the CLI passes stderr, the server its output channel. */
  readonly log?: Log;
  /** Rules run after the registered ones, so tests can add one that misbehaves. */
  readonly extraRules?: {
    readonly spec?: readonly SpecRule[];
    readonly workspace?: readonly WorkspaceRule[];
    readonly trace?: readonly TraceRule[];
  };
  /** Replaces the spec-file parser, so tests can make it throw on one file. */
  readonly parse?: typeof parseSpecFile;
  /** The spec formats the engine reads; the registered ones (formats/registry.ts) by default. */
  readonly formats?: readonly SpecFormatPlugin[];
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
  /** Code files whose scanner threw, with the internal.error finding shown on them. */
  private readonly codeFaults = new Map<string, Finding>();
  /** Files the workspace declined or read in a degraded way: nothing is dropped without a note. */
  private readonly notes = new FileNoteStore();
  /** The spec formats this engine reads. */
  readonly formats: readonly SpecFormatPlugin[];
  /** Rules run after the registered ones: those of formats beyond the registry's (which already runs its own formats'), then the test seam's. */
  private readonly extraSpecRules: readonly SpecRule[] | undefined;

  constructor(
    private readonly workspace: Workspace,
    private settings: SpecThreadSettings = DEFAULT_SETTINGS,
    private readonly options: EngineOptions = {},
  ) {
    this.formats = options.formats ?? BUILTIN_FORMATS;
    const extra = [...this.formats.flatMap((f) => f.rules).filter((r) => !SPEC_RULES.includes(r)), ...(options.extraRules?.spec ?? [])];
    this.extraSpecRules = extra.length ? extra : undefined;
    this.excluded = compileGlobs(settings.exclude).match;
    this.code = new CodeFiles(() => this.workspace.roots);
    this.code.configure(settings.codeTrace ?? DEFAULT_TRACE_SETTINGS);
    this.layout = this.buildLayout();
  }

  /** Configured roots (repo config file and settings, relative to each workspace folder) plus defaults. */
  private buildLayout(): SpecLayout {
    const fromSettings: SpecRoot[] = (this.settings.roots ?? []).flatMap((r) => this.workspace.roots.map((folder) => ({ dir: joinPath(folder, r.path), format: r.format })));
    return new SpecLayout([...this.config.roots, ...fromSettings], this.config.discover, this.formats);
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
        const { text, note } = await this.readNoted(`${root}/${name}`, token);
        this.notes.setRead(`${root}/${name}`, note);
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
    this.notes.clear();
    // Excludes and roots decide which code files are scanned too.
    this.code.clear();
    this.codeFaults.clear();
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
    const listingNotes: FileNote[] = [];
    const listed = await this.workspace.listFiles(token, (note) => listingNotes.push(note));
    this.listed = new Set(listed);
    this.notes.setListing(listingNotes);
    // A spec file behind a symlink that is not followed still belongs to its spec, with the note.
    for (const note of listingNotes) if (this.isTracked(note.path)) this.put(note.path, '', token, true);
    const all = listed.filter((p) => this.isTracked(p));
    const first = (p: string) => (priority.some((dir) => p.startsWith(dir + '/')) ? 0 : 1);
    const ordered = [...all].sort((a, b) => first(a) - first(b));
    let done = 0;
    // Reads run a few at a time: the disk, not the parser, is the bottleneck of a cold index.
    const BATCH = 16;
    for (let i = 0; i < ordered.length; i += BATCH) {
      throwIfCancelled(token);
      const batch = ordered.slice(i, i + BATCH);
      const reads = await Promise.all(batch.map((p) => this.readNoted(p, token)));
      batch.forEach((path, j) => {
        if (!this.files.has(path)) this.storeRead(path, reads[j], token);
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
    const { text, note } = await this.readNoted(path, token);
    // Binary and oversized code files are already reported as not scanned for tags; they exist all the same.
    if (note?.reason === 'binary' || note?.reason === 'too-large') {
      this.code.markKnown(path, true);
      return this.code.skip(path, note.reason);
    }
    this.notes.setRead(path, note);
    const changed = this.setCode(path, text, token);
    if (note) this.code.markKnown(path, true);
    return changed;
  }

  /** Reads a file through the workspace, keeping the note the host reports with it. */
  private async readNoted(path: string, token: CancellationToken): Promise<NotedRead> {
    const notes: FileNote[] = [];
    const text = await this.workspace.readFile(path, token, (note) => notes.push(note));
    return { text, note: notes[0] };
  }

  /**
   * Stores a spec file as read from disk: its text, or an empty entry when the host declined it,
   * plus its note. Returns the spec folder whose analysis changed, if any.
   */
  private storeRead(path: string, read: NotedRead, token: CancellationToken): string | undefined {
    const dir = read.note && isDeclined(read.note) ? this.put(path, '', token, true) : this.put(path, read.text, token, false);
    if (!this.notes.setRead(path, read.note) || !this.isTracked(path)) return dir;
    const specDir = this.locate(path)!.specDir;
    this.analyses.delete(specDir);
    return specDir;
  }

  /** Files the workspace declined or degraded (too large, binary, not UTF-8, unreadable, symlinks), by path. */
  fileNotes(): FileNote[] {
    return this.notes.all();
  }

  /**
   * Rescans one code file. A scanner that throws costs that file its new tags (the old ones
   * stay until a scan succeeds) and shows an internal.error on it; indexing goes on.
   */
  private setCode(path: string, text: string | undefined, token: CancellationToken): boolean {
    try {
      const changed = this.code.set(path, text, token);
      return this.codeFaults.delete(path) || changed;
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      this.codeFaults.set(path, internalError('the code scanner', path, err, this.options.log));
      return true;
    }
  }

  /**
   * Loads the other files of the spec that `path` belongs to, so a document opened before
   * indexing finishes gets complete diagnostics at once.
   */
  async loadSpecOf(path: string, token: CancellationToken): Promise<void> {
    const location = this.locate(path);
    if (!location || this.isExcluded(path)) return;
    const siblings = formatById(this.formats, location.format)?.siblingFiles(location) ?? [];
    for (const name of siblings) {
      const sibling = `${location.specDir}/${name}`;
      if (this.files.has(sibling)) continue;
      const read = await this.readNoted(sibling, token);
      if (!this.files.has(sibling)) this.storeRead(sibling, read, token);
    }
  }

  /**
   * Sets a file's current text (an editor buffer or the disk contents), or removes it with
   * `undefined`. Returns the spec folder whose analysis changed, if any. Parses only this file.
   */
  setText(path: string, text: string | undefined, token: CancellationToken): string | undefined {
    // Editor buffers and the disk alike: a byte order mark is never content.
    return this.put(path, text === undefined ? undefined : stripBom(text), token, false);
  }

  /** setText, or with `declined` an empty entry for a spec file the workspace would not read. */
  private put(path: string, text: string | undefined, token: CancellationToken, declined: boolean): string | undefined {
    // The file is gone, or a buffer now gives the text that the disk would not.
    if (!declined) this.notes.forget(path, text !== undefined);
    const location = this.locate(path);
    if (!location && declined) return undefined;
    if (!location) {
      // Code, tests and every other file: trace facts change, no spec analysis does.
      if (this.isTraceable(path) ? this.setCode(path, text, token) : (this.code.markKnown(path, text !== undefined), false)) this.traceChanged();
      return undefined;
    }
    if (this.isExcluded(path)) return undefined;
    const previous = this.files.get(path);
    if (text === undefined) {
      if (!previous) return undefined;
      this.files.delete(path);
      this.specFiles.get(location.specDir)?.delete(path);
    } else {
      if (previous?.text === text && !previous.declined === !declined) return undefined;
      this.files.set(path, declined ? this.declinedEntry(path, location) : this.parse(path, location, text, token));
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
    return this.storeRead(path, await this.readNoted(path, token), token);
  }

  private declinedEntry(path: string, location: SpecLocation): FileEntry {
    const facts: SpecFileFacts = { path, kind: location.kind, requirements: [], tasks: [], refs: [], headings: [], glossary: [], notes: [], lineCount: 0 };
    return { text: '', location, facts, declined: true };
  }

  /**
   * Forgets every file whose path `gone` accepts: the files under a deleted folder, whose own
   * deletion events a watcher may never deliver, or files a re-listing no longer finds. Returns
   * the spec folders whose analysis changed. One pass over what is known, however many are gone.
   */
  forget(gone: (path: string) => boolean, token: CancellationToken): string[] {
    const dirs = new Set<string>();
    for (const path of [...this.files.keys()].filter(gone)) {
      const dir = this.setText(path, undefined, token);
      if (dir) dirs.add(dir);
    }
    for (const path of [...this.code.knownPaths()].filter(gone)) this.setText(path, undefined, token);
    for (const path of [...this.listed].filter(gone)) this.listed.delete(path);
    return [...dirs];
  }

  private parse(path: string, location: SpecLocation, text: string, token: CancellationToken): FileEntry {
    try {
      return { text, location, facts: (this.options.parse ?? parseSpecFile)(path, location.kind, text, token, location.format, this.formats) };
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      // A parser bug must never take the server down or hide the rest of the workspace: the
      // file is kept, empty, so its spec is still checked and the finding says why it is empty.
      const failure = internalError(`the ${location.format} ${location.kind} parser`, path, err, this.options.log);
      return { text, location, facts: emptyFacts(path, location), failure };
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
    const aliased = specs.filter((s) => s.aliases?.includes(name));
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
    let model: SpecModel;
    let fault: Finding | undefined;
    try {
      model = buildSpecModel(first.specId, specDir, first.format, paths.map((p) => this.files.get(p)!.facts), first.archived, this.shapeOf(first));
    } catch (err) {
      // Linking the files of one spec failed: keep the spec, empty, so that its files are still
      // listed and the finding says why nothing in it is checked.
      const entries = paths.map((p) => this.files.get(p)!);
      model = buildSpecModel(first.specId, specDir, first.format, entries.map((e) => emptyFacts(e.facts.path, e.location)), first.archived, this.shapeOf(first));
      fault = internalError('the spec model', mainFileOf(model), err, this.options.log);
    }
    const analysis: SpecAnalysis = { model, fault };
    this.analyses.set(specDir, analysis);
    return analysis;
  }

  /** What the spec's format says about linking it: the names refs may use for it, the files that cite. */
  private shapeOf(location: SpecLocation): SpecShape {
    const format = formatById(this.formats, location.format);
    return { aliases: format?.aliases?.(location.specId), citingKinds: format?.citingKinds };
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
      for (const f of runWorkspaceChecks(view, this.effectiveSettings(), token, { extraRules: this.options.extraRules?.workspace, log: this.options.log })) {
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
      const findings = runSpecChecks(analysis.model, this.effectiveSettings(), token, { roots: this.workspace.roots, extraRules: this.extraSpecRules, log: this.options.log });
      for (const path of this.filesOfSpec(specDir)) {
        const failure = this.files.get(path)!.failure;
        if (failure) findings.push(failure);
        const note = this.notes.get(path);
        const noteSeverity = note && effectiveSeverity(isDeclined(note) ? FILE_SKIPPED : FILE_ENCODING, this.effectiveSettings());
        if (note && noteSeverity && noteSeverity !== 'off') findings.push(fileNoteFinding(note, noteSeverity));
      }
      if (analysis.fault) findings.push(analysis.fault);
      analysis.findings = this.accepted(findings).sort(compareFindings);
    }
    // Trace findings on spec files (coverage, tasks without code) change with code, so they are
    // merged here rather than cached with the spec's own findings.
    const traced = this.accepted(this.filesOfSpec(specDir).flatMap((p) => this.traceAnalysis(token).findingsIn(p, token)));
    return traced.length ? [...analysis.findings, ...traced].sort(compareFindings) : analysis.findings;
  }

  /**
   * Drops findings that a suppression comment or the baseline accepts. Internal errors are never
   * dropped: a result that is missing must not be accepted as if it were a finding.
   */
  private accepted(findings: Finding[]): Finding[] {
    if (findings.length === 0) return findings;
    const faults = findings.filter(isInternalError);
    const rest = faults.length ? findings.filter((f) => !isInternalError(f)) : findings;
    const kept = acceptedFindings(rest, {
      suppressionsOf: (p: string) => this.files.get(p)?.facts.suppressions,
      // Code files keep no text, so their baseline fingerprints rest on rule, file and count.
      textOf: (p: string) => this.textOf(p),
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
    const specs = this.allSpecs();
    const textOf = (p: string) => this.textOf(p);
    const options = { extraRules: this.options.extraRules?.trace, log: this.options.log };
    try {
      return new TraceAnalysis(specs, this.code, this.settings, textOf, this.workspace.roots, options);
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      // Indexing the trace tags failed: no trace findings or coverage this time, one finding that says so.
      const fault = internalError('the trace index', faultAnchor(specs, this.workspace.roots), err, this.options.log);
      return new TraceAnalysis([], new CodeFiles(() => this.workspace.roots), this.settings, textOf, this.workspace.roots, { ...options, faults: [fault] });
    }
  }

  /** Trace findings in code and test files (not spec files), grouped by file. */
  codeFindingsByFile(token: CancellationToken): Map<string, Finding[]> {
    const byFile = new Map<string, Finding[]>();
    for (const f of this.accepted([...this.traceAnalysis(token).findings(token).filter((f) => !this.locate(f.path)), ...this.codeFaults.values()])) {
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

/** The facts of a file whose parser threw: no structure, so nothing in it is linked or checked. */
function emptyFacts(path: string, location: SpecLocation): SpecFileFacts {
  return { path, kind: location.kind, requirements: [], tasks: [], refs: [], headings: [], glossary: [], notes: [], lineCount: 0 };
}
