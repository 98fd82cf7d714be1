import type { Marker } from '../../text/marker';

/** What only spec-kit files have, attached to their facts as `extras`. */
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
