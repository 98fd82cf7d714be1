// @spec specthread-core#19.2
import * as assert from 'assert';
import { designMarkdown } from '../../../server/src/core/studio/draft/design';
import { buildDraft } from '../../../server/src/core/studio/draft/buildDraft';
import { moduleGraph } from '../../../server/src/core/studio/draft/moduleGraph';
import { FileFacts } from '../../../server/src/core/studio/facts';

const file = (path: string, language: FileFacts['language'], module: string, imports: string[]): FileFacts => ({
  path,
  language,
  module,
  isTest: false,
  imports,
  symbols: [],
  routes: [],
  commands: [],
  config: [],
  errors: [],
  tests: [],
});

describe('Spec Studio: the module graph of design.md', () => {
  it('resolves relative TypeScript imports, absolute and relative Python imports and Go package paths; other projects are left out', () => {
    const graph = moduleGraph([
      file('src/index.ts', 'typescript', 'src/index', ['./core/Ky.js', 'node:fs', '../outside']),
      file('src/core/Ky.ts', 'typescript', 'src/core/Ky', ['../utils/merge']),
      file('src/utils/merge.ts', 'typescript', 'src/utils/merge', []),
      file('app/api/routes/users.py', 'python', 'app.api.routes.users', ['app.models', '..deps', 'fastapi']),
      file('app/api/deps.py', 'python', 'app.api.deps', []),
      file('app/models.py', 'python', 'app.models', []),
      file('cmd/main.go', 'go', 'cmd (main)', ['github.com/acme/tool/internal/store', 'net/http']),
      file('internal/store/store.go', 'go', 'internal/store', []),
    ]);
    assert.deepStrictEqual(Object.fromEntries(graph.filter((m) => m.dependsOn.length).map((m) => [m.module, m.dependsOn])), {
      'src/index': ['src/core/Ky'],
      'src/core/Ky': ['src/utils/merge'],
      'app.api.routes.users': ['app.api.deps', 'app.models'],
      'cmd (main)': ['internal/store'],
    });
  });

  it('draws the imports as a Mermaid graph, in the same order every time', () => {
    const facts = [file('b.ts', 'typescript', 'b', ['./a']), file('a.ts', 'typescript', 'a', [])];
    const design = designMarkdown(buildDraft('x', facts));
    assert.match(design, /```mermaid\ngraph LR\n {2}m0\["a"\]\n {2}m1\["b"\]\n {2}m1 --> m0\n```/);
    assert.strictEqual(designMarkdown(buildDraft('x', [...facts].reverse())), design);
  });
});
