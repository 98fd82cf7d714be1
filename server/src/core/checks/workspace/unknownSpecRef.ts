// @spec specthread-core#16.3, specthread-core#21.1
import { idsUnderstood } from '../../index/reading';
import { SpecModel } from '../../index/specModel';
import { suggestIds } from '../suggest';
import { SpecPartView, WorkspaceRule } from '../workspaceRule';
import { ReportedProblem } from '../rule';

/** `001-user-auth#FR-003` naming a spec or an id that does not exist. */
export const unknownSpecRef: WorkspaceRule = {
  meta: {
    code: 'link.unknown-spec-ref',
    defaultSeverity: 'error',
    summary: 'A cross-spec ref (`001-user-auth#FR-003`) names a spec or an id that does not exist.',
    description:
      'Specs cite each other as `<spec>#<id>`; a spec-kit feature may be named with or without its number ' +
      '(`user-auth#FR-003`) when that is unambiguous. A ref to a renamed feature or a removed requirement points nowhere.',
    bad: 'Depends on 001-user-auth#FR-030   (001-user-auth has FR-001–FR-012)',
    good: 'Depends on 001-user-auth#FR-003',
  },
  check(ws, report, token) {
    const byName = new Map<string, SpecModel[]>();
    for (const s of ws.specs) {
      for (const name of [s.id, ...(s.aliases ?? [])]) {
        if (!name) continue;
        byName.set(name, [...(byName.get(name) ?? []), s]);
      }
    }
    const view: SpecPartView = { specsNamed: (name) => byName.get(name) ?? [], names: () => byName.keys() };
    for (const spec of ws.specs) this.checkSpec!(spec, view, report, token);
  },
  checkSpec: refsOf,
};

/** One spec's refs into other specs: it reads only the specs those refs name (and every name, for a hint). */
function refsOf(spec: SpecModel, view: SpecPartView, report: (problem: ReportedProblem) => void): void {
  if (spec.archived) return;
  for (const ref of spec.refs) {
    if (!ref.external || !ref.occurrence.spec) continue;
    const name = ref.occurrence.spec;
    const candidates = view.specsNamed(name);
    if (candidates.length === 0) {
      const [hint] = suggestIds(name, view.names(), 1);
      report({ path: ref.path, range: ref.occurrence.range, message: `No spec named '${name}'.${hint ? ` Did you mean '${hint}'?` : ''}` });
      continue;
    }
    if (candidates.length > 1) continue;
    const target = candidates[0]!;
    // Only a spec whose ids were read with confidence proves that an id is missing.
    if (!idsUnderstood(target)) continue;
    const t = ref.occurrence.target;
    const ids = t.kind === 'id' ? [t.id] : t.kind === 'range' ? [t.from, t.to] : [];
    for (const id of ids) {
      if (target.requirements.has(id) || target.criteria.has(id) || target.tasks.has(id)) continue;
      const [hint] = suggestIds(id, [...target.requirements.keys(), ...target.criteria.keys()], 1);
      report({
        path: ref.path,
        range: ref.occurrence.range,
        message: `${id} does not exist in spec '${target.id}'.${hint ? ` Did you mean ${hint}?` : ''}`,
      });
    }
  }
}
