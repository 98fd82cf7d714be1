// @spec specthread-core#18.1, specthread-core#18.2
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { hostAgentView } from '../../server/src/host/agentView';
import { toPosixPath } from '../../server/src/host/paths';

/**
 * The one agent view the MCP session and the editor's Start Task share: engine text first, disk
 * text only inside a root, paths shown relative to their root.
 */
describe('host: the agent view shared by MCP and the editor', () => {
  let dir: string;
  let outside: string;

  beforeEach(() => {
    dir = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-view-'))));
    outside = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-outside-'))));
    fs.mkdirSync(`${dir}/src`);
    fs.writeFileSync(`${dir}/src/a.ts`, '// @spec demo#1\n');
    fs.writeFileSync(`${outside}/secret.ts`, 'secret\n');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  async function analysis() {
    const engine = new Engine(new MemoryWorkspace([dir]));
    await engine.indexWorkspace(NEVER_CANCELLED);
    return engine.traceAnalysis(NEVER_CANCELLED);
  }

  it('reads the engine text first, then disk inside a root, and shows paths relative to their root', async () => {
    const view = hostAgentView(await analysis(), [dir], (p) => (p === `${dir}/spec.md` ? 'from the engine' : undefined));
    assert.strictEqual(view.textOf(`${dir}/spec.md`), 'from the engine');
    assert.strictEqual(view.textOf(`${dir}/src/a.ts`), '// @spec demo#1\n');
    assert.strictEqual(view.textOf(`${dir}/src/missing.ts`), undefined);
    assert.strictEqual(view.show(`${dir}/src/a.ts`), 'src/a.ts');
    assert.strictEqual(view.show(dir), '.');
    assert.strictEqual(view.show('/elsewhere/x.ts'), '/elsewhere/x.ts');
  });

  it('reads nothing outside the roots, directly or through a symbolic link', async () => {
    fs.symlinkSync(outside, `${dir}/link`);
    const view = hostAgentView(await analysis(), [`${dir}/`], () => undefined);
    assert.strictEqual(view.textOf(`${outside}/secret.ts`), undefined);
    assert.strictEqual(view.textOf(`${dir}/link/secret.ts`), undefined);
    assert.strictEqual(view.textOf(`${dir}/../${path.basename(outside)}/secret.ts`), undefined);
    assert.strictEqual(view.textOf(`${dir}/src/a.ts`), '// @spec demo#1\n', 'a root given with a trailing slash still reads inside it');
  });
});
