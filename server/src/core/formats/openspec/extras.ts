import { Range } from '../../text/range';

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
  /**
   * The block's lines from its heading to its last non-blank line, the way `openspec archive`
   * compares blocks: an ADDED block equal to the base spec's is an already-synced no-op there,
   * and only a different text is a clash.
   */
  readonly raw: string;
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
