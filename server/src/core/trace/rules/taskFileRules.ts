// @spec specthread-core#10.4, specthread-core#10.5, specthread-core#16.4, specthread-core#16.6, specthread-core#20.4, specthread-core#21.1
import { reportsPerCriterion } from '../../coverage/requirement';
import { SpecModel } from '../../index/specModel';
import { ReportedProblem } from '../../checks/rule';
import { TraceContext, TraceRule } from './traceRule';

/**
 * A ticked task naming a file that does not exist. Info by default (docs/severity-policy.md): on the
 * labelled corpus most such files were renamed, merged or moved after a finished feature's task was
 * ticked (`orchestrator.service.ts` now `vertexai-orchestrator.service.ts`), a stale record the
 * maintainer would not call broken, so the rule is well under the 90 % a warning needs.
 */
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
      'count as missing; archived changes are records and are not checked. A file that exists elsewhere under the named path (a nested project such as `apps/web/`), or ' +
      'the only file in the workspace with that name (moved since the task was ticked), is not missing. Open tasks are not checked: they may name files still to be created. A file is judged when its ' +
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
    for (const spec of ctx.specs.specs) missingFilesOf(ctx, spec, report);
  },
  checkSpec: missingFilesOf,
};

/** One spec's part of task.missing-file: everything it weighs (tallies, present top folders) is the spec's own. */
function missingFilesOf(ctx: TraceContext, spec: SpecModel, report: (problem: ReportedProblem) => void): void {
  const tasksPath = spec.files.tasks?.path;
  // An archived change is a record of work done back then; its files may have moved since. An
  // archived spec is a record of what was done then; files renamed or merged since (migrations
  // squashed, modules moved) make its paths stale without anything to fix, and nobody edits the archive.
  if (!tasksPath || spec.archived) return;
  const candidates: { rel: string; problem: ReportedProblem }[] = [];
  // Top folders under which some file a ticked task names does exist: that area of the
  // project is present in this workspace.
  const presentTops = new Set<string>();
  // How many of the code paths the spec's ticked tasks name exist, and how many do not.
  const tally = { present: 0, missing: 0 };
  const elsewhere = ctx.elsewhere;
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
    // The file under a nested project root, or moved since the task was ticked, is still there.
    if (elsewhere.has(rel)) continue;
    tally.missing++;
    candidates.push({
      rel,
      problem: {
        path: tasksPath,
        range: m.range,
        message: `Task ${m.task.id ?? `'${m.task.title}'`} is ticked but names ${m.path}, which does not exist.`,
      },
    });
  }
  // A spec whose ticked tasks name mostly files that are not here is read in a workspace
  // without its code (a partial checkout, code kept elsewhere): a missing file proves nothing.
  if (tally.missing > tally.present) return;
  for (const { rel, problem } of candidates) {
    // Judged when the file's folder exists (a rename or deletion), or when other named files
    // under the same top folder exist (the area is here, the file is not). Otherwise the area
    // is not in this workspace: a specs-only checkout, or code kept in another repository.
    const parentExists = !!ctx.resolveMention(spec, rel.slice(0, rel.lastIndexOf('/')));
    if (parentExists || presentTops.has(`${spec.dir}\u0000${rel.split('/')[0]}`)) report(problem);
  }
}

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
      "of the task's criteria. Only specs that some code or test points into are checked. Until a spec opts in through " +
      '`specthread.codeTrace.perCriterion`, a task is reported only when code already traces one of its requirements: ' +
      'the coverage finding on an untouched requirement says the rest once.',
    bad: '- [x] 3. Reject expired tokens\n  - _Requirements: 1.2_\n(no `@spec user-auth#1.2` in source)',
    good: '- [x] 3. Reject expired tokens in `src/auth/tokens.ts`\n  - _Requirements: 1.2_\n(src/auth/tokens.ts: `// @spec user-auth#1.2`)',
  },
  check(ctx, report, token) {
    for (const spec of ctx.specs.specs) this.checkSpec!(ctx, spec, report, token);
  },
  checkSpec(ctx, spec, report) {
    const perCriterion = reportsPerCriterion(ctx.settings);
    if (!ctx.index.isTraced(spec) || !spec.files.tasks) return;
    // The requirement a cited id belongs to (itself for a requirement id).
    const requirementOf = (id: string): string => spec.criteria.get(id)?.node.requirementId ?? id;
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
      // A spec adopting tags gradually: a ticked task under requirements no code traces yet is
      // already said by that requirement's one coverage finding.
      const requirements = [...new Set(ids.map(requirementOf))];
      const adopting = requirements.every((req) => !perCriterion(spec.id, req));
      if (adopting && !requirements.some((req) => ctx.index.linksForRequirement(spec, req).some((l) => l.role === 'source'))) continue;
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
  },
};
