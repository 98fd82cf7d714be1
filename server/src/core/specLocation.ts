// @spec specthread-core#13.5
import { compileGlobs, isGlob } from './glob/glob';
import { locateKiro, locateKiroBelow } from './formats/kiro/layout';
import { locateOpenSpec, locateOpenSpecBelow } from './formats/openspec/layout';
import { locateSpeckit, locateSpeckitBelow } from './formats/speckit/layout';
import type { SpecLocation } from './formats/location';
import { SpecFormat } from './model';

export type { SpecLocation } from './formats/location';

/**
 * A configured spec root: an absolute folder (or a glob of folders, for monorepos) that plays
 * the role of `.kiro/specs` (kiro), `specs` (speckit) or `openspec` (openspec).
 */
export interface SpecRoot {
  readonly dir: string;
  readonly format: SpecFormat;
}

/**
 * The layouts the engine recognises: the default locations of every format, unless turned
 * off, plus configured roots. Configured roots win, so `docs/specs` can be declared Kiro even
 * though a `specs/` folder would otherwise be read as spec-kit.
 */
export class SpecLayout {
  private readonly matchers: { readonly root: SpecRoot; readonly matches: (dir: string) => boolean }[];

  constructor(
    readonly roots: readonly SpecRoot[] = [],
    private readonly discoverDefaults = true,
  ) {
    this.matchers = roots.map((root) => {
      return { root, matches: isGlob(root.dir) ? compileGlobs([root.dir]).match : (dir: string) => dir === root.dir };
    });
  }

  locate(path: string): SpecLocation | undefined {
    for (const { root, matches } of this.matchers) {
      // The root is an ancestor folder of the file; try each one, nearest first.
      for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
        const dir = path.slice(0, i);
        if (!matches(dir)) continue;
        const found = locateBelow(root.format, dir, path);
        if (found) return found;
      }
    }
    return this.discoverDefaults ? locateByDefault(path) : undefined;
  }
}

function locateBelow(format: SpecFormat, dir: string, path: string): SpecLocation | undefined {
  switch (format) {
    case 'kiro':
      return locateKiroBelow(dir, path);
    case 'speckit':
      return locateSpeckitBelow(dir, path, false);
    case 'openspec':
      return locateOpenSpecBelow(dir, path);
  }
}

/** OpenSpec first: its `openspec/specs/` would otherwise look like a spec-kit `specs/` folder. */
function locateByDefault(path: string): SpecLocation | undefined {
  return locateKiro(path) ?? locateOpenSpec(path) ?? locateSpeckit(path);
}

const DEFAULT_LAYOUT = new SpecLayout();

export function locateSpecFile(path: string, layout: SpecLayout = DEFAULT_LAYOUT): SpecLocation | undefined {
  return layout.locate(path);
}
