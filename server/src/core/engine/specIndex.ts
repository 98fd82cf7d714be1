// @spec specthread-core#2.4, specthread-core#14.1, specthread-core#21.4
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Log, internalError, isCancellation } from '../faults';
import { Finding } from '../findings';
import { formatById } from '../formats/registry';
import { SpecLocation } from '../formats/location';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { SingleIds } from '../index/compactMaps';
import { SpecModel, SpecShape, buildSpecModel, mainFileOf } from '../index/specModel';
import { lowerBoundByDir } from '../index/sortedSpecs';
import { SpecFileStore, emptyFacts } from './fileStore';

/** One spec folder's model, built from its files' facts, and its own findings once computed. */
export interface SpecAnalysis {
  readonly model: SpecModel;
  /** Set when the model could not be built from the files' facts (see analysis()). */
  readonly fault?: Finding;
  findings?: Finding[];
}

/** The spec models, each built on demand from the file store and kept until one of its files changes. */
export class SpecIndex {
  private readonly analyses = new Map<string, SpecAnalysis>();
  /**
   * Every model, sorted by folder, as allSpecs last listed it, and the folders invalidated since.
   * An edit invalidates one folder, so the list is patched there instead of listing and sorting
   * every spec folder again: an edit's cost must not grow with the number of specs.
   */
  private listed: SpecModel[] | undefined;
  private readonly stale = new Set<string>();
  /** The one-element id lists every model's refs share (compactMaps.ts). */
  private readonly singles = new SingleIds();

  constructor(
    private readonly files: SpecFileStore,
    private readonly formats: readonly SpecFormatPlugin[],
    private readonly log: Log | undefined,
  ) {}

  /** Forgets one spec's model (a file of it changed), or every model. */
  invalidate(specDir?: string): void {
    if (specDir === undefined) {
      this.analyses.clear();
      this.listed = undefined;
      this.stale.clear();
    } else {
      this.analyses.delete(specDir);
      this.stale.add(specDir);
    }
  }

  /** Forgets the cached findings of every spec, keeping the models (the baselines changed). */
  forgetFindings(): void {
    for (const analysis of this.analyses.values()) analysis.findings = undefined;
  }

  /** A request's token stops a model it is building; without one (the writer's own steps) it runs to the end. */
  analysis(specDir: string, token?: CancellationToken): SpecAnalysis | undefined {
    const cached = this.analyses.get(specDir);
    if (cached) return cached;
    if (token) throwIfCancelled(token);
    // A spec whose files are all deferred (an archive not read) has no model until they are read.
    const paths = this.files.readFilesOfSpec(specDir);
    if (paths.length === 0) return undefined;
    const first = this.files.get(paths[0]!)!.location;
    let model: SpecModel;
    let fault: Finding | undefined;
    try {
      model = buildSpecModel(
        first.specId,
        specDir,
        first.format,
        paths.map((p) => this.files.get(p)!.facts),
        first.archived,
        this.shapeOf(first),
        token,
        this.singles,
      );
    } catch (err) {
      // A cancelled request leaves nothing cached; the next reader builds the model again.
      if (token && isCancellation(err, token)) throw err;
      // Linking the files of one spec failed: keep the spec, empty, so that its files are still
      // listed and the finding says why nothing in it is checked.
      const entries = paths.map((p) => this.files.get(p)!);
      model = buildSpecModel(
        first.specId,
        specDir,
        first.format,
        entries.map((e) => emptyFacts(e.facts.path, e.location)),
        first.archived,
        this.shapeOf(first),
      );
      fault = internalError('the spec model', mainFileOf(model), err, this.log);
    }
    const analysis: SpecAnalysis = { model, fault };
    this.analyses.set(specDir, analysis);
    return analysis;
  }

  /** What the spec's format says about linking it: the names refs may use for it, the files that cite. */
  private shapeOf(location: SpecLocation): SpecShape {
    const format = formatById(this.formats, location.format);
    return { aliases: format?.aliases?.(location.specId), citingKinds: format?.citingKinds };
  }

  /** Every spec's model, sorted by folder. The caller owns the array. */
  allSpecs(token?: CancellationToken): SpecModel[] {
    if (!this.listed) {
      this.listed = this.files
        .specDirs()
        .map((dir) => this.analysis(dir, token)?.model)
        .filter((m): m is SpecModel => !!m);
      this.stale.clear();
    } else if (this.stale.size) {
      // Every change of the file store invalidates its folder, so only those folders can have
      // gained, lost or replaced a model. The list is replaced only once all are built, so a
      // cancelled build leaves it as it was, still stale.
      const next = this.listed.slice();
      for (const dir of this.stale) {
        const at = lowerBoundByDir(next, dir);
        const model = this.analysis(dir, token)?.model;
        const present = next[at]?.dir === dir;
        if (model) next.splice(at, present ? 1 : 0, model);
        else if (present) next.splice(at, 1);
      }
      this.listed = next;
      this.stale.clear();
    }
    return this.listed.slice();
  }

  /**
   * The spec a cross-spec ref names: by folder name, or by an alias its format gives it
   * (spec-kit: `user-auth` for `001-user-auth`) when only one spec has it.
   */
  specByName(name: string, token?: CancellationToken): SpecModel | undefined {
    const specs = this.allSpecs(token);
    const exact = specs.find((s) => s.id === name);
    if (exact) return exact;
    const aliased = specs.filter((s) => s.aliases?.includes(name));
    return aliased.length === 1 ? aliased[0] : undefined;
  }
}
