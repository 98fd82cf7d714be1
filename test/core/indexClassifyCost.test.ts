// @spec specthread-core#21.2
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { BUILTIN_FORMATS } from '../../server/src/core/formats/registry';
import { SpecFormatPlugin } from '../../server/src/core/formats/specFormatPlugin';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { traceMarkers } from '../../server/src/core/trace/traceMarkers';
import { CodeReadBatch, CodeReadRequest } from '../../server/src/core/workspace';

/**
 * What sorting out a listing costs, counted rather than timed: a full index asks no listed code
 * file's location (no format names a file like it), whatever lists the engine filters the
 * listing into, and reads it with the role the test globs give it.
 */

const FILES: Record<string, string> = {
  '/ws/.kiro/specs/auth/requirements.md':
    '# Requirements\n\n### Requirement 1\n\n#### Acceptance Criteria\n\n1. WHEN a user logs in THEN the system SHALL greet them\n',
  '/ws/.kiro/specs/auth/tasks.md': '# Tasks\n\n- [x] 1. Greeting\n  - _Requirements: 1.1_\n',
  '/ws/.specthread/pins.json': '{ "pins": {} }\n',
  '/ws/docs/logo.png': 'PNG',
  '/ws/node_modules/x/index.js': '// @spec auth#9.9\n',
};
for (let i = 0; i < 40; i++) FILES[`/ws/src/m${i % 4}/f${i}.ts`] = i % 5 === 0 ? `// @spec auth#1.1\nexport const x = ${i};\n` : `export const x = ${i};\n`;
for (let i = 0; i < 10; i++) FILES[`/ws/test/t${i}.test.ts`] = `it('greets (auth#1.1)', () => {});\n`;

/** The built-in formats, each counting the paths it is asked to locate. */
function countingFormats(calls: Map<string, number>): SpecFormatPlugin[] {
  return BUILTIN_FORMATS.map((format) => ({
    ...format,
    locate: (path: string) => {
      if (format === BUILTIN_FORMATS[0]) calls.set(path, (calls.get(path) ?? 0) + 1);
      return format.locate(path);
    },
  }));
}

/** A memory workspace that records the code reads the engine asks for. */
class RecordingWorkspace extends MemoryWorkspace {
  readonly requests: CodeReadRequest[] = [];
  done = 0;

  codeReadsDone(): void {
    this.done++;
  }

  override readCodeFiles(batch: CodeReadBatch, token: typeof NEVER_CANCELLED) {
    // As the requests a host's reader takes (see NodeWorkspace.readCodeFiles): each path with its markers.
    batch.paths.forEach((path, i) => {
      const role = batch.roles[i];
      this.requests.push({ path, maxBytes: role ? batch.maxBytes : Number.POSITIVE_INFINITY, markers: role ? traceMarkers(role) : [] });
    });
    return super.readCodeFiles(batch, token);
  }
}

describe('sorting out the listing of a full index (core)', () => {
  it('locates each code file once, and reads every scannable one with its role', async () => {
    const calls = new Map<string, number>();
    const ws = new RecordingWorkspace(['/ws'], FILES);
    const engine = new Engine(ws, undefined, { formats: countingFormats(calls) });
    await engine.indexWorkspace(NEVER_CANCELLED);
    const code = Object.keys(FILES).filter((p) => p.endsWith('.ts'));
    // A code file's name ends with no format's name suffix (SpecFormatPlugin.nameSuffixes): it is not located at all.
    assert.deepStrictEqual(
      code.map((p) => calls.get(p) ?? 0),
      code.map(() => 0),
      'no location asked of a code file',
    );
    assert.ok(calls.has('/ws/.kiro/specs/auth/tasks.md'), 'spec files are located');
    const asked = new Map(ws.requests.map((r) => [r.path, r.markers.join(' ')]));
    for (const p of code) assert.strictEqual(asked.get(p), p.includes('/test/') ? '@spec #' : '@spec', p);
    assert.strictEqual(asked.get('/ws/.specthread/pins.json'), '', 'the pin store is read whole');
    assert.ok(!asked.has('/ws/node_modules/x/index.js') && !asked.has('/ws/docs/logo.png'), 'excluded and unscannable files are not read');
    assert.strictEqual(ws.requests.length, asked.size, 'each file is read once');
    assert.strictEqual(ws.done, 1, 'the host hears once that the reads are applied');
    // What it found: every tag and title, and the findings of an engine over the built-in formats.
    assert.strictEqual(engine.code.taggedCount, 8 + 10);
    assert.deepStrictEqual(
      [...engine.code.all()].filter((f) => f.role === 'test').map((f) => f.path),
      code.filter((p) => p.includes('/test/')),
    );
    const plain = new Engine(new MemoryWorkspace(['/ws'], FILES));
    await plain.indexWorkspace(NEVER_CANCELLED);
    assert.deepStrictEqual(engine.allFindings(NEVER_CANCELLED), plain.allFindings(NEVER_CANCELLED));
  });
});
