// @spec specthread-core#14.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_FILE_BYTES } from '../../server/src/host/nodeWorkspace';
import { CLI, requireBuild } from '../helpers/lspClient';

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

describe('specthread check: files it did not read are named, never dropped', () => {
  let root = '';
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-notes-')));
    const requirements = '# Requirements\n\n### Requirement 1: Notes\n\n#### Acceptance Criteria\n\n1. THE system SHALL store notes\n';
    write(`${root}/.git/HEAD`, 'ref: refs/heads/main\n');
    write(`${root}/.kiro/specs/notes/requirements.md`, Buffer.from(requirements.replace('store', 'st\xf6re'), 'latin1'));
    write(`${root}/.kiro/specs/notes/tasks.md`, Buffer.from([0x2d, 0x20, 0x00, 0x01]));
    // Over the size limit: before, this spec vanished and the run said "No specs found".
    write(`${root}/.kiro/specs/huge/requirements.md`, Buffer.alloc(MAX_FILE_BYTES + 10, 0x61));
    write(`${root}/.kiro/steering/style.md`, '\uFEFF---\ninclusion: always\n---\n\n# Style\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints the skipped files on stderr and one info finding each in the JSON output', () => {
    requireBuild();
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { summary: { specs: number }; findings: { file: string; severity: string; code: string; message: string }[] };
    assert.deepStrictEqual(
      out.findings.filter((f) => f.code.startsWith('file.')).map((f) => [f.file, f.severity, f.code, f.message]),
      [
        [
          '.kiro/specs/huge/requirements.md',
          'info',
          'file.skipped',
          'SpecThread did not read requirements.md: it is 16,777,226 bytes (16.0 MiB), over the limit of 16,777,216 bytes (16.0 MiB) for files SpecThread reads.',
        ],
        [
          '.kiro/specs/notes/requirements.md',
          'info',
          'file.encoding',
          'SpecThread read requirements.md with a fallback encoding: it is not valid UTF-8, so it was read as Windows-1252 (Latin-1) and some characters may show wrongly; save it as UTF-8 to fix this.',
        ],
        ['.kiro/specs/notes/tasks.md', 'info', 'file.skipped', 'SpecThread did not read tasks.md: it holds a NUL byte at offset 2, so it is not text.'],
      ],
    );
    // The BOM no longer hides the steering file's front matter.
    assert.deepStrictEqual(
      out.findings.filter((f) => f.file.startsWith('.kiro/steering')),
      [],
    );
    assert.strictEqual(out.summary.specs, 3);
    assert.ok(
      r.stderr.includes(
        [
          'SpecThread skipped 2 files, read 1 file with a fallback encoding:',
          '  .kiro/specs/huge/requirements.md: it is 16,777,226 bytes (16.0 MiB), over the limit of 16,777,216 bytes (16.0 MiB) for files SpecThread reads',
          '  .kiro/specs/notes/requirements.md: it is not valid UTF-8, so it was read as Windows-1252 (Latin-1) and some characters may show wrongly; save it as UTF-8 to fix this',
          '  .kiro/specs/notes/tasks.md: it holds a NUL byte at offset 2, so it is not text',
        ].join('\n'),
      ),
      r.stderr,
    );
    assert.doesNotMatch(r.stderr, /No specs found/);
  });
});
