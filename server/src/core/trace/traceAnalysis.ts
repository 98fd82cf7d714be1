// @spec specthread-core#14.1, specthread-core#15.2
import type { CoverageReport } from '../../../../shared/coverage';
import { AnalysisCache } from '../analysisCache';
import { CancellationToken } from '../cancellation';
import { runRules } from '../checks/runRules';
import type { RuleSettings } from '../config/ruleSettings';
import { computeCoverage } from '../coverage/coverage';
import { Finding, compareFindings, groupByPath } from '../findings';
import { SpecModel } from '../index/specModel';
import { CodeFiles } from './codeFiles';
import { SpecDirectory } from './resolveRef';
import { TRACE_RULES } from './rules/registry';
import { TraceContext, TraceRule } from './rules/traceRule';
import { Log, faultAnchor } from '../faults';
import { FileMention, taskFileMentions } from './taskFiles';
import { TraceIndex } from './traceIndex';

export interface TraceAnalysisOptions {
  /** Rules to run after the registered ones. */
  readonly extraRules?: readonly TraceRule[];
  readonly log?: Log;
  /** Internal errors found while building the analysis, reported with its findings. */
  readonly faults?: readonly Finding[];
  /** The engine's memo tables, which outlive this analysis; without one, memos last as long as it does. */
  readonly cache?: AnalysisCache;
}

/**
 * Everything derived from specs and code together, for one state of the workspace: the trace
 * index, the trace findings (in code files and in spec files) and coverage. The engine builds a
 * new one when any file or the settings change; each part is computed on first use.
 */
export class TraceAnalysis implements TraceContext {
  readonly specs: SpecDirectory;
  readonly index: TraceIndex;
  private findingList?: Finding[];
  private byPath?: Map<string, Finding[]>;
  private coverageReport?: CoverageReport;
  private readonly cache: AnalysisCache;

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
    this.specs = new SpecDirectory(specModels);
    this.index = new TraceIndex(this.specs, files.all());
  }

  get settings() {
    return this.files.settings;
  }

  mentions(spec: SpecModel): readonly FileMention[] {
    const tasks = spec.files.tasks;
    const text = tasks ? this.textOf(tasks.path) : undefined;
    return tasks && text !== undefined ? taskFileMentions(tasks, text, this.cache) : [];
  }

  resolveMention(spec: SpecModel, path: string): string | undefined {
    for (const base of this.basesOf(spec)) {
      const abs = normalise(path.startsWith('/') ? path : `${base}/${path}`);
      if (this.files.exists(abs)) return abs;
    }
    return undefined;
  }

  /** Where a task's relative paths may start: the project root (holding `.kiro`), the spec folder, the workspace roots. */
  private basesOf(spec: SpecModel): string[] {
    const kiro = spec.dir.lastIndexOf('/.kiro/');
    const bases = kiro >= 0 ? [spec.dir.slice(0, kiro)] : [];
    bases.push(spec.dir, ...this.roots.filter((r) => spec.dir.startsWith(r + '/')));
    return [...new Set(bases)];
  }

  findings(token: CancellationToken): Finding[] {
    if (!this.findingList) {
      const anchor = faultAnchor(this.specs.specs, this.roots);
      // A trace rule spans specs and code, so its fault goes where workspace rules put theirs.
      const found = runRules(
        {
          step: 'trace rule',
          rules: this.options.extraRules ? [...TRACE_RULES, ...this.options.extraRules] : TRACE_RULES,
          anchor: () => anchor,
          check: (rule, report) => rule.check(this, report, token),
        },
        this.policy,
        token,
        this.options.log,
      );
      const out = [...(this.options.faults ?? []), ...found];
      this.findingList = out.sort(compareFindings);
    }
    return this.findingList;
  }

  findingsIn(path: string, token: CancellationToken): readonly Finding[] {
    this.byPath ??= groupByPath(this.findings(token));
    return this.byPath.get(path) ?? [];
  }

  coverage(token: CancellationToken): CoverageReport {
    this.coverageReport ??= computeCoverage(this.specs.specs, this.index, this.settings, token);
    return this.coverageReport;
  }
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/').replace(/(?<!\/)\/+$/, '') || '/';
}
