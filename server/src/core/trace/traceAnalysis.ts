// @spec specthread-core#14.1, specthread-core#15.2, specthread-core#21.1
import type { CoverageReport, SpecCoverage } from '../../../../shared/coverage';
import { AnalysisCache } from '../analysisCache';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { runRules } from '../checks/runRules';
import type { RuleSettings } from '../config/ruleSettings';
import { coverageReport, specCoverage } from '../coverage/coverage';
import { requiredStates } from '../coverage/requirement';
import { Finding, compareFindings, groupByPath } from '../findings';
import { SpecModel, mainFileOf } from '../index/specModel';
import { lowerBoundByDir } from '../index/sortedSpecs';
import { CodeFiles } from './codeFiles';
import { SpecDirectory, specNames } from './resolveRef';
import { FilesElsewhere } from './rules/fileElsewhere';
import { TRACE_RULES } from './rules/registry';
import { TraceContext, TraceRule } from './rules/traceRule';
import { Log, faultAnchor } from '../faults';
import { FileMention, taskFileMentions } from './taskFiles';
import { TraceIndex } from './traceIndex';
import { TraceChanges, namesNear, segmentsOf } from './traceDeps';

export interface TraceAnalysisOptions {
  /** Rules to run after the registered ones. */
  readonly extraRules?: readonly TraceRule[];
  readonly log?: Log;
  /** Internal errors found while building the analysis, reported with its findings. */
  readonly faults?: readonly Finding[];
  /** The engine's memo tables, which outlive this analysis; without one, memos last as long as it does. */
  readonly cache?: AnalysisCache;
}

/** One spec's trace findings and coverage, and the path segments whose existence they read. */
interface SpecPart {
  findings?: Finding[];
  coverage?: SpecCoverage;
  /** Last segments of the paths its task mentions were looked up under: a file created or deleted below one of them may change the result. */
  existence?: Set<string>;
}

/**
 * Everything derived from specs and code together: the trace index, the trace findings (in code
 * files and in spec files) and coverage. Built once, then updated by delta (`setSpecs`,
 * `setCodeFile`, `pathsChanged`): a rule's part for one spec or one code file is cached until
 * the spec, the links into it or the files its tasks name change, so an edit re-runs only the
 * parts it can reach. Rules without such parts (the test seam's) re-run after any change.
 */
export class TraceAnalysis implements TraceContext {
  readonly index: TraceIndex;
  readonly elsewhere: FilesElsewhere;
  private readonly specParts = new Map<string, SpecPart>();
  private readonly fileParts = new Map<string, Finding[]>();
  /** Which spec folders' existence reads include a path segment, so a created or deleted file finds them. */
  private readonly byExistence = new Map<string, Set<string>>();
  private globalList?: Finding[];
  private findingList?: Finding[];
  private byPath?: Map<string, Finding[]>;
  private coverageReportCache?: CoverageReport;
  private anchor?: string;
  private readonly cache: AnalysisCache;
  private byDir: Map<string, SpecModel>;
  private readonly scoped: readonly TraceRule[];
  private readonly whole: readonly TraceRule[];
  /** The spec part being computed, which records the existence reads of its rules. */
  private recording?: SpecPart;
  /** basesOf by spec folder. */
  private readonly basesByDir = new Map<string, readonly string[]>();
  /** What moved since the last `takeChanges`, for the language server to republish only that. */
  private changes: TraceChanges = { all: true, specDirs: new Set(), paths: new Set() };

  constructor(
    specModels: readonly SpecModel[],
    readonly files: CodeFiles,
    /** The engine's one severity policy: settings and specthread.json merged, overrides included. */
    private readonly policy: RuleSettings,
    private readonly textOf: (path: string) => string | undefined,
    private readonly roots: readonly string[],
    private readonly options: TraceAnalysisOptions = {},
  ) {
    this.cache = options.cache ?? new AnalysisCache();
    this.index = new TraceIndex(new SpecDirectory(specModels), files.all());
    this.elsewhere = new FilesElsewhere(() => files.knownPaths());
    this.byDir = new Map(specModels.map((s) => [s.dir, s]));
    const rules = options.extraRules ? [...TRACE_RULES, ...options.extraRules] : TRACE_RULES;
    this.scoped = rules.filter((r) => r.checkSpec || r.checkFile);
    this.whole = rules.filter((r) => !r.checkSpec && !r.checkFile);
  }

  get specs(): SpecDirectory {
    return this.index.specs;
  }

  get settings() {
    return this.files.settings;
  }

