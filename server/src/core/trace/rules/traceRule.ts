import { TraceSettings } from '../../../../../shared/traceSettings';
import { CancellationToken } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { ReportedProblem, RuleMeta } from '../../checks/rule';
import { CodeFiles } from '../codeFiles';
import { SpecDirectory } from '../resolveRef';
import { FileMention } from '../taskFiles';
import { TraceIndex } from '../traceIndex';
import { FilesElsewhere } from './fileElsewhere';

/** What trace rules read: the resolved tags, the specs, the files that exist, and the settings. */
export interface TraceContext {
  readonly specs: SpecDirectory;
  readonly index: TraceIndex;
  readonly settings: TraceSettings;
  readonly files: CodeFiles;
  /** File paths named by the tasks of a spec. */
  mentions(spec: SpecModel): readonly FileMention[];
  /** The absolute path a task's file mention names, when that file (or folder) exists. */
  resolveMention(spec: SpecModel, path: string): string | undefined;
  /** Where a task's file may live when it is not at the named path; shared, so it is indexed once. */
  readonly elsewhere: FilesElsewhere;
}

/**
 * A check over the thread between specs and code; like a spec rule, it only reads and reports.
 * `check` runs it over the whole workspace. A rule whose findings fall apart by spec or by code
 * file says so with `checkSpec` or `checkFile`, and the engine then re-runs only the parts an
 * edit can reach (see traceAnalysis.ts).
 */
export interface TraceRule {
  readonly meta: RuleMeta;
  check(ctx: TraceContext, report: (problem: ReportedProblem) => void, token: CancellationToken): void;
  /** One spec's part: reports only in that spec's files, reading the spec, the links into it and the files its tasks name. */
  checkSpec?(ctx: TraceContext, spec: SpecModel, report: (problem: ReportedProblem) => void, token: CancellationToken): void;
  /** One code file's part: reports only in that file, reading its links and the specs they name. */
  checkFile?(ctx: TraceContext, path: string, report: (problem: ReportedProblem) => void, token: CancellationToken): void;
}
