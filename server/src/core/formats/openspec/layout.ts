import { SpecFileKind } from '../../model';
import type { SpecLocation } from '../location';

/**
 * OpenSpec: `openspec/specs/<capability path>/spec.md` (paths may nest), and changes in
 * `openspec/changes/<id>/` with proposal.md, design.md, tasks.md, `.openspec.yaml` and delta
 * specs under `specs/<capability path>/spec.md`. Archived changes
 * (`openspec/changes/archive/<date-id>/`) are read, for the inventory, and never checked:
 * they were applied long ago and their deltas no longer match the current specs by design.
 * The legacy `openspec/project.md` is read as a spec of its own.
 */

const CHANGE_FILES: Record<string, SpecFileKind> = {
  'proposal.md': 'proposal',
  'design.md': 'design',
  'tasks.md': 'tasks',
  '.openspec.yaml': 'change-meta',
};

export const OPENSPEC_CHANGE_FILES = Object.keys(CHANGE_FILES);

export function locateOpenSpec(path: string): SpecLocation | undefined {
  // Every workspace path is located, code files included; OpenSpec reads Markdown and `.openspec.yaml`.
  if (!path.endsWith('.md') && !path.endsWith('.openspec.yaml')) return undefined;
  for (let i = path.lastIndexOf('/openspec/'); i >= 0; i = i > 0 ? path.lastIndexOf('/openspec/', i - 1) : -1) {
    const found = locateOpenSpecBelow(path.slice(0, i + '/openspec'.length), path);
    if (found) return found;
  }
  return undefined;
}

/** A file below `root`, the folder that plays the role of `openspec/`. */
export function locateOpenSpecBelow(root: string, path: string): SpecLocation | undefined {
  // `path.startsWith(root + '/')` without building that string: the engine locates every path
  // several times (the walk, the store, the code reader), and most are no OpenSpec file.
  if (path.length <= root.length || path.charCodeAt(root.length) !== 0x2f || !path.startsWith(root)) return undefined;
  const rest = path.slice(root.length + 1);
  if (rest === 'project.md') return { specId: 'project', specDir: root, format: 'openspec', kind: 'project', root };
  const spec = /^specs\/(.+)\/spec\.md$/.exec(rest);
  if (spec) return { specId: spec[1]!, specDir: `${root}/specs/${spec[1]!}`, format: 'openspec', kind: 'spec', root };
  const change = /^changes\/(archive\/)?([^/]+)\/(.+)$/.exec(rest);
  if (!change || (!change[1] && change[2] === 'archive')) return undefined;
  const [, archive, id] = change;
  const inner = change[3]!;
  const specDir = `${root}/changes/${archive ?? ''}${id}`;
  const base = { specId: `changes/${archive ?? ''}${id}`, specDir, format: 'openspec' as const, archived: !!archive, root };
  const kind = CHANGE_FILES[inner];
  if (kind) return { ...base, kind };
  // Every .md below specs/ is read: one that is not a capability's spec.md is ignored by
  // OpenSpec when the change is archived, which a rule reports.
  if (inner.startsWith('specs/') && inner.endsWith('.md')) return { ...base, kind: 'delta' };
  // Other notes beside the change files (`plan.md`, `task.md`, `notes.md`) are read as free-form
  // notes, so that a change folder holding only such notes is still a change: `openspec validate`
  // lists it and fails it for having no deltas, and parity means we say the same.
  if (!inner.includes('/') && inner.endsWith('.md')) return { ...base, kind: 'research' };
  return undefined;
}

/** The capability path of a delta spec (`cli-update` for `…/specs/cli-update/spec.md`), '' at the root. */
export function deltaCapability(path: string): string {
  const m = /\/changes\/(?:archive\/)?[^/]+\/specs\/(.*)$/.exec(path);
  if (!m) return '';
  const rest = m[1]!;
  return rest.endsWith('/spec.md') ? rest.slice(0, -'/spec.md'.length) : rest === 'spec.md' ? '' : rest.replace(/\.md$/, '');
}
