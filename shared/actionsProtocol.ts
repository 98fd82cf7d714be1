// @spec specthread-core#20.1, specthread-core#20.3
/**
 * The palette commands, lenses and status item of the VS Code client: their command ids and the
 * custom requests the language server answers for them. Method names and payload shapes only, so
 * the client and the server both import this file. Paths are file URIs; lines count from 0.
 */

/** Command ids contributed by the client (category `SpecThread`). */
export const ActionCommands = {
  newSpec: 'specthread.newSpec',
  startTask: 'specthread.startTask',
  nextOpenTask: 'specthread.nextOpenTask',
  toggleTaskDone: 'specthread.toggleTaskDone',
  exportReport: 'specthread.exportReport',
  draftSpec: 'specthread.draftSpec',
  generateTestStubs: 'specthread.generateTestStubs',
  goToRequirement: 'specthread.goToRequirement',
  fixAllInFile: 'specthread.fixAllInFile',
  renameRequirement: 'specthread.renameRequirement',
  reconfirmSuspectTags: 'specthread.reconfirmSuspectTags',
  writeBaseline: 'specthread.writeBaseline',
  openRuleDocs: 'specthread.openRuleDocs',
  checkWorkspace: 'specthread.checkWorkspace',
  /** Lens on a requirement heading: peeks the references of the requirement at (uri, line, character). */
  peekThread: 'specthread.peekThread',
} as const;

/** Built by the Specs/Coverage view helper; the status item only opens it. */
export const SHOW_COVERAGE_COMMAND = 'specthread.showCoverage';

/** The code action kind of "Fix All in File", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.specthread';

export type TaskState = 'open' | 'done' | 'in-progress' | 'queued';

/** A task as the pick lists show it. */
export interface TaskItem {
  readonly spec: string;
  /** Undefined for an unnumbered checkbox item, which cannot be addressed by id. */
  readonly id?: string;
  readonly title: string;
  readonly status: TaskState;
  readonly optional: boolean;
  readonly uri: string;
  readonly line: number;
}

/** Request: no params; result: every task of every spec, in file order. */
export const TasksRequest = 'specthread/tasks';
export interface TasksResult {
  readonly tasks: readonly TaskItem[];
}

/** A task named by its spec and id: the argument of Start Task and Toggle Task Done (also from lenses). */
export interface TaskRef {
  readonly spec: string;
  readonly task: string;
}

/** Request: TaskRef; result: the agent prompt of the task (Markdown) and where the task is. */
export const TaskPromptRequest = 'specthread/taskPrompt';
export interface TaskPromptResult {
  readonly markdown: string;
  readonly uri: string;
  readonly line: number;
}

/** Request: TaskRef & { state? } (default: done when not done, else open); result: the edit. */
export const TaskToggleRequest = 'specthread/taskToggle';
export interface TaskToggleParams extends TaskRef {
  readonly state?: TaskState;
}
export interface TaskToggleResult {
  readonly from: TaskState;
  readonly to: TaskState;
  /** An LSP WorkspaceEdit (`changes` by URI); absent when the task already had the state. */
  readonly edit?: EditChanges;
}

/** The `changes` form of an LSP WorkspaceEdit. */
export interface EditChanges {
  readonly changes: Record<string, { range: LspRange; newText: string }[]>;
}
export interface LspRange {
  readonly start: { line: number; character: number };
  readonly end: { line: number; character: number };
}

/** Request: no params; result: every requirement and criterion of every spec, for "Go to Requirement…". */
export const RequirementsRequest = 'specthread/requirements';
export interface RequirementItem {
  /** `spec#id`. */
  readonly ref: string;
  readonly kind: 'requirement' | 'criterion';
  readonly text: string;
  readonly uri: string;
  readonly line: number;
}
export interface RequirementsResult {
  readonly items: readonly RequirementItem[];
}

/** Request: `{ ref, newId }`; result: the rename across specs, code and tests, or an error naming the problem. */
export const RenameRequirementRequest = 'specthread/renameRequirement';
export interface RenameRequirementParams {
  readonly ref: string;
  readonly newId: string;
}

/** Request: no params; result: the edit that re-confirms every suspect `@spec` pin. */
export const ReconfirmRequest = 'specthread/reconfirmSuspectTags';
export interface ReconfirmResult {
  readonly tags: number;
  readonly edit?: EditChanges;
}

/** Request: `{ outputUri }`; result: the HTML report, links relative to the folder it is saved in. */
export const ExportReportRequest = 'specthread/exportReport';
export interface ExportReportParams {
  readonly outputUri: string;
}
export interface ExportReportResult {
  readonly html: string;
}

/** Request: `{ format, name }`; result: the files of a new spec (nothing is written by the server). */
export const NewSpecRequest = 'specthread/newSpec';
export type NewSpecFormat = 'kiro' | 'speckit' | 'openspec';
export interface NewSpecParams {
  readonly format: NewSpecFormat;
  readonly name: string;
  /** The workspace folder to create it in (a file URI). */
  readonly folderUri: string;
}
export interface NewSpecResult {
  readonly files: readonly { readonly uri: string; readonly text: string }[];
}

/** Request: no params; result: the counts of the language status item. */
export const StatusRequest = 'specthread/status';
export interface StatusResult {
  readonly specs: number;
  readonly errors: number;
  readonly warnings: number;
  /** Criteria complete, in percent with one decimal. */
  readonly coverage: number;
}

/** Request: no params; result: every rule code with its summary, for "Open Rule Documentation". */
export const RulesRequest = 'specthread/rules';
export interface RulesResult {
  readonly rules: readonly { readonly code: string; readonly summary: string }[];
}
