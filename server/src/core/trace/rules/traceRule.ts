import { TraceSettings } from '../../../../../shared/traceSettings';
import { CancellationToken } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { ReportedProblem, RuleMeta } from '../../checks/rule';
import { CodeFiles } from '../codeFiles';
import { SpecDirectory } from '../resolveRef';
import { FileMention } from '../taskFiles';
import { TraceIndex } from '../traceIndex';

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
}

/** A check over the thread between specs and code; like a spec rule, it only reads and reports. */
export interface TraceRule {
  readonly meta: RuleMeta;
  check(ctx: TraceContext, report: (problem: ReportedProblem) => void, token: CancellationToken): void;
}
