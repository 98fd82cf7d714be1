// @spec specthread-core#13.5, specthread-core#15.1
import { BUILTIN_FORMATS, formatById } from './formats/registry';
import { SpecFormatPlugin } from './formats/specFormatPlugin';
import { compileGlobs, isGlob } from './glob/glob';
import type { SpecLocation, SpecRoot } from './formats/location';

export type { SpecLocation, SpecRoot } from './formats/location';

/**
 * The layouts the engine recognises: the default locations of every registered format, unless
 * turned off, plus configured roots. Configured roots win, so `docs/specs` can be declared Kiro
 * even though a `specs/` folder would otherwise be read as spec-kit.
 */
export class SpecLayout {
  private readonly matchers: { readonly root: SpecRoot; readonly matches: (dir: string) => boolean }[];
  /** The name suffixes of every format (see mayLocate); undefined when a format gives none. */
  private readonly suffixes: readonly string[] | undefined;
  /** The last characters of those suffixes; undefined when one is empty (every name ends with it). */
  private readonly lastChars: ReadonlySet<number> | undefined;

  constructor(
    readonly roots: readonly SpecRoot[] = [],
    private readonly discoverDefaults = true,
    private readonly formats: readonly SpecFormatPlugin[] = BUILTIN_FORMATS,
  ) {
    const suffixes = formats.map((f) => f.nameSuffixes);
    this.suffixes = suffixes.every((s) => s !== undefined) ? [...new Set(suffixes.flat())] : undefined;
    this.lastChars = this.suffixes?.every((s) => s !== '') ? new Set(this.suffixes.map((s) => s.charCodeAt(s.length - 1))) : undefined;
    this.matchers = roots.map((root) => {
      return { root, matches: isGlob(root.dir) ? compileGlobs([root.dir]).match : (dir: string) => dir === root.dir };
    });
  }

  /**
   * False when no file named `name` is a spec file whatever its folder, by the formats' name
   * suffixes (SpecFormatPlugin.nameSuffixes): a listing's code files are not located at all.
   */
  mayLocate(name: string): boolean {
    if (!this.suffixes) return true;
    // The last character first: `endsWith` is a costly builtin, and most names end unlike every suffix.
    if (this.lastChars && !this.lastChars.has(name.charCodeAt(name.length - 1))) return false;
    for (const suffix of this.suffixes) if (name.endsWith(suffix)) return true;
    return false;
  }

  locate(path: string): SpecLocation | undefined {
    for (const { root, matches } of this.matchers) {
      const format = formatById(this.formats, root.format);
      if (!format) continue;
      // The root is an ancestor folder of the file; try each one, nearest first.
      for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
        const dir = path.slice(0, i);
        if (!matches(dir)) continue;
        const found = format.locateBelow(dir, path);
        if (found) return found;
      }
    }
    return this.discoverDefaults ? this.locateByDefault(path) : undefined;
  }

  /** The first format, in registry order, whose default layout holds the file. */
  private locateByDefault(path: string): SpecLocation | undefined {
    for (const format of this.formats) {
      const found = format.locate(path);
      if (found) return found;
    }
    return undefined;
  }
}

const DEFAULT_LAYOUT = new SpecLayout();

export function locateSpecFile(path: string, layout: SpecLayout = DEFAULT_LAYOUT): SpecLocation | undefined {
  return layout.locate(path);
}
