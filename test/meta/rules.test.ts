// @spec specthread-core#6.1 @spec specthread-core#6.2
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRuleMetas, renderRulesReference } from '../../server/src/core/checks/ruleDocs';
import { SCHEMA_FILES, renderSchema } from '../../server/src/core/schemas';
import { FIXTURES, REPO, readTree } from '../helpers/fixtures';

describe('rule registry', () => {
  const metas = allRuleMetas();

  it('docs/rules.md is generated from the registry (run `npm run docs` when this fails)', () => {
    assert.strictEqual(fs.readFileSync(path.join(REPO, 'docs', 'rules.md'), 'utf8'), renderRulesReference());
  });

  it('schemas/*.json are generated from the schemas in code (run `npm run docs` when this fails)', () => {
    for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
      assert.strictEqual(fs.readFileSync(path.join(REPO, 'schemas', name), 'utf8'), renderSchema(schema), name);
    }
  });

  it('every rule has a unique family.name code and a complete doc entry', () => {
    const codes = metas.map((m) => m.code);
    assert.strictEqual(new Set(codes).size, codes.length);
    for (const m of metas) {
      assert.match(m.code, /^[a-z]+\.[a-z-]+$/, m.code);
      for (const field of ['summary', 'description', 'bad', 'good'] as const) assert.ok(m[field].trim().length > 10, `${m.code}.${field}`);
    }
  });

  it('every spec rule is exercised by a check fixture that expects it', () => {
    const expected = fs
      .readdirSync(path.join(FIXTURES, 'checks'))
      .map((name) => readTree(path.join(FIXTURES, 'checks', name))['expected.txt'] ?? '')
      .join('\n');
    // internal.error only fires on a bug; test/core/faults.test.ts makes rules and parsers throw on
    // purpose. The file.* notes come from the host (binary, oversized, unreadable files), which text
    // fixtures cannot hold; test/core/fileNotes.test.ts and test/host/nodeWorkspace.test.ts exercise them.
    // coverage.test-failed reads JUnit reports given on the command line; test/core/testResults.test.ts.
    const byOwnTests = new Set(['internal.error', 'file.skipped', 'file.encoding', 'coverage.test-failed']);
    const untested = metas.filter((m) => !byOwnTests.has(m.code) && !expected.includes(` ${m.code} `)).map((m) => m.code);
    assert.deepStrictEqual(untested, []);
  });
});
