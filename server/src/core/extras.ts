import type { SteeringExtras } from './formats/kiro/extras';
import type { OpenSpecExtras } from './formats/openspec/extras';
import type { SpecKitExtras } from './formats/speckit/extras';
import type { Marker } from './text/marker';

export type { SteeringExtras } from './formats/kiro/extras';
export type { DeltaEntry, DeltaFacts, DeltaOp, OpenSpecExtras, OpenSpecSection, RenamePair, RequirementBlock, ScenarioInfo } from './formats/openspec/extras';
export type { SpecKitExtras } from './formats/speckit/extras';
export type { Marker } from './text/marker';

/**
 * Facts that only some formats have, attached to a file's facts as `extras`. Kept apart from
 * the shared shapes in model.ts so a format can grow without touching what every rule reads;
 * each format declares its own in formats/<format>/extras.ts, and this union names them.
 */
export type FileExtras = SpecKitExtras | OpenSpecExtras | SteeringExtras | JsonFileExtras;

/** A JSON file (`.kiro.hook`, `.config.kiro`) with the problems its shape check found. */
export interface JsonFileExtras {
  readonly type: 'json';
  readonly problems: readonly Marker[];
  /** The parsed value when the text is JSON. */
  readonly value?: unknown;
}
