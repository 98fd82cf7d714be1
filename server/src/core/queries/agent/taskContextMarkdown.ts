// @spec specthread-core#18.4
import { TaskContext } from './taskContext';

/**
 * A task's context pack as Markdown, for a person or an agent to read in one go: the
 * `implement-task` prompt, and what the editor's "Start Task" copies.
 */
export function taskContextMarkdown(ctx: TaskContext): string {
  const out: string[] = [
    `# Task ${ctx.task.id ?? ctx.task.title} of spec ${ctx.spec}`,
    '',
    `${ctx.task.path}:${ctx.task.line} (${ctx.task.status})`,
    '',
    ctx.task.text,
    '',
  ];
  if (ctx.criteria.length) {
    out.push('## Acceptance criteria it must meet', '');
    for (const c of ctx.criteria) out.push(`- **${c.ref}** (${c.state}; requirement ${c.requirement}: ${c.requirementTitle}): ${c.text}`);
    out.push('');
  }
  for (const d of ctx.design) out.push(`## Design: ${d.heading} (${d.path}:${d.line})`, '', d.text, d.truncated ? '\n…(truncated)' : '', '');
  if (ctx.files.length) {
    out.push('## Files the task names', '');
    for (const f of ctx.files) out.push(`- ${f.path ?? f.mentioned}${f.path ? '' : ' (does not exist yet)'}`);
    out.push('');
  }
  const places = (title: string, list: TaskContext['code']) => {
    if (!list.length) return;
    out.push(`## ${title}`, '');
    for (const p of list) out.push(`- ${p.path}:${p.line} (${p.ref})`);
    out.push('');
  };
  places('Code already tagged with these criteria', ctx.code);
  places('Tests already verifying them', ctx.tests);
  for (const s of ctx.steering) out.push(`## Steering (${s.inclusion}): ${s.path}`, '', s.text, s.truncated ? '\n…(truncated)' : '', '');
  out.push(
    '## How to work',
    '',
    `Tag the code you write with \`@spec ${ctx.spec}#<criterion>\` in a comment, and name the criterion in test titles. ` +
      'Mark the task done only when every criterion above is implemented and verified.',
  );
  return out.join('\n');
}
