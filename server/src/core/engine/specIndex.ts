// @spec specthread-core#2.4, specthread-core#14.1, specthread-core#21.4
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Log, internalError, isCancellation } from '../faults';
import { Finding } from '../findings';
import { formatById } from '../formats/registry';
import { SpecLocation } from '../formats/location';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { SpecModel, SpecShape, buildSpecModel, mainFileOf } from '../index/specModel';
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

  constructor(
    private readonly files: SpecFileStore,
    private readonly formats: readonly SpecFormatPlugin[],
    private readonly log: Log | undefined,
  ) {}

  /** Forgets one spec's model (a file of it changed), or every model. */
  invalidate(specDir?: string): void {
    if (specDir === undefined) this.analyses.clear();
    else this.analyses.delete(specDir);
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

  allSpecs(token?: CancellationToken): SpecModel[] {
    return this.files
      .specDirs()
      .map((dir) => this.analysis(dir, token)?.model)
      .filter((m): m is SpecModel => !!m);
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
