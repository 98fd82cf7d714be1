// @spec specthread-core#19.2
import { FileFacts } from '../facts';
import { DraftModule } from './model';

/** Folds `a/./b/../c` into `a/c`. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/**
 * The modules of the drafted code with the other modules each imports: relative imports resolve
 * against the importing file, dotted and package imports by the path they end with. Imports of
 * other projects are left out, so the graph shows only the project's own structure.
 */
export function moduleGraph(files: readonly FileFacts[]): DraftModule[] {
  const byKey = new Map<string, string>();
  for (const f of files) {
    const noExt = f.path.replace(/\.[^./]+$/, '');
    byKey.set(noExt, f.module);
    byKey.set(noExt.replace(/\/index$|\/__init__$/, ''), f.module);
    if (f.language === 'go') byKey.set(f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '.', f.module);
  }
  const keys = [...byKey.keys()];
  const resolve = (from: FileFacts, spec: string): string | undefined => {
    if (spec.startsWith('.')) {
      const dir = from.path.includes('/') ? from.path.slice(0, from.path.lastIndexOf('/')) : '';
      const target = normalize(`${dir}/${from.language === 'python' ? pythonRelative(spec) : spec}`).replace(/\.[mc]?[jt]sx?$/, '');
      return byKey.get(target) ?? byKey.get(`${target}/index`);
    }
    const asPath = from.language === 'python' ? spec.replace(/\./g, '/') : spec;
    const hit = keys.find((k) => k === asPath || k.endsWith(`/${asPath}`) || (from.language === 'go' && asPath.endsWith(`/${k}`)));
    return hit === undefined ? undefined : byKey.get(hit);
  };
  return files
    .map((f) => {
      const deps = new Set<string>();
      for (const spec of f.imports) {
        const target = resolve(f, spec);
        if (target && target !== f.module) deps.add(target);
      }
      return { module: f.module, path: f.path, language: f.language, publicNames: f.symbols.length, dependsOn: [...deps].sort() };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Python's `..models.user` as a path: one dot is the package itself, each further dot one folder up. */
function pythonRelative(spec: string): string {
  const dots = /^\.+/.exec(spec)?.[0].length ?? 0;
  return `${'../'.repeat(Math.max(0, dots - 1))}./${spec.slice(dots).replace(/\./g, '/')}`;
}
