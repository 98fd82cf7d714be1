// @spec specthread-core#19.4
import { CancellationToken } from '../../cancellation';
import { Engine } from '../../engine';
import { Workspace } from '../../workspace';
import { StubSource } from './testStubs';

/** An indexed engine as what test stubs read; `readFile` is its workspace's (the engine keeps its own private). */
export function stubSourceOf(engine: Engine, readFile: Workspace['readFile']): StubSource {
  return {
    roots: engine.roots,
    specByName: (name) => engine.specByName(name),
    specOf: (path) => engine.specOf(path),
    allSpecs: () => engine.allSpecs(),
    coverage: (token: CancellationToken) => engine.traceAnalysis(token).coverage(token),
    testFiles: () => [...engine.code.knownPaths()].filter((p) => engine.code.roleOf(p) === 'test'),
    readFile: (path, token) => readFile(path, token),
  };
}
