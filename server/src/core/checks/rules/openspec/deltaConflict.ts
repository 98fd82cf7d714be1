import { Range } from '../../../text/range';
import { normalizeName } from '../../../formats/openspec/parse/blocks';
import { SpecRule } from '../../rule';
import { deltaFiles, openSpecExtras } from './helpers';

/** The same requirement twice in one section, or in two sections that contradict each other. */
export const deltaConflict: SpecRule = {
  meta: {
    code: 'structure.delta-conflict',
    defaultSeverity: 'error',
    summary: 'An OpenSpec delta names a requirement twice, or in sections that contradict each other.',
    description:
      'Within one delta spec a requirement may appear once per section, and not in both MODIFIED and REMOVED, ADDED ' +
      'and MODIFIED, ADDED and REMOVED, or RENAMED and REMOVED; a MODIFIED block must use the new name of a renamed ' +
      'requirement, and a rename must not collide with an ADDED one. `openspec archive` refuses such a change.',
    bad: '## MODIFIED Requirements\n### Requirement: Login\n…\n## REMOVED Requirements\n### Requirement: Login',
    good: '## REMOVED Requirements\n### Requirement: Login',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    for (const f of deltaFiles(spec.fileList)) {
      const delta = openSpecExtras(f)?.delta;
      if (!delta) continue;
      const bySection = new Map<string, Map<string, Range>>();
      const seen = (op: string, name: string, range: Range, what = op) => {
        const map = bySection.get(op) ?? new Map<string, Range>();
        bySection.set(op, map);
        const key = normalizeName(name);
        if (map.has(key))
          report({
            path: f.path,
            range,
            message: `"${name}" appears twice in ${what}.`,
            related: [{ path: f.path, range: map.get(key)!, message: 'First occurrence' }],
          });
        else map.set(key, range);
      };
      for (const e of delta.entries) seen(e.op, e.block.name, e.block.nameRange);
      for (const r of delta.renamed) {
        seen('RENAMED-FROM', r.from, r.fromRange, 'RENAMED (FROM)');
        seen('RENAMED-TO', r.to, r.toRange, 'RENAMED (TO)');
      }
      const get = (op: string) => bySection.get(op) ?? new Map<string, Range>();
      const pairs: [string, string][] = [
        ['MODIFIED', 'REMOVED'],
        ['MODIFIED', 'ADDED'],
        ['ADDED', 'REMOVED'],
      ];
      for (const [a, b] of pairs) {
        for (const [name, range] of get(a))
          if (get(b).has(name))
            report({
              path: f.path,
              range,
              message: `"${name}" is in both ${a} and ${b}.`,
              related: [{ path: f.path, range: get(b).get(name)!, message: `In ${b}` }],
            });
      }
      const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
      for (const r of delta.renamed) {
        const from = normalizeName(r.from);
        if (get('MODIFIED').has(from))
          report({
            path: f.path,
            range: get('MODIFIED').get(from)!,
            message: `MODIFIED uses the old name "${r.from}"; the same delta renames it, so use "${r.to}".`,
          });
        if (get('ADDED').has(normalizeName(r.to)))
          report({ path: f.path, range: r.toRange, message: `RENAMED TO "${r.to}" collides with an ADDED requirement of the same name.` });
        const removed = [...get('REMOVED').keys()].find((n) => fold(n) === fold(from));
        if (removed !== undefined) report({ path: f.path, range: r.fromRange, message: `"${r.from}" is both RENAMED and REMOVED.` });
      }
    }
  },
};
