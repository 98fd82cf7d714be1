import { Range } from '../../../text/range';
import { SpecRule } from '../../rule';
import { deltaFiles, openSpecExtras } from './helpers';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A change whose deltas cannot be applied as written. */
export const deltaShape: SpecRule = {
  meta: {
    code: 'structure.delta-shape',
    defaultSeverity: 'error',
    summary: 'An OpenSpec change has no deltas, a delta spec without delta sections or entries, or a RENAMED line without its pair.',
    description:
      'A change must carry at least one delta (`## ADDED|MODIFIED|REMOVED|RENAMED Requirements` with entries in a ' +
      '`specs/<capability>/spec.md`), unless `.openspec.yaml` says `skip_specs: true`. A `FROM:` line needs its `TO:` ' +
      'line right after it. Otherwise `openspec validate` fails and `openspec archive` applies nothing.',
    bad: '## RENAMED Requirements\n- FROM: `### Requirement: Login`',
    good: '## RENAMED Requirements\n- FROM: `### Requirement: Login`\n- TO: `### Requirement: Sign in`',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived || !spec.id.startsWith('changes/')) return;
    // Only `specs/<capability>/spec.md` files are deltas to OpenSpec; another .md below specs/
    // is ignored whole (ignored-content says so), so it neither counts nor gets a shape finding.
    const deltas = deltaFiles(spec.fileList).filter((f) => /\/specs\/.+\/spec\.md$/.test(f.path));
    const metaFile = spec.files['change-meta'];
    const meta = openSpecExtras(metaFile)?.meta;
    if (metaFile && meta?.error)
      report({
        path: metaFile.path,
        range: meta.range,
        message: `.openspec.yaml is not valid change metadata (${meta.error}), so skip_specs is not honoured.`,
      });
    const skip = meta?.skipSpecs === true && !meta.error;
    let total = 0;
    for (const f of deltas) {
      const delta = openSpecExtras(f)?.delta;
      if (!delta) continue;
      total += delta.entries.length + delta.renamed.length;
      for (const u of delta.unpaired) {
        report({
          path: f.path,
          range: u.range,
          message: `RENAMED ${u.side}: "${u.name}" has no matching ${u.side === 'FROM' ? 'TO' : 'FROM'}: line; write each rename as a FROM: line followed by its TO: line.`,
        });
      }
      if (delta.entries.length + delta.renamed.length > 0) continue;
      report({
        path: f.path,
        range: delta.sections[0]?.range ?? TOP,
        message: delta.sections.length
          ? `Delta sections ${delta.sections.map((s) => `## ${s.op} Requirements`).join(', ')} hold no requirement entries; add "### Requirement:" blocks (REMOVED may list them as bullets).`
          : delta.orphans.length
            ? `No delta sections found, so OpenSpec ignores the ${delta.orphans.length} requirement${delta.orphans.length > 1 ? 's' : ''} here ("${delta.orphans[0]!.name}"${delta.orphans.length > 1 ? ' …' : ''}${delta.orphans[0]!.section ? ` under "## ${delta.orphans[0]!.section}"` : ''}); put ${delta.orphans.length > 1 ? 'them' : 'it'} under "## ADDED Requirements" (or MODIFIED / REMOVED / RENAMED).`
            : 'No delta sections found; add "## ADDED Requirements" (or MODIFIED / REMOVED / RENAMED), or move non-delta notes out of specs/.',
      });
    }
    const anchor = spec.files.proposal ?? metaFile ?? spec.files.tasks ?? spec.files.design ?? spec.fileList[0];
    if (skip && deltas.length)
      report({
        path: metaFile!.path,
        range: meta!.range,
        message: 'skip_specs is set in .openspec.yaml but spec files exist under specs/; remove skip_specs or the delta files.',
      });
    if (total === 0 && deltas.length === 0 && !skip && anchor) {
      report({
        path: anchor.path,
        range: TOP,
        // A folder holding only `.openspec.yaml` is a change scaffolded and not written yet; saying
        // so tells its author why validate fails without suggesting the change is malformed.
        message:
          (spec.fileList.length === 1 && metaFile
            ? 'The change holds only .openspec.yaml (scaffolded, nothing written yet), so openspec validate fails: '
            : 'The change has no deltas: ') +
          'add specs/<capability>/spec.md with ## ADDED / MODIFIED / REMOVED / RENAMED Requirements, or set skip_specs: true in .openspec.yaml if it changes no spec.',
      });
    }
  },
};
