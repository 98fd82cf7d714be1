import type { FileExtras } from './extras';
import { Position, Range } from './text/range';

/**
 * The per-file facts the parsers produce. Everything here is computed from one file's text
 * alone, so it can be cached by content and recomputed for just the file that changed.
 */

/**
 * The spec-driven development tool whose layout and templates a spec follows: the id of a
 * registered format plugin (built in: `kiro`, `speckit`, `openspec`; see formats/registry.ts).
 */
export type SpecFormat = string;

/**
 * What role a file plays inside its spec folder. Kiro: requirements, bugfix, design, tasks
 * (plus steering, hook and kiro-config outside spec folders). spec-kit: spec, plan, tasks,
 * checklist, research, data-model, quickstart, constitution. OpenSpec: spec (a capability's
 * main spec), proposal, design, tasks, delta (a change's delta spec), change-meta
 * (`.openspec.yaml`), project (legacy `project.md`).
 */
export type SpecFileKind =
  | 'requirements'
  | 'bugfix'
  | 'design'
  | 'tasks'
  | 'spec'
  | 'plan'
  | 'checklist'
  | 'research'
  | 'data-model'
  | 'quickstart'
  | 'constitution'
  | 'proposal'
  | 'delta'
  | 'change-meta'
  | 'project'
  | 'steering'
  | 'hook'
  | 'kiro-config';

/** Kiro's task markers: `[ ]` open, `[x]`/`[X]` done, `[-]` in progress, `[~]` queued. */
export type TaskStatus = 'open' | 'done' | 'in-progress' | 'queued';

/**
 * What a requirement node stands for: a Kiro requirement (default), a spec-kit user story,
 * functional requirement or success criterion, an OpenSpec requirement, or the defect section of a
 * Kiro bugfix spec (the behaviour to remove: no task or code is meant to build it).
 */
export type RequirementKind = 'requirement' | 'story' | 'functional' | 'success-criterion' | 'defect';

export interface RequirementNode {
  /** Format-specific: Kiro `3`, spec-kit `US1` / `FR-003` / `SC-002`, OpenSpec the name slugged. */
  readonly id: string;
  readonly title: string;
  readonly kind?: RequirementKind;
  /** The statement itself when it is more than the title (spec-kit FR text, OpenSpec body). */
  readonly text?: string;
  /** spec-kit story priority, e.g. `P1`. */
  readonly priority?: string;
  readonly userStory?: string;
  /** The whole heading line. */
  readonly range: Range;
  /** The number inside the heading, e.g. `3` in `### Requirement 3: Export`. */
  readonly idRange: Range;
  /** From the heading to the end of the requirement's section; used for outline and hover. */
  readonly sectionRange: Range;
  readonly criteria: readonly CriterionNode[];
}

export interface CriterionNode {
  /** Kiro `<requirement>.<n>` (`1.2`), spec-kit `US1.2`, OpenSpec `<req-slug>/<scenario-slug>`. */
  readonly id: string;
  readonly requirementId: string;
  /** The criterion's text with Markdown emphasis markers removed. */
  readonly text: string;
  /** The criterion's first line (the line that holds its number). */
  readonly range: Range;
  /** The number as written, e.g. `2.` in an acceptance-criteria list. */
  readonly idRange: Range;
  /** The criterion's Markdown exactly as written, so checks can point at one word and fixes can rewrite it. */
  readonly source?: TextSource;
}

/** A slice of a file's text and where it starts; `raw` may span lines (continuation indentation included). */
export interface TextSource {
  readonly raw: string;
  readonly start: Position;
}

/**
 * An inline suppression comment (`<!-- specthread-disable-next-line quality.vague-term -->`).
 * Lines are zero-based and inclusive; `codes` empty means every rule. Codes may name a family.
 */
export interface Suppression {
  readonly codes: readonly string[];
  readonly fromLine: number;
  readonly toLine: number;
}

