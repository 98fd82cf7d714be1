// @spec specthread-core#8.3 @spec specthread-core#9.2 @spec specthread-core#20.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_TRACE_SETTINGS, normalizeTraceSettings } from '../../shared/traceSettings';
import { REPO } from '../helpers/fixtures';

describe('trace settings', () => {
  const props = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes.configuration.properties;

  it('the VS Code settings declare the same defaults as the core', () => {
    assert.deepStrictEqual(props['specthread.codeTrace.testFiles'].default, DEFAULT_TRACE_SETTINGS.testFiles);
    assert.strictEqual(props['specthread.codeTrace.maxFileSize'].default, DEFAULT_TRACE_SETTINGS.maxFileSize);
    assert.deepStrictEqual(props['specthread.codeTrace.requireImplemented'].default, DEFAULT_TRACE_SETTINGS.requireImplemented);
    assert.deepStrictEqual(props['specthread.codeTrace.requireVerified'].default, DEFAULT_TRACE_SETTINGS.requireVerified);
    assert.deepStrictEqual(props['specthread.codeTrace.perCriterion'].default, DEFAULT_TRACE_SETTINGS.perCriterion);
  });

  it('the Settings UI is titled SpecThread, ordered, with Markdown descriptions and dropdowns for presets and families', () => {
    const configuration = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes.configuration;
    assert.strictEqual(configuration.title, 'SpecThread');
    const entries = Object.entries(props as Record<string, { order?: number; markdownDescription?: string; description?: string }>);
    for (const [key, p] of entries) {
      assert.ok(p.markdownDescription && !p.description, `${key} has a Markdown description`);
      assert.ok(typeof p.order === 'number', `${key} has an order`);
    }
    const orders = entries.map(([, p]) => p.order);
    assert.strictEqual(new Set(orders).size, orders.length, 'no two settings share an order');
    assert.strictEqual(props['specthread.preset'].order, 1, 'the preset comes first');
    assert.deepStrictEqual(props['specthread.preset'].enum, ['recommended', 'strict', 'ears', null]);
    assert.strictEqual(props['specthread.preset'].markdownEnumDescriptions.length, props['specthread.preset'].enum.length);
    const families = props['specthread.rules'].properties as Record<string, { enum: string[] }>;
    for (const family of ['ears', 'quality', 'structure', 'link', 'coverage', 'task', 'trace']) {
      assert.deepStrictEqual(families[family]?.enum, ['error', 'warning', 'info', 'hint', 'off'], `a dropdown for the ${family} family`);
    }
  });

  it('fills in defaults and keeps the vendored excludes when users add their own', () => {
    const s = normalizeTraceSettings({ exclude: ['gen/**'], maxFileSize: -1, requireVerified: ['a#1', 7] });
    assert.ok(s.exclude.includes('**/vendor/**') && s.exclude.includes('gen/**'));
    assert.strictEqual(s.maxFileSize, DEFAULT_TRACE_SETTINGS.maxFileSize);
    assert.deepStrictEqual(s.requireVerified, ['a#1']);
  });
});
