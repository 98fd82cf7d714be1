// @spec specthread-core#8.3 @spec specthread-core#9.2
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
  });

  it('fills in defaults and keeps the vendored excludes when users add their own', () => {
    const s = normalizeTraceSettings({ exclude: ['gen/**'], maxFileSize: -1, requireVerified: ['a#1', 7] });
    assert.ok(s.exclude.includes('**/vendor/**') && s.exclude.includes('gen/**'));
    assert.strictEqual(s.maxFileSize, DEFAULT_TRACE_SETTINGS.maxFileSize);
    assert.deepStrictEqual(s.requireVerified, ['a#1']);
  });
});
