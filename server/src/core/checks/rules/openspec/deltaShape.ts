import { DeltaFacts } from '../../../extras';
import { Heading } from '../../../model';
import { Range } from '../../../text/range';
import { SpecRule } from '../../rule';
import { appliedDeltaFiles, openSpecExtras } from './helpers';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A change whose delta files cannot be applied as written. A change with no delta file at all
 * (proposal-only, code-only, a scaffold) is a different, harmless case: changeWithoutDeltas.ts.
 */
export const deltaShape: SpecRule = {
  meta: {
    code: 'structure.delta-shape',
    defaultSeverity: 'error',
    summary: 'An OpenSpec delta spec has no delta sections or entries, a RENAMED line lacks its pair, or skip_specs contradicts the files.',
    description:
      'Each `specs/<capability>/spec.md` of a change must hold entries under `## ADDED|MODIFIED|REMOVED|RENAMED ' +
      'Requirements`, and a `FROM:` line needs its `TO:` line right after it. Otherwise `openspec validate` fails and ' +
      '`openspec archive` applies nothing of that file. A change with no delta file at all is ' +
      '`structure.change-without-deltas`, a note: archive accepts it.',
    bad: '## RENAMED Requirements\n- FROM: `### Requirement: Login`',
    good: '## RENAMED Requirements\n- FROM: `### Requirement: Login`\n- TO: `### Requirement: Sign in`',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived || !spec.id.startsWith('changes/')) return;
    const deltas = appliedDeltaFiles(spec.fileList);
    const metaFile = spec.files['change-meta'];
    const meta = openSpecExtras(metaFile)?.meta;
    if (metaFile && meta?.error)
      report({
        path: metaFile.path,
        range: meta.range,
        message: `.openspec.yaml is not valid change metadata (${meta.error}), so skip_specs is not honoured.`,
      });
    const skip = meta?.skipSpecs === true && !meta.error;
    for (const f of deltas) {
      const delta = openSpecExtras(f)?.delta;
      if (!delta) continue;
      for (const u of delta.unpaired) {
        report({
          path: f.path,
          range: u.range,
          message: `RENAMED ${u.side}: "${u.name}" has no matching ${u.side === 'FROM' ? 'TO' : 'FROM'}: line; write each rename as a FROM: line followed by its TO: line.`,
        });
      }
      if (delta.entries.length + delta.renamed.length > 0) continue;
      report({ path: f.path, ...noEntries(delta, f.headings) });
    }
    if (skip && deltas.length)
      report({
        path: metaFile!.path,
        range: meta!.range,
        message: 'skip_specs is set in .openspec.yaml but spec files exist under specs/; remove skip_specs or the delta files.',
      });
  },
};

/** Why a delta file applies nothing, naming what its author wrote in place of delta sections. */
function noEntries(delta: DeltaFacts, headings: readonly Heading[]): { range: Range; message: string } {
  if (delta.sections.length)
    return {
      range: delta.sections[0]!.range,
      message: `Delta sections ${delta.sections.map((s) => `## ${s.op} Requirements`).join(', ')} hold no requirement entries; add "### Requirement:" blocks (REMOVED may list them as bullets).`,
    };
  const [first] = delta.orphans;
  const n = delta.orphans.length;
  if (first)
    return {
      range: TOP,
      message: `No delta sections found, so OpenSpec ignores the ${n} requirement${n > 1 ? 's' : ''} here ("${first.name}"${n > 1 ? ' …' : ''}${first.section ? ` under "## ${first.section}"` : ''}); put ${n > 1 ? 'them' : 'it'} under "## ADDED Requirements" (or MODIFIED / REMOVED / RENAMED).`,
    };
  // `## MODIFIED: Requirement: X` and the like: the author meant a delta, in a shape OpenSpec does not read.
  const lookalike = headings.find((h) => h.depth === 2 && /^(ADDED|MODIFIED|REMOVED|RENAMED)\b/i.test(h.text));
  if (lookalike)
    return {
      range: lookalike.range,
      message: `No delta sections found: "## ${lookalike.text}" looks like one, but OpenSpec reads only "## ADDED|MODIFIED|REMOVED|RENAMED Requirements" headings with "### Requirement: <name>" blocks under them, so this file changes nothing.`,
    };
  return {
    range: TOP,
    message: 'No delta sections found; add "## ADDED Requirements" (or MODIFIED / REMOVED / RENAMED), or move non-delta notes out of specs/.',
  };
}
