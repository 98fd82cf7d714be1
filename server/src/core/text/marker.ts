import { Range } from './range';

/** A span of text worth pointing at: a clarification marker, a template placeholder. */
export interface Marker {
  readonly text: string;
  readonly range: Range;
}
