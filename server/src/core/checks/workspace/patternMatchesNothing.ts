import { compileGlobs } from '../../glob/glob';
import { kiroPatterns } from '../kiroPatterns';
import { WorkspaceRule } from '../workspaceRule';

/**
 * Steering `fileMatchPattern`s and hook `patterns` that match no file in the workspace. Globs
 * are matched relative to the workspace folder that holds the `.kiro` folder; a pattern without
 * a `/` also matches file names at any depth, as Kiro's examples (`*.tsx`) intend. Comma
 * separated lists are read as several patterns. Files ignored by .gitignore are not listed, so a
 * pattern that only targets ignored files (`.env*`) is not reported, and neither is anything in
 * a workspace that holds only its specs.
 */
export const patternMatchesNothing: WorkspaceRule = {
  meta: {
    code: 'link.pattern-matches-nothing',
    defaultSeverity: 'info',
    summary: 'A Kiro steering `fileMatchPattern` or hook `patterns` glob matches no file in the workspace.',
    description:
      'A steering file included by pattern, or a hook triggered by file events, does nothing when its glob matches no ' +
      'file: usually a folder was renamed or the glob has a typo. Files ignored by git are not considered.',
    bad: 'fileMatchPattern: "src/componets/**/*.tsx"',
    good: 'fileMatchPattern: "src/components/**/*.tsx"',
  },
  // Reads steering and hooks, and the file list their globs match.
  concerns: (spec) => spec.format === 'kiro' && (spec.id === 'steering' || spec.id === 'hooks'),
  readsFiles: true,
  check(ws, report) {
    for (const spec of ws.specs) {
      if (spec.format !== 'kiro' || (spec.id !== 'steering' && spec.id !== 'hooks')) continue;
      const base = spec.dir.slice(0, spec.dir.lastIndexOf('/.kiro/'));
      const files = ws.files.filter((f) => f.startsWith(base + '/') && !f.includes('/.kiro/')).map((f) => f.slice(base.length + 1));
      // A checkout with nothing but its specs (no file in any folder) gives the globs nothing to match.
      if (!files.some((f) => f.includes('/'))) continue;
      for (const f of spec.fileList) {
        for (const { list, range } of kiroPatterns(f.extras)) {
          if (list.length === 0 || list.some((p) => p.startsWith('.') || p.includes('/.'))) continue;
          const { match, problems } = compileGlobs(list, { basename: list.every((p) => !p.includes('/')) });
          // A refused pattern is reported by link.pattern-too-complex; "matches nothing" would mislead.
          if (problems.length || files.some((file) => match(file))) continue;
          report({ path: f.path, range, message: `${list.map((p) => `'${p}'`).join(', ')} match${list.length === 1 ? 'es' : ''} no file in the workspace.` });
        }
      }
    }
  },
};
