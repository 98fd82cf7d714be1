// @spec specthread-core#21.2
import * as assert from 'assert';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { scanCodeText } from '../../server/src/core/trace/scanCodeFile';
import { CodeRead, CodeReadBatch } from '../../server/src/core/workspace';
import { FIXTURES, formatFinding, readTree } from '../helpers/fixtures';

/**
 * A host that scans the code files it reads (Workspace.readCodeFiles answering CodeRead.scanned,
 * as the code-reading thread does) gives the engine exactly what it would make of the texts itself:
 * the same findings, the same trace, the same internal.error for a scanner that throws.
 */

/** A memory workspace that scans each text with a role itself, as a host's reading thread does; `fault` makes one path's scan throw. */
class ScanningWorkspace extends MemoryWorkspace {
  scanned = 0;

  constructor(
    roots: readonly string[],
    files: Record<string, string>,
    private readonly fault?: { path: string; err: unknown },
  ) {
    super(roots, files);
  }

  override async readCodeFiles(batch: CodeReadBatch, token: typeof NEVER_CANCELLED): Promise<readonly CodeRead[]> {
    const reads = await super.readCodeFiles(batch, token);
    return reads.map((read, i) => {
      const role = batch.roles[i];
      const path = batch.paths[i]!;
      if (role === undefined || read.text === undefined) return read;
      this.scanned++;
      if (path === this.fault?.path) return { text: undefined, note: read.note, scanned: { fault: this.fault.err } };
      return { text: undefined, note: read.note, scanned: scanCodeText(path, read.text, role, batch.maxBytes, token) };
    });
  }
}

function filesOf(root: string, tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).map(([rel, text]) => [`${root}/${rel}`, text]));
}

async function findings(ws: MemoryWorkspace): Promise<{ findings: string[]; tagged: number }> {
  const engine = new Engine(ws);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return { findings: engine.allFindings(NEVER_CANCELLED).map((f) => formatFinding(f, '/ws')), tagged: engine.code.taggedCount };
}

describe('code files a host scanned itself (core)', () => {
  const tree = readTree(path.join(FIXTURES, 'trace-repo'));

  it('give the same findings and trace as texts the engine scans', async () => {
    const files = filesOf('/ws', tree);
    const host = new ScanningWorkspace(['/ws'], files);
    const own = await findings(new MemoryWorkspace(['/ws'], files));
    assert.deepStrictEqual(await findings(host), own);
    assert.ok(host.scanned > 3 && own.tagged > 3, `the host scanned ${host.scanned} files, ${own.tagged} tagged`);
  });

  it('a fault the host reports is the internal.error the engine shows for its own scanner', async () => {
    const files = filesOf('/ws', tree);
    const err = new TypeError('the scanner broke on purpose');
    const host = await findings(new ScanningWorkspace(['/ws'], files, { path: '/ws/src/auth/login.ts', err }));
    const faults = host.findings.filter((f) => f.includes('internal.error'));
    assert.deepStrictEqual(faults.length, 1, host.findings.join('\n'));
    assert.match(
      faults[0]!,
      /^src\/auth\/login\.ts:1:1-1:1 error internal\.error SpecThread failed in the code scanner: TypeError: the scanner broke on purpose\./,
    );
    // Everything else is as without the file's tags.
    const without = await findings(new MemoryWorkspace(['/ws'], { ...files, '/ws/src/auth/login.ts': 'export {};\n' }));
    assert.deepStrictEqual(
      host.findings.filter((f) => !f.includes('internal.error')),
      without.findings,
    );
  });
});
