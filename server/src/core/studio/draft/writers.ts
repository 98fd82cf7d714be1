// @spec specthread-core#19.2, specthread-core#19.3
import { slug } from '../../formats/openspec/parse/blocks';
import { Draft, DraftFile } from './model';
import { writeKiro } from './kiro';
import { writeOpenSpec, scenarioName } from './openspec';
import { writeSpecKit } from './speckit';

export type DraftFormat = 'kiro' | 'speckit' | 'openspec';
export const DRAFT_FORMATS: readonly DraftFormat[] = ['kiro', 'speckit', 'openspec'];

export const isDraftFormat = (name: string): name is DraftFormat => (DRAFT_FORMATS as readonly string[]).includes(name);

/** The draft as files of one format, paths relative to the output folder. */
export function writeDraft(draft: Draft, format: DraftFormat): DraftFile[] {
  return format === 'kiro' ? writeKiro(draft) : format === 'speckit' ? writeSpecKit(draft) : writeOpenSpec(draft);
}

/**
 * The refs of criterion `criterion` of requirement `requirement` (both from 1) as the format's
 * readers resolve them: `name#2.3`; `001-name#FR-007` and its acceptance scenario `001-name#US2.3`
 * (spec-kit counts both); `name#requirement-slug/scenario-slug`.
 */
export function criterionRefs(draft: Draft, format: DraftFormat): (requirement: number, criterion: number) => readonly string[] {
  if (format === 'kiro') return (r, c) => [`${draft.name}#${r}.${c}`];
  if (format === 'speckit') {
    const before: number[] = [];
    let total = 0;
    for (const r of draft.requirements) {
      before.push(total);
      total += r.criteria.length;
    }
    return (r, c) => [`001-${draft.name}#FR-${String((before[r - 1] ?? 0) + c).padStart(3, '0')}`, `001-${draft.name}#US${r}.${c}`];
  }
  return (r, c) => {
    const req = draft.requirements[r - 1];
    return req ? [`${draft.name}#${slug(req.title)}/${slug(scenarioName(req, c))}`] : [];
  };
}
