import { SpecRule } from '../../rule';

/**
 * OpenSpec tasks are numbered inside `## N.` groups: `1.3` belongs under `## 1.`. A task whose
 * leading number names another group is ambiguous to anyone citing it, as `openspec validate`
 * reports. Unnumbered groups and tasks are not checked.
 */
export const taskGroup: SpecRule = {
  meta: {
    code: 'task.wrong-group',
    defaultSeverity: 'warning',
    summary: "An OpenSpec task's number points to a different `## N.` group than the one it stands under.",
    description:
      'OpenSpec task ids are `<group>.<n>` under `## <group>. Title` headings. A task `2.4` under `## 3.` was moved ' +
      'or copied without renumbering, and references to it become ambiguous.',
    bad: '## 3. Docs\n- [ ] 2.4 Update README',
    good: '## 3. Docs\n- [ ] 3.1 Update README',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    const file = spec.files.tasks;
    if (!file) return;
    const groups = file.headings.filter((h) => h.depth === 2);
    if (!groups.some((g) => /^\d+\./.test(g.text))) return;
    for (const t of spec.taskList) {
      if (!t.node.id || !t.node.id.includes('.') || !t.node.idRange) continue;
      const group = [...groups].reverse().find((g) => g.range.start.line < t.node.range.start.line);
      const m = group && /^(\d+)\./.exec(group.text);
      if (!m) continue;
      const own = t.node.id.split('.')[0];
      if (Number(own) === Number(m[1])) continue;
      report({
        path: t.path,
        range: t.node.idRange,
        message: `Task ${t.node.id} stands under group ${m[1]} but its number points to group ${own}; move it or renumber it.`,
      });
    }
  },
};
