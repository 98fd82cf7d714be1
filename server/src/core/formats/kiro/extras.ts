import { Range } from '../../text/range';
import type { Marker } from '../../text/marker';

/** A `.kiro/steering/*.md` file's front matter. */
export interface SteeringExtras {
  readonly type: 'steering';
  /** The `---` block, when the file has one. */
  readonly frontMatterRange?: Range;
  readonly fields: readonly { readonly key: string; readonly value: unknown; readonly range: Range }[];
  /** A YAML error in the front matter. */
  readonly error?: Marker;
}
