// @spec specthread-core#15.1
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { SPEC_RULES } from '../../server/src/core/checks/registry';
import { Engine } from '../../server/src/core/engine';
import { BUILTIN_FORMATS } from '../../server/src/core/formats/registry';
import { SpecFormatPlugin } from '../../server/src/core/formats/specFormatPlugin';
import { BUILTIN_FORMAT_NAMES } from '../../shared/roots';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { definitionAt, hoverAt } from '../../server/src/core/queries/thread';
import { TOY_FORMAT } from '../fixtures/toy-format/plugin';

const ROOT = '/ws';
const REQS = `${ROOT}/toyspecs/alpha/reqs.md`;
const TEXT = ['REQ-1: Export the report', 'REQ-2:', 'REQ-3: Import, see REQ-1 and see REQ-9'].join('\n');

async function toyEngine(formats: readonly SpecFormatPlugin[] = [...BUILTIN_FORMATS, TOY_FORMAT]): Promise<Engine> {
  const engine = new Engine(new MemoryWorkspace([ROOT], { [REQS]: TEXT }), undefined, { formats });
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

describe('format plugins', () => {
  it('a format registered from a test fixture gets discovery, diagnostics, hover and definition', async () => {
    const engine = await toyEngine();
    assert.deepStrictEqual(engine.specDirs(), [`${ROOT}/toyspecs/alpha`]);
    assert.strictEqual(engine.specOf(REQS)?.format, 'toy');

    const findings = engine.findingsForSpec(`${ROOT}/toyspecs/alpha`, NEVER_CANCELLED);
    // The shared unknown-ref rule runs on the toy format's refs; its own rule runs too.
    assert.deepStrictEqual(
      findings.filter((f) => f.code === 'link.unknown-ref').map((f) => [f.range.start.line, f.message.split('.')[0]]),
      [[2, "Requirement REQ-9 does not exist in spec 'alpha'"]],
    );
    assert.deepStrictEqual(
      findings.filter((f) => f.code === 'toy.untitled').map((f) => f.range.start.line),
      [1],
    );

    const doc = { path: REQS, spec: engine.specOf(REQS) };
    const onRef = { line: 2, character: TEXT.split('\n')[2].indexOf('REQ-1') + 1 };
    assert.deepStrictEqual(definitionAt(engine, doc, onRef, NEVER_CANCELLED), [
      { path: REQS, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 24 } } },
    ]);
    const hover = hoverAt(engine, doc, onRef, NEVER_CANCELLED);
    assert.ok(hover?.contents.includes('Export the report'), hover?.contents);
  });

  it('the format list comes from the engine options, not from global state', async () => {
    const plain = await toyEngine(BUILTIN_FORMATS);
    assert.deepStrictEqual(plain.specDirs(), []);
    assert.strictEqual(plain.isTracked(REQS), false);
  });

  it('a configured root of a plugin format is read with that plugin', async () => {
    const path = `${ROOT}/docs/reqs/beta/reqs.md`;
    const ws = new MemoryWorkspace([ROOT], {
      [path]: 'REQ-1: Beta',
      [`${ROOT}/specthread.json`]: JSON.stringify({ roots: [{ path: 'docs/reqs', format: 'toy' }] }),
    });
    const engine = new Engine(ws, undefined, { formats: [...BUILTIN_FORMATS, TOY_FORMAT] });
    await engine.indexWorkspace(NEVER_CANCELLED);
    assert.strictEqual(engine.specOf(path)?.requirements.get('REQ-1')?.node.title, 'Beta');
  });

  it('every built-in format has a distinct id and its own rules are registered rules', () => {
    const ids = BUILTIN_FORMATS.map((f) => f.id);
    assert.deepStrictEqual([...ids].sort(), [...BUILTIN_FORMAT_NAMES].sort());
    for (const format of BUILTIN_FORMATS) for (const rule of format.rules) assert.ok(SPEC_RULES.includes(rule), `${format.id}: ${rule.meta.code}`);
  });
});