  /**
   * The specs changed (`dirs` were edited, added or removed; `specModels` is every spec now).
   * Links whose spec name means another model are resolved again, and only the parts that read
   * those specs or links are dropped.
   */
  setSpecs(specModels: readonly SpecModel[], dirs: Iterable<string>): void {
    const changedDirs = [...dirs];
    // Only the names the changed specs answered to, or answer to now, can resolve differently:
    // the directory and the links are patched for those, so an edit does not walk every spec.
    const now = new Map(changedDirs.map((dir) => [dir, modelIn(specModels, dir)]));
    const names = new Set<string>();
    for (const dir of changedDirs) for (const spec of [this.byDir.get(dir), now.get(dir)]) if (spec) for (const name of specNames(spec)) names.add(name);
    const hadNames = this.index.specs.nameCount > 0;
    const { delta, renamed } = this.index.setSpecs(specModels, names);
    for (const dir of changedDirs) delta.specDirs.add(dir);
    for (const dir of delta.specDirs) this.dropSpec(dir);
    for (const path of delta.paths) this.dropFile(path);
    // A ref naming no spec suggests specs with a near name (and their ids), and says when there are none at all.
    const changedNames = [...renamed.keys()];
    const emptiness = hadNames !== this.index.specs.nameCount > 0;
    if (changedNames.length) for (const path of this.index.unknownSpecPaths((name) => emptiness || namesNear(name, changedNames))) this.dropFile(path);
    for (const [dir, spec] of now) {
      if (spec) this.byDir.set(dir, spec);
      else this.byDir.delete(dir);
    }
    this.anchor = undefined;
    this.moved();
  }

  /** A code file's trace facts changed (`undefined`: it has no tags any more, or is gone). */
  setCodeFile(path: string): void {
    const delta = this.index.setFile(path, this.files.get(path));
    for (const dir of delta.specDirs) this.dropSpec(dir);
    this.dropFile(path);
    this.moved();
  }

  /** Files were created or deleted: parts that looked up a path above or at one of them are dropped. */
  pathsChanged(paths: Iterable<string>): void {
    let any = false;
    for (const path of paths) {
      any = true;
      for (const segment of segmentsOf(path)) for (const dir of this.byExistence.get(segment) ?? []) this.dropSpec(dir);
    }
    if (any) this.elsewhere.reset();
    this.moved();
  }

  /** The pin store changed: every pinned tag's "was" text may differ. */
  pinsChanged(): void {
    for (const path of [...this.fileParts.keys()]) this.dropFile(path);
    this.moved();
  }

  /** What moved since the last call: spec folders and code files whose trace findings may differ, or everything. */
  takeChanges(): TraceChanges {
    const out = this.changes;
    this.changes = { all: false, specDirs: new Set(), paths: new Set() };
    return out;
  }

  private moved(): void {
    this.findingList = undefined;
    this.byPath = undefined;
    this.coverageReportCache = undefined;
    if (this.whole.length || this.options.faults?.length) {
      this.globalList = undefined;
      this.changes.all = true;
    }
  }

  private dropSpec(dir: string): void {
    const part = this.specParts.get(dir);
    this.specParts.delete(dir);
    this.changes.specDirs.add(dir);
    for (const segment of part?.existence ?? []) this.byExistence.get(segment)?.delete(dir);
  }

  private dropFile(path: string): void {
    this.fileParts.delete(path);
    this.changes.paths.add(path);
  }

  mentions(spec: SpecModel): readonly FileMention[] {
    const tasks = spec.files.tasks;
    const text = tasks ? this.textOf(tasks.path) : undefined;
    return tasks && text !== undefined ? taskFileMentions(tasks, text, this.cache) : [];
  }

  resolveMention(spec: SpecModel, path: string): string | undefined {
    for (const base of this.basesOf(spec)) {
      const abs = normalise(path.startsWith('/') ? path : `${base}/${path}`);
      this.recordExistence(abs);
      if (this.files.exists(abs)) return abs;
    }
    return undefined;
  }

  /** FilesElsewhere answers by a path's last segment (its name, or the suffix ending in it). */
  private recordExistence(path: string): void {
    this.recording?.existence?.add(path.slice(path.lastIndexOf('/') + 1));
  }

  /** Where a task's relative paths may start: the project root (holding `.kiro`), the spec folder, the workspace roots. */
  private basesOf(spec: SpecModel): readonly string[] {
    // They depend on the folder alone, and every file a task names asks for them.
    let bases = this.basesByDir.get(spec.dir);
    if (bases) return bases;
    const kiro = spec.dir.lastIndexOf('/.kiro/');
    const found = kiro >= 0 ? [spec.dir.slice(0, kiro)] : [];
    found.push(spec.dir, ...this.roots.filter((r) => spec.dir.startsWith(r + '/')));
    bases = [...new Set(found)];
    this.basesByDir.set(spec.dir, bases);
    return bases;
  }

