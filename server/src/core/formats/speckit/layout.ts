import { SpecFileKind } from '../../model';
import type { SpecLocation } from '../location';

/**
 * GitHub spec-kit: `specs/NNN-feature/` (or timestamp-named, `20250101-120000-feature`) with
 * spec.md, plan.md, tasks.md, research.md, data-model.md, quickstart.md and checklists/*.md;
 * the project constitution in `.specify/memory/constitution.md`. By default only folders whose
 * name starts with a number count, because `specs/` is a common folder name in code
 * repositories (RSpec, test specs); a configured root accepts any folder name.
 */

const SPECKIT_FILES: Record<string, SpecFileKind> = {
  'spec.md': 'spec',
  'plan.md': 'plan',
  'tasks.md': 'tasks',
  'research.md': 'research',
  'data-model.md': 'data-model',
  'quickstart.md': 'quickstart',
};

export const SPECKIT_SPEC_FILES = Object.keys(SPECKIT_FILES);

const FEATURE_FOLDER = /^\d+[-_]/;

export function locateSpeckit(path: string): SpecLocation | undefined {
  // Every workspace path is located, code files included; spec-kit reads only Markdown.
  if (!path.endsWith('.md')) return undefined;
  // Checked by name first: every path of the workspace comes here, and the regex scans the whole path.
  const constitution = path.endsWith('/.specify/memory/constitution.md') ? /^(.*\/\.specify\/memory)\/constitution\.md$/.exec(path) : null;
  if (constitution) return { specId: 'constitution', specDir: constitution[1]!, format: 'speckit', kind: 'constitution' };
  for (let i = path.lastIndexOf('/specs/'); i >= 0; i = i > 0 ? path.lastIndexOf('/specs/', i - 1) : -1) {
    // A feature folder's name starts with a digit (FEATURE_FOLDER): OpenSpec's `specs/<capability>/`
    // paths, which also hold `/specs/`, are rejected by their first character before any string is built.
    if (!isDigit(path.charCodeAt(i + '/specs/'.length))) continue;
    const found = locateSpeckitBelow(path.slice(0, i + '/specs'.length), path, true);
    if (found) return found;
  }
  return undefined;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A file of a feature folder directly below `root` (the folder that plays `specs/`). */
export function locateSpeckitBelow(root: string, path: string, numberedOnly: boolean): SpecLocation | undefined {
  if (!path.startsWith(root + '/')) return undefined;
  const parts = path.slice(root.length + 1).split('/');
  const feature = parts[0]!;
  if (numberedOnly && !FEATURE_FOLDER.test(feature)) return undefined;
  const specDir = `${root}/${feature}`;
  const kind = parts.length === 2 ? SPECKIT_FILES[parts[1]!] : undefined;
  if (kind) return { specId: feature, specDir, format: 'speckit', kind };
  if (parts.length === 3 && parts[1] === 'checklists' && parts[2]!.endsWith('.md')) return { specId: feature, specDir, format: 'speckit', kind: 'checklist' };
  return undefined;
}

/** `001-user-auth` is also known as `user-auth` when no other feature has that name. */
export function featureAlias(specId: string): string | undefined {
  const m = /^\d+(?:[-_]\d+)*[-_](.+)$/.exec(specId);
  return m ? m[1] : undefined;
}
