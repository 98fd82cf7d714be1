// @spec specthread-core#15.1
import { SpecFormat } from '../model';
import { KIRO_FORMAT } from './kiro/plugin';
import { OPENSPEC_FORMAT } from './openspec/plugin';
import { SpecFormatPlugin } from './specFormatPlugin';
import { SPECKIT_FORMAT } from './speckit/plugin';

/**
 * The formats SpecThread reads. Adding one is a folder under formats/ plus one line here. The
 * order is the order of default discovery: OpenSpec before spec-kit, because `openspec/specs/`
 * would otherwise look like a spec-kit `specs/` folder.
 */
export const BUILTIN_FORMATS: readonly SpecFormatPlugin[] = [KIRO_FORMAT, OPENSPEC_FORMAT, SPECKIT_FORMAT];

/** The format a bare root string in settings means, and the parser's default. */
export const DEFAULT_FORMAT: SpecFormat = KIRO_FORMAT.id;

/** The plugin registered for `id` in `formats`. */
export function formatById(formats: readonly SpecFormatPlugin[], id: SpecFormat): SpecFormatPlugin | undefined {
  return formats.find((f) => f.id === id);
}
