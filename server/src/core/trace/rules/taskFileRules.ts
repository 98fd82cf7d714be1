// @spec specthread-core#10.4, specthread-core#10.5, specthread-core#16.4, specthread-core#16.6
import { SpecModel } from '../../index/specModel';
import { ReportedProblem } from '../../checks/rule';
import { TraceRule } from './traceRule';

/** A ticked task naming a file that does not exist. */
export const taskMissingFile: TraceRule = {
  meta: {
    code: 'task.missing-file',
    // On the labelled corpus every judged finding was borderline: the file was moved or merged
    // after the task was ticked (migrations squashed, modules renamed), so the record is stale but
    // nothing is left to do. Worth knowing, not certain: a note (docs/severity-policy.md).
    defaultSeverity: 'info',
    summary: 'A ticked task names a file that does not exist.',
    description:
      'Tasks name the files they create or change (Kiro: `` `src/auth/login.ts` ``; spec-kit: "in src/models/user.py"). ' +
      'When the task is ticked and the file is not there, it was renamed, deleted, or never written. Paths are read ' +
      'relative to the project root (the folder holding `.kiro`), then the spec folder; files ignored by `.gitignore` ' +
      'count as missing. Open tasks are not checked: they may name files still to be created. A file is judged when its ' +
      'folder exists or other files the tasks name under the same top folder exist; a bare file name, or a path into ' +
      'an area absent from the workspace (`src/` in a specs-only checkout), is not judged. A path without a file extension ' +
      '(`docker/setup-qemu-action`, `.takt/en`) may be an action, a package or a folder, and is not judged either. When fewer ' +
      "than half of the files a spec's ticked tasks name exist, the workspace does not hold that spec's code (a partial or " +
      'specs-only checkout, code in another repository) and nothing is reported for it. Archived specs and changes are a ' +
      'record of the past and are not judged. Existing paths become clickable links.',
    bad: '- [x] 1. Add the token store in `src/session/tokens.ts`\n- [x] 2. Add the session store in `src/session/store.ts`   (no such file)',
    good: '- [x] 1. Add the token store in `src/session/tokens.ts`\n- [x] 2. Add the session store in `src/session/memoryStore.ts`',
  },
  check(ctx, report) {
    const candidates: { spec: SpecModel; rel: string; problem: ReportedProblem }[] = [];
    // Top folders under which some file a ticked task names does exist: that area of the
    // project is present in this workspace.
    const presentTops = new Set<string>();
    // Per spec, how many of the code paths its ticked tasks name exist, and how many do not.
    const found = new Map<SpecModel, { present: number; missing: number }>();
    for (const spec of ctx.specs.specs) {
      const tasksPath = spec.files.tasks?.path;
      if (!tasksPath) continue;
      const tally = { present: 0, missing: 0 };
      found.set(spec, tally);
      for (const m of ctx.mentions(spec)) {
        if (m.task.status !== 'done') continue;
        const rel = m.path.replace(/^\.\//, '');
        if (ctx.resolveMention(spec, m.path)) {
          // Markdown next to the specs (a constitution, a README) is no sign that the code is here.
          if (!/\.(md|markdown)$/i.test(rel)) {
            presentTops.add(`${spec.dir}\u0000${rel.split('/')[0]}`);
            tally.present++;
          }
          continue;
        }
        // A bare name (`faq.md`, `package.json`) says nothing about where the file lives, and
        // `/login` or `/opsx:apply` in a task is a route or a slash command, not a file.
        if (!rel.includes('/') || rel.startsWith('../') || rel.startsWith('/') || rel.includes(':')) continue;
        // Without an extension the name may be a GitHub action (`docker/setup-qemu-action`), a
        // package or a folder the task describes; only a file name is certain enough to judge.
        if (!/[^/.]\.[A-Za-z0-9]+$/.test(rel)) continue;
        tally.missing++;
        candidates.push({
          spec,
          rel,
          problem: {
            path: tasksPath,
            range: m.range,
            message: `Task ${m.task.id ?? `'${m.task.title}'`} is ticked but names ${m.path}, which does not exist.`,
          },
        });
      }
    }
    for (const { spec, rel, problem } of candidates) {
      // An archived change or spec is a record of what was done then; files renamed or merged
      // since (migrations squashed, modules moved) make its paths stale without anything to fix,
      // and nobody edits the archive. Its present files still count above as signs the code is here.
      if (spec.archived) continue;
      // A spec whose ticked tasks name mostly files that are not here is read in a workspace
      // without its code (a partial checkout, code kept elsewhere): a missing file proves nothing.
      const tally = found.get(spec);
      if (!tally || tally.missing > tally.present) continue;
      // Judged when the file's folder exists (a rename or deletion), or when other named files
      // under the same top folder exist (the area is here, the file is not). Otherwise the area
      // is not in this workspace: a specs-only checkout, or code kept in another repository.
      const parentExists = !!ctx.resolveMention(spec, rel.slice(0, rel.lastIndexOf('/')));
      if (parentExists || presentTops.has(`${spec.dir}\u0000${rel.split('/')[0]}`)) report(problem);
    }
  },
};

/**
 * A ticked task with nothing behind it. Without access to version control, "the task touched a
 * file" is defined from what the workspace shows: a file the task names exists and carries a tag
 * for one of the task's criteria.
 */
export const taskDoneWithoutCode: TraceRule = {
  meta: {
    code: 'task.done-without-code',
    defaultSeverity: 'warning',
    summary: 'A ticked task whose cited criteria have no implementation tag anywhere.',
    description:
      'A task is ticked, it cites criteria (`_Requirements: 1.2_`), yet no source file carries a tag for any of them and ' +
      'no file the task names carries one either. Either the work was not done, or its code is not tagged. SpecThread has ' +
      'no version-control access, so "the task touched a file" means: the named file exists and carries a tag for one ' +
      "of the task's criteria. Only specs that some code or test points into are checked.",
    bad: '- [x] 3. Reject expired tokens\n  - _Requirements: 1.2_\n(no `@spec user-auth#1.2` in source)',
    good: '- [x] 3. Reject expired tokens in `src/auth/tokens.ts`\n  - _Requirements: 1.2_\n(src/auth/tokens.ts: `// @spec user-auth#1.2`)',
  },
  check(ctx, report) {
    for (const spec of ctx.specs.specs) {
      if (!ctx.index.isTraced(spec) || !spec.files.tasks) continue;
      const mentions = ctx.mentions(spec);
      for (const t of spec.taskList) {
        if (t.node.status !== 'done' || !t.node.id || t.path !== spec.files.tasks.path) continue;
        const cited = new Set<string>();
        for (const ref of spec.refs) if (ref.occurrence.taskId === t.node.id && ref.path === t.path) ref.resolved.forEach((id) => cited.add(id));
        if (cited.size === 0) continue;
        const ids = [...cited];
        const implemented = ids.some((id) => {
          const links = spec.criteria.has(id) ? ctx.index.linksForCriterion(spec, id) : ctx.index.linksForRequirement(spec, id);
          return links.some((l) => l.role === 'source');
        });
        if (implemented) continue;
        const touched = mentions.some((m) => {
          if (m.task !== t.node) return false;
          const abs = ctx.resolveMention(spec, m.path);
          return (
            !!abs &&
            ctx.index.linksIn(abs).some((l) => l.resolution.status === 'ok' && l.resolution.spec === spec && cited.has(l.resolution.target.located.node.id))
          );
        });
        if (touched) continue;
        report({
          path: t.path,
          range: t.node.markerRange,
          message: `Task ${t.node.id} is ticked, but no source file carries a tag for ${ids.map((id) => `${spec.id}#${id}`).join(', ')}.`,
        });
      }
    }
  },
};