  /** Trace findings of one spec's parts (coverage, tasks and their files), in that spec's files. */
  findingsOfSpec(dir: string, token: CancellationToken): readonly Finding[] {
    const spec = this.byDir.get(dir);
    return spec ? this.specPart(spec, token).findings! : [];
  }

  private specPart(spec: SpecModel, token: CancellationToken): SpecPart {
    let part = this.specParts.get(spec.dir);
    if (!part) {
      part = {};
      this.specParts.set(spec.dir, part);
    }
    if (!part.findings) {
      throwIfCancelled(token);
      part.existence = new Set();
      this.recording = part;
      // Task mentions name files by their last segment too (FilesElsewhere).
      for (const m of this.mentions(spec)) this.recordExistence(m.path);
      try {
        part.findings = this.run(
          this.scoped.filter((r) => r.checkSpec),
          mainFileOf(spec),
          (rule, report) => rule.checkSpec!(this, spec, report, token),
          token,
        ).sort(compareFindings);
      } finally {
        this.recording = undefined;
      }
      for (const segment of part.existence) {
        const dirs = this.byExistence.get(segment);
        if (dirs) dirs.add(spec.dir);
        else this.byExistence.set(segment, new Set([spec.dir]));
      }
    }
    return part;
  }

  /** Trace findings of one code file's parts (unknown refs, suspect pins), in that file. */
  findingsOfFile(path: string, token: CancellationToken): readonly Finding[] {
    let found = this.fileParts.get(path);
    if (!found) {
      found = this.index.linksIn(path).length
        ? this.run(
            this.scoped.filter((r) => r.checkFile),
            path,
            (rule, report) => rule.checkFile!(this, path, report, token),
            token,
          ).sort(compareFindings)
        : [];
      this.fileParts.set(path, found);
    }
    return found;
  }

  /** Findings of rules that read the whole workspace (and the analysis's own faults), re-run after any change. */
  globalFindings(token: CancellationToken): readonly Finding[] {
    if (!this.globalList) {
      this.anchor ??= faultAnchor(this.specs.specs, this.roots);
      const anchor = this.anchor;
      const found = this.run(this.whole, anchor, (rule, report) => rule.check(this, report, token), token);
      this.globalList = [...(this.options.faults ?? []), ...found];
    }
    return this.globalList;
  }

  private run(
    rules: readonly TraceRule[],
    anchor: string,
    check: (rule: TraceRule, report: Parameters<TraceRule['check']>[1]) => void,
    token: CancellationToken,
  ): Finding[] {
    if (!rules.length) return [];
    // A trace rule's fault goes on the file of the part it was checking; a whole-workspace rule's where workspace rules put theirs.
    return runRules({ step: 'trace rule', rules, anchor: () => anchor, check }, this.policy, token, this.options.log);
  }

  findings(token: CancellationToken): Finding[] {
    if (!this.findingList) {
      const out: Finding[] = [...this.globalFindings(token)];
      for (const spec of this.specs.specs) out.push(...this.specPart(spec, token).findings!);
      for (const path of [...this.index.paths()]) out.push(...this.findingsOfFile(path, token));
      this.findingList = out.sort(compareFindings);
    }
    return this.findingList;
  }

  findingsIn(path: string, token: CancellationToken): readonly Finding[] {
    this.byPath ??= groupByPath(this.findings(token));
    return this.byPath.get(path) ?? [];
  }

  coverage(token: CancellationToken): CoverageReport {
    if (!this.coverageReportCache) {
      const required = requiredStates(this.settings);
      const out: SpecCoverage[] = [];
      for (const spec of this.specs.specs) {
        throwIfCancelled(token);
        let part = this.specParts.get(spec.dir);
        if (!part) {
          part = {};
          this.specParts.set(spec.dir, part);
        }
        part.coverage ??= specCoverage(spec, this.index, required);
        out.push(part.coverage);
      }
      this.coverageReportCache = coverageReport(out);
    }
    return this.coverageReportCache;
  }
}

/** The model of folder `dir` in `specs`, which the engine lists sorted by folder. */
function modelIn(specs: readonly SpecModel[], dir: string): SpecModel | undefined {
  const found = specs[lowerBoundByDir(specs, dir)];
  return found?.dir === dir ? found : specs.find((s) => s.dir === dir);
}

/** A `.` or `..` segment. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

function normalise(path: string): string {
  // Most paths have neither a dot segment nor a trailing slash: they are their own normal form.
  if (path !== '' && !path.endsWith('/') && !DOT_SEGMENT.test(path)) return path;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/').replace(/(?<!\/)\/+$/, '') || '/';
}
