// @spec specthread-core#15.5
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';

describe('language server: cancellation tokens reach the core', () => {
  it('no file of server/src/lsp uses NEVER_CANCELLED: requests pass their own token, the writer its lifetime token', () => {
    const dir = path.join(REPO, 'server', 'src', 'lsp');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 10, `the LSP sources are found (${files.length})`);
    const offenders = files.filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('NEVER_CANCELLED'));
    assert.deepStrictEqual(offenders, []);
  });
});
