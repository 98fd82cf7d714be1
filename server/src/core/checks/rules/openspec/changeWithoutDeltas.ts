// @spec specthread-core#16.6
import { Range } from '../../../text/range';
import { SpecRule } from '../../rule';
import { appliedDeltaFiles, openSpecExtras } from './helpers';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * An open change with no `specs/<capability>/spec.md` at all. `openspec validate` rejects it
 * ("Change must have at least one delta"), but `openspec archive` accepts it and moves it to the
 * archive, and real repositories hold many such changes on purpose: proposals whose specs step is
 * not done yet, code-only work items, scaffolds with only `.openspec.yaml`. Nothing in the thread
 * is broken, so this is a note (docs/severity-policy.md), where a delta file that applies nothing
 * stays a structure.delta-shape error.
 */
export const changeWithoutDeltas: SpecRule = {
  meta: {
    code: 'structure.change-without-deltas',
    defaultSeverity: 'info',
    summary: 'An OpenSpec change has no delta spec, so `openspec validate` rejects it (archive accepts it).',
    description:
      '`openspec validate` requires every change to carry at least one `specs/<capability>/spec.md` with ' +
      '`## ADDED|MODIFIED|REMOVED|RENAMED Requirements`, unless `.openspec.yaml` says `skip_specs: true`. ' +
      '`openspec archive` accepts a change without one, so a proposal whose specs are not written yet, or work that ' +
      'changes no requirement, is not broken: add the delta when the change alters behaviour, or set `skip_specs: true`.',
    bad: 'openspec/changes/rework-auth/proposal.md   (and nothing under specs/)',
    good: 'openspec/changes/rework-auth/proposal.md\nopenspec/changes/rework-auth/specs/auth/spec.md',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived || !spec.id.startsWith('changes/')) return;
    const metaFile = spec.files['change-meta'];
    const meta = openSpecExtras(metaFile)?.meta;
    if (meta?.skipSpecs === true && !meta.error) return;
    if (appliedDeltaFiles(spec.fileList).length) return;
    const anchor = spec.files.proposal ?? metaFile ?? spec.files.tasks ?? spec.files.design ?? spec.fileList[0];
    if (!anchor) return;
    // A folder holding only `.openspec.yaml` is a change scaffolded and not written yet; saying
    // so tells its author why validate fails without suggesting the change is malformed.
    const scaffold = spec.fileList.length === 1 && !!metaFile;
    report({
      path: anchor.path,
      range: TOP,
      message:
        (scaffold
          ? 'The change holds only .openspec.yaml (scaffolded, nothing written yet), so openspec validate rejects it'
          : 'The change has no delta spec, so openspec validate rejects it (archive accepts it)') +
        '; add specs/<capability>/spec.md with ## ADDED / MODIFIED / REMOVED / RENAMED Requirements when it changes behaviour, or set skip_specs: true in .openspec.yaml.',
    });
  },
};
