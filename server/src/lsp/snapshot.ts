// @spec specthread-core#15.3, specthread-core#15.5
import { CancellationToken } from '../core/cancellation';
import { Engine } from '../core/engine';
import { Finding } from '../core/findings';
import { SpecFileFacts } from '../core/model';
import { SpecModel } from '../core/index/specModel';
import { ThreadDocument, ThreadView } from '../core/queries/thread';
import { TraceAnalysis } from '../core/trace/traceAnalysis';
import { stubSourceOf } from '../core/studio/testStubs/engineSource';
import { StubSource } from '../core/studio/testStubs/testStubs';
import { Workspace } from '../core/workspace';
import { uriToPath } from '../host/paths';
import { OpenDocuments } from './link';

/**
 * What a request reads (after rust-analyzer's GlobalStateSnapshot): the engine as the writer's
 * last completed turn left it, through read-only lookups bound to the request's cancellation
 * token. Nothing here changes the engine's state or publishes; lookups may fill the engine's
 * caches (a spec model, the trace analysis), which are pure functions of that state.
 */
export class Snapshot implements ThreadView {
  constructor(
    private readonly engine: Engine,
    private readonly documents: OpenDocuments,
    private readonly token: CancellationToken,
  ) {}

  /** The spec of a document and its path, when it is a spec file. */
  spec(uri: string): { spec: SpecModel; path: string } | undefined {
    const path = uriToPath(uri);
    const spec = path ? this.engine.specOf(path, this.token) : undefined;
    return path && spec ? { spec, path } : undefined;
  }

  /** The document as the thread queries see it: its path, and its spec when it is a spec file. */
  document(uri: string): ThreadDocument | undefined {
    const found = this.spec(uri);
    if (found) return found;
    const path = uriToPath(uri);
    return path ? { path } : undefined;
  }

  /** The trace analysis with the path of a document (any file). */
  trace(uri: string): { analysis: TraceAnalysis; path: string } | undefined {
    const path = uriToPath(uri);
    return path ? { analysis: this.engine.traceAnalysis(this.token), path } : undefined;
  }

  /** The findings the client was sent for a document (code actions attach fixes to them). */
  findingsFor(uri: string): Finding[] {
    const path = uriToPath(uri);
    if (path && this.engine.isTraceable(path)) return this.engine.codeFindingsByFile(this.token).get(path) ?? [];
    const dir = path ? this.engine.specDirOf(path) : undefined;
    return dir ? this.engine.findingsForSpec(dir, this.token).filter((f) => f.path === path) : [];
  }

  /** One line of an open document's buffer, without its line break. */
  lineOf(uri: string, line: number): string | undefined {
    const doc = this.documents.get(uri);
    return doc?.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  }

  /** Every finding published for a spec's files (its own, cross-spec and trace findings). */
  findingsOfSpec(spec: SpecModel): Finding[] {
    return this.engine.findingsForSpec(spec.dir, this.token);
  }

  allSpecs(): SpecModel[] {
    return this.engine.allSpecs(this.token);
  }

  /** The spec formats the engine reads, for format-specific completion. */
  get formats(): Engine['formats'] {
    return this.engine.formats;
  }

  specByName(name: string): SpecModel | undefined {
    return this.engine.specByName(name, this.token);
  }

  traceAnalysis(token: CancellationToken): TraceAnalysis {
    return this.engine.traceAnalysis(token);
  }

  textOf(path: string): string | undefined {
    return this.engine.textOf(path);
  }

  facts(path: string): SpecFileFacts | undefined {
    return this.engine.facts(path);
  }

  /** Every finding the editor shows (config files included), for the status item and "Export Report". */
  allFindings(): Finding[] {
    return [...this.engine.configFindings(this.token), ...this.engine.allFindings(this.token)];
  }

  specDirs(): string[] {
    return this.engine.specDirs();
  }

  filesOfSpec(specDir: string): string[] {
    return this.engine.filesOfSpec(specDir);
  }

  get roots(): readonly string[] {
    return this.engine.roots;
  }

  /** What test stubs read: this state of the engine, and the files it does not index through `readFile`. */
  stubSource(readFile: Workspace['readFile']): StubSource {
    return stubSourceOf(this.engine, readFile);
  }
}
