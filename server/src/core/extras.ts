import { Range } from './text/range';

/**
 * Facts that only some formats have, attached to a file's facts as `extras`. Kept apart from
 * the shared shapes in model.ts so a format can grow without touching what every rule reads.
 */
export type FileExtras = SpecKitExtras | OpenSpecExtras | SteeringExtras | JsonFileExtras;

/** A span of text worth pointing at: a clarification marker, a template placeholder. */
export interface Marker {
  readonly text: string;
  readonly range: Range;
}

export interface SpecKitExtras {
  readonly type: 'speckit';
  /** Open `[NEEDS CLARIFICATION: …]` markers (and the bare `NEEDS CLARIFICATION` value in plan.md). */
  readonly clarifications: readonly Marker[];
  /** `### Session YYYY-MM-DD` headings under `## Clarifications`. */
  readonly clarificationSessions: number;
  /** `- Q: … → A: …` answers recorded in those sessions. */
  readonly clarificationAnswers: number;
  /** Unfilled `[ALL_CAPS]` template placeholders (read in the constitution only). */
  readonly placeholders: readonly Marker[];
  /** `**Checkpoint**:` lines in tasks.md. */
  readonly checkpoints: number;
}

/** One `## …` section of an OpenSpec document. */
export interface OpenSpecSection {
  readonly title: string;
  /** The heading line. */
  readonly range: Range;
  /** The section's text without its heading and without fenced code, trimmed. */
  readonly text: string;
  /** The text's extent (the heading line when the section is empty). */
  readonly textRange: Range;
}

export interface ScenarioInfo {
  readonly name: string;
  readonly range: Range;
  /** A `#### Scenario:` header with nothing under it does not count as a scenario. */
  readonly hasBody: boolean;
}

/** One `### Requirement:` block, in a main spec or in a delta section. */
export interface RequirementBlock {
  readonly name: string;
  /** The heading line. */
  readonly range: Range;
  /** The name on the heading line. */
  readonly nameRange: Range;
  /** The body text before the first sub-heading (fenced code skipped), '' when there is none. */
  readonly body: string;
  readonly scenarios: readonly ScenarioInfo[];
  /** Lines inside the block that look like scenarios written as bullets (`- Scenario: …`). */
  readonly bulletScenarios: number;
  /** From the heading to the end of the block. */
  readonly blockRange: Range;
}

export type DeltaOp = 'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED';

export interface DeltaEntry {
  readonly op: Exclude<DeltaOp, 'RENAMED'>;
  readonly block: RequirementBlock;
}

export interface RenamePair {
  readonly from: string;
  readonly to: string;
  readonly fromRange: Range;
  readonly toRange: Range;
}

export interface DeltaFacts {
  /** The capability path below the change's `specs/` folder (`cli-update`, `auth/login`). */
  readonly capability: string;
  /** The delta section headings present (`## ADDED Requirements` …). */
  readonly sections: readonly { readonly op: DeltaOp; readonly range: Range }[];
  readonly entries: readonly DeltaEntry[];
  readonly renamed: readonly RenamePair[];
  /** FROM: or TO: lines that never formed a pair. */
  readonly unpaired: readonly { readonly side: 'FROM' | 'TO'; readonly name: string; readonly range: Range }[];
  /** `### Requirement:` blocks outside every delta section: ignored by OpenSpec. */
  readonly orphans: readonly { readonly name: string; readonly section?: string; readonly range: Range }[];
  /** Other `###` headings inside ADDED / MODIFIED sections: ignored by OpenSpec. */
  readonly strayHeaders: readonly { readonly header: string; readonly section: string; readonly range: Range }[];
}

export interface OpenSpecExtras {
  readonly type: 'openspec';
  readonly sections: readonly OpenSpecSection[];
  /** Main spec: the `### Requirement:` blocks inside `## Requirements`. */
  readonly requirementBlocks: readonly RequirementBlock[];
  /** Main spec: `### Requirement:` headings outside `## Requirements`, and delta headers. */
  readonly misplaced: readonly { readonly what: 'requirement' | 'delta-header'; readonly text: string; readonly range: Range }[];
  readonly delta?: DeltaFacts;
  /** `.openspec.yaml`: the parsed metadata, or why it could not be read. */
  readonly meta?: { readonly skipSpecs: boolean; readonly error?: string; readonly range: Range };
}

/** A `.kiro/steering/*.md` file's front matter. */
export interface SteeringExtras {
  readonly type: 'steering';
  /** The `---` block, when the file has one. */
  readonly frontMatterRange?: Range;
  readonly fields: readonly { readonly key: string; readonly value: unknown; readonly range: Range }[];
  /** A YAML error in the front matter. */
  readonly error?: Marker;
}

/** A JSON file (`.kiro.hook`, `.config.kiro`) with the problems its shape check found. */
export interface JsonFileExtras {
  readonly type: 'json';
  readonly problems: readonly Marker[];
  /** The parsed value when the text is JSON. */
  readonly value?: unknown;
}
