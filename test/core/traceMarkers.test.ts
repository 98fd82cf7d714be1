// @spec specthread-core#21.2
import * as assert from 'assert';
import fc from 'fast-check';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { CodeFiles } from '../../server/src/core/trace/codeFiles';
import { syntaxFor } from '../../server/src/core/trace/languages';
import { TraceRole } from '../../server/src/core/trace/model';
import { scanCodeFile } from '../../server/src/core/trace/scanCodeFile';
import { bytesNeedScan, indexOfAscii, textNeedsScan, traceMarkers } from '../../server/src/core/trace/traceMarkers';
import { Workspace } from '../../server/src/core/workspace';
import { normalizeSettings } from '../../shared/settings';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/** Pieces that make tags, titles, comments and strings likely in random texts, plus non-ASCII and NUL. */
const PIECE = fc.constantFrom(
  '@spec',
  '@spe',
  '@Spec',
  'c',
  ' ',
  ':',
  '#',
  'auth#1.2',
  'auth',
  '1.2',
  ',',
  '\n',
  '\r\n',
  '//',
  '/*',
  '*/',
  '#',
  '--',
  '"',
  "'",
  '`',
  '"""',
  'it(',
  'test(',
  'def test_x():\n',
  'func TestX(t *testing.T) {\n',
  'x',
  'é',
  '€',
  '😀',
  '\u0000',
  '\uFEFF',
);
const TEXT = fc.array(PIECE, { maxLength: 30 }).map((p) => p.join(''));
const PATH = fc.constantFrom('/ws/a.ts', '/ws/a.py', '/ws/a.go', '/ws/a.rs', '/ws/a.rb', '/ws/a.sql', '/ws/a.md', '/ws/a.sh', '/ws/a.yaml', '/ws/a.lua');
const ROLE = fc.constantFrom<TraceRole>('source', 'test');

describe('the byte pre-filter of code files (trace markers)', () => {
  it('finds ASCII needles in bytes exactly where Buffer.indexOf does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.constantFrom('@spec', '#', 'ab', '@'), (bytes, needle) => {
        assert.strictEqual(indexOfAscii(bytes, needle), Buffer.from(bytes).indexOf(needle));
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(500) },
    );
  });

  it('"the bytes need no scan" implies the scanner finds no tag and CodeFiles.set would not call the text binary', () => {
    fc.assert(
      fc.property(TEXT, PATH, ROLE, (text, path, role) => {
        const markers = traceMarkers(role);
        const needs = bytesNeedScan(Buffer.from(text, 'utf8'), markers);
        assert.strictEqual(textNeedsScan(text, markers), needs, 'the memory workspace decides as the host does');
        if (needs) return;
        assert.deepStrictEqual(scanCodeFile(path, text, syntaxFor(path)!, role, NEVER_CANCELLED).tags, []);
        assert.ok(!text.slice(0, 8000).includes('\u0000'));
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(3000) },
    );
  });

  it('is not vacuous: texts with a tag or a test-title ref need a scan', () => {
    const files = new CodeFiles(() => ['/ws']);
    assert.ok(bytesNeedScan(Buffer.from('// @spec auth#1.2\n'), traceMarkers('source')));
    assert.ok(bytesNeedScan(Buffer.from("it('auth#1.2 works', () => {});\n"), traceMarkers('test')));
    assert.ok(!bytesNeedScan(Buffer.from("it('auth#1.2 works', () => {});\n"), traceMarkers('source')), 'a source file has no title refs');
    assert.ok(bytesNeedScan(Buffer.from('x\u0000y'), traceMarkers('source')), 'a NUL is left to the binary check');
    assert.ok(files.setNoTags('/ws/a.ts') === false && files.exists('/ws/a.ts'));
  });

  it('the engine finds the same tags, skips and notes with and without the batch read', async () => {
    const files: Record<string, string> = {
      '/ws/.kiro/specs/auth/requirements.md':
        '# Requirements\n\n### Requirement 1: Login\n\n#### Acceptance Criteria\n\n1. WHEN a user logs in THEN the system SHALL greet them\n',
      '/ws/src/a.ts': '// @spec auth#1.1\nexport const a = 1;\n',
      '/ws/src/b.ts': 'export const b = "no tag here # at all";\n',
      '/ws/test/a.test.ts': "it('auth#1.1 greets', () => {});\n",
      '/ws/test/b.test.ts': "it('greets', () => {});\n",
      '/ws/.specthread/pins.json': '{ "pins": { "3f9a0c": "old text" } }\n',
    };
    const settings = normalizeSettings({});
    const batch = new MemoryWorkspace(['/ws'], files);
    batch.simulate('/ws/src/blob.ts', 'binary', 'it holds a NUL byte at offset 0, so it is not text');
    batch.simulate('/ws/src/latin.ts', 'not-utf8', 'it is not valid UTF-8');
    batch.set('/ws/src/latin.ts', 'export const é = 1;\n');
    const old = new MemoryWorkspace(['/ws'], files);
    old.simulate('/ws/src/blob.ts', 'binary', 'it holds a NUL byte at offset 0, so it is not text');
    old.simulate('/ws/src/latin.ts', 'not-utf8', 'it is not valid UTF-8');
    old.set('/ws/src/latin.ts', 'export const é = 1;\n');
    // The same files behind a workspace that offers only the old per-file reads.
    const legacy: Workspace = {
      roots: old.roots,
      listFiles: (t, n) => old.listFiles(t, n),
      readFile: (p, t, n) => old.readFile(p, t, n),
      stat: (p, t) => old.stat(p, t),
    };
    const facts = async (ws: Workspace) => {
      const engine = new Engine(ws, settings);
      await engine.indexWorkspace(NEVER_CANCELLED);
      return {
        tags: [...engine.code.all()].map((f) => `${f.path} ${f.tags.map((t) => `${t.kind} ${t.spec}#${t.id}`).join(',')}`).sort(),
        skipped: [...engine.code.skippedFiles()].sort(),
        notes: engine
          .fileNotes()
          .map((n) => `${n.path} ${n.reason}`)
          .sort(),
        known: ['/ws/src/b.ts', '/ws/test/b.test.ts', '/ws/src', '/ws/src/blob.ts'].map((p) => engine.code.exists(p)),
        pin: engine.code.pinnedText('3f9a0c'),
        findings: engine
          .allFindings(NEVER_CANCELLED)
          .map((f) => `${f.path} ${f.code}`)
          .sort(),
      };
    };
    const fast = await facts(batch);
    assert.deepStrictEqual(fast, await facts(legacy));
    assert.deepStrictEqual(fast.tags, ['/ws/src/a.ts tag auth#1.1', '/ws/test/a.test.ts title auth#1.1']);
    assert.deepStrictEqual(fast.known, [true, true, true, true]);
    assert.strictEqual(fast.pin, 'old text');
  });
});