/** One cited id, or a range of ids, on a `_Requirements:_` or `Validates:` line. */
export type RefTarget =
  { readonly kind: 'id'; readonly id: string } | { readonly kind: 'range'; readonly from: string; readonly to: string } | { readonly kind: 'all' };

/**
 * Where a citation was written: Kiro `_Requirements:` and `Validates:` lines; spec-kit story
 * labels (`[US1]`), ids named in text (`FR-003`, `US1.2`), and task dependencies (`depends on
 * T012`).
 */
export type RefSourceKind = 'requirements-line' | 'validates-line' | 'story-label' | 'inline-id' | 'task-dependency';

export interface RefOccurrence {
  readonly target: RefTarget;
  /** The token as written, e.g. `2.3-2.5`. */
  readonly raw: string;
  readonly range: Range;
  readonly source: RefSourceKind;
  /** The task whose body holds the line, when the ref is in tasks.md. */
  readonly taskId?: string;
  /** The heading under which the ref stands, for design documents. */
  readonly context?: string;
  /** Set for cross-spec refs (`001-user-auth#FR-003`): the spec named before the `#`. */
  readonly spec?: string;
}

export interface TaskNode {
  /** `1`, `1.2`, … or undefined for an unnumbered checkbox item. */
  readonly id?: string;
  readonly title: string;
  readonly status: TaskStatus;
  /** Kiro marks optional tasks with `*` after the checkbox (`- [ ]* 2.2 …`). */
  readonly optional: boolean;
  /** The task's first line. */
  readonly range: Range;
  /** The checkbox, e.g. `[x]`. */
  readonly markerRange: Range;
  readonly idRange?: Range;
  /** The whole list item including its sub-bullets. */
  readonly itemRange: Range;
  /** Nesting depth of the list item (0 for top level). */
  readonly depth: number;
  /** spec-kit `[P]`: may run in parallel with the tasks around it. */
  readonly parallel?: boolean;
  /** spec-kit `[US1]`: the user story the task belongs to. */
  readonly story?: string;
  /** The heading of the phase or group the task stands under. */
  readonly phase?: string;
}

export interface Heading {
  readonly text: string;
  readonly depth: number;
  readonly range: Range;
  readonly sectionRange: Range;
}

/** A problem found while reading one file, before any cross-file analysis. */
export interface ParseNote {
  readonly code: string;
  readonly message: string;
  readonly range: Range;
}

export interface SpecFileFacts {
  readonly path: string;
  readonly kind: SpecFileKind;
  readonly requirements: readonly RequirementNode[];
  readonly tasks: readonly TaskNode[];
  readonly refs: readonly RefOccurrence[];
  readonly headings: readonly Heading[];
  /** Terms defined under `## Glossary` (Kiro's second requirements dialect). */
  readonly glossary: readonly string[];
  readonly notes: readonly ParseNote[];
  readonly lineCount: number;
  /** Inline suppression comments found in the file (absent when there are none). */
  readonly suppressions?: readonly Suppression[];
  /** What only some formats have (clarification markers, delta sections, front matter …). */
  readonly extras?: FileExtras;
  /** How well the file was understood, for files whose role is to hold requirements or tasks (parse/reading.ts). */
  readonly reading?: FileReading;
}

/** What a file's role is expected to hold. */
export type ReadingExpectation = 'requirements' | 'tasks';

/**
 * How much of a file the reader understood: `high` (what looks like structure was read), `partial`
 * (something was read, much was not), `none` (content, but nothing of what its role expects),
 * `empty` (too little content to expect anything).
 */
export type ReadingLevel = 'high' | 'partial' | 'none' | 'empty';

export interface FileReading {
  readonly expects: ReadingExpectation;
  readonly level: ReadingLevel;
  readonly requirements: number;
  readonly criteria: number;
  readonly tasks: number;
  /** Lines that look like what the role holds: checkbox items for tasks, list items and numbered paragraphs for requirements. */
  readonly candidates: number;
  /** The first headings below the title, so a note about an unread file can say what it looks like. */
  readonly headings: readonly string[];
}
