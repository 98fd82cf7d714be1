// @spec specthread-core#16.6
import { REQUIREMENTS_HEADING } from '../../../formats/openspec/parse/fallback';
import { OpenSpecExtras, OpenSpecSection } from '../../../extras';
import { SpecFileFacts } from '../../../model';
import { SpecModel } from '../../../index/specModel';
import { openSpecExtras, section } from './helpers';

/**
 * What is wrong with the sections of one OpenSpec main spec, sorted by how certain it is that the
 * thread is broken. `openspec validate` rejects all of these alike, but `openspec archive` and the
 * people reading the spec do not: a spec that only lacks `## Purpose` still has every requirement
 * where archive finds it, and a spec written in its authors' own language or template is a choice,
 * not a slip. Only the shapes that lose requirements (no `## Requirements` around OpenSpec blocks,
 * a change delta copied in as the main spec, an empty Requirements section) are certain, so they
 * alone stay errors; the others are notes with their own codes, and a file the reader could not
 * read at all is left to `format.unrecognized`, which says so once.
 */
export type MainSpecShape =
  | { readonly kind: 'ok' }
  /** Nothing was read from the file: format.unrecognized notes it, nothing else should. */
  | { readonly kind: 'unread' }
  /** `## Requirements` holds readable blocks; only the Purpose is missing or empty. */
  | { readonly kind: 'purpose'; readonly empty?: OpenSpecSection }
  /** Requirements organised under the authors' own headings (`## Requisitos Funcionales`), no delta header. */
  | { readonly kind: 'foreign'; readonly heading: string }
  /** Sections OpenSpec needs are missing in a way that hides requirements from it. */
  | { readonly kind: 'missing'; readonly missing: readonly string[]; readonly delta?: string }
  /** `## Requirements` is there but holds no `### Requirement:` block. */
  | { readonly kind: 'no-blocks'; readonly requirements: OpenSpecSection };

export function mainSpecShape(f: SpecFileFacts, extras: OpenSpecExtras): MainSpecShape {
  if (f.reading?.level === 'none') return { kind: 'unread' };
  const purpose = section(extras, 'Purpose');
  const requirements = section(extras, 'Requirements');
  const delta = extras.misplaced.find((m) => m.what === 'delta-header')?.text;
  if (!requirements) {
    const own = delta ? undefined : f.headings.find((h) => h.depth === 2 && REQUIREMENTS_HEADING.test(h.text));
    if (own && f.requirements.length > 0) return { kind: 'foreign', heading: own.text };
    return { kind: 'missing', missing: purpose ? ['Requirements'] : ['Purpose', 'Requirements'], delta };
  }
  if (extras.requirementBlocks.length === 0) return purpose ? { kind: 'no-blocks', requirements } : { kind: 'missing', missing: ['Purpose'], delta };
  // No Purpose next to a delta header: the spec was copied from a change, and the delta header cuts
  // its Requirements section short (ignored-content names what is hidden), so this is no mere gap.
  if (!purpose) return delta ? { kind: 'missing', missing: ['Purpose'], delta } : { kind: 'purpose' };
  return purpose.text ? { kind: 'ok' } : { kind: 'purpose', empty: purpose };
}

/** Each main spec file of a spec that is not archived, with its shape: what the main-spec rules judge. */
export function mainSpecShapes(spec: SpecModel): { readonly file: SpecFileFacts; readonly shape: MainSpecShape }[] {
  if (spec.archived) return [];
  return spec.fileList.flatMap((file) => {
    const extras = openSpecExtras(file);
    return extras && file.kind === 'spec' ? [{ file, shape: mainSpecShape(file, extras) }] : [];
  });
}

/** The start of a file: where findings about the file as a whole go. */
export const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
