// @spec specthread-core#21.4
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The trace keeps a code file's tags, never its text: a tag's spec name and id are strings of
 * their own, not views into the file (see core/text/ownedString.ts). Proved by counting, in a
 * heap snapshot of a small child process, the strings that still hold a scanned file's text
 * once only the scan results are kept.
 */
const SCAN = path.resolve(__dirname, '../../server/src/core/trace/scanCodeFile.ts');
const LANGUAGES = path.resolve(__dirname, '../../server/src/core/trace/languages.ts');
const CANCELLATION = path.resolve(__dirname, '../../server/src/core/cancellation.ts');

const CHILD = `
const v8 = require('v8');
const { scanCodeFile } = require(${JSON.stringify(SCAN)});
const { syntaxFor } = require(${JSON.stringify(LANGUAGES)});
const { NEVER_CANCELLED } = require(${JSON.stringify(CANCELLATION)});
// Built at run time, so that no literal of this script holds it; a snapshot cuts strings at 1,024 characters.
const marker = ['file', 'text', 'marker'].join('');
// Scanned in a function, so that no file text is left in this frame when the snapshot is taken.
function scanAll() {
  const kept = [];
  for (let i = 0; i < 20; i++) {
    const text = '// ' + [marker, i, 'x'.repeat(500)].join('-') + '\\n// @spec a-rather-long-spec-name-' + i + '#requirement-with-long-id/' + i + '\\n';
    kept.push(scanCodeFile('/ws/src/f' + i + '.ts', text, syntaxFor('/ws/src/f.ts'), 'source', NEVER_CANCELLED));
  }
  return kept;
}
const kept = scanAll();
// V8 keeps the last string a regular expression matched against (RegExp.input); point it elsewhere.
/y/.exec('y');
const snapshot = JSON.parse(require('fs').readFileSync(v8.writeHeapSnapshot(process.argv[1]), 'utf8'));
const texts = snapshot.strings.filter((s) => s.length > 500 && s.includes(marker + '-')).length;
process.stdout.write(JSON.stringify({ texts, tags: kept.flatMap((f) => f.tags.map((t) => t.spec + '#' + t.id)) }));
`;

describe('trace tags keep none of their file text', () => {
  it('after scanning 20 files and keeping only their facts, no string in the heap holds a file text', function () {
    this.timeout(60000);
    const snapshotFile = path.join(os.tmpdir(), `specthread-tagstrings-${process.pid}.heapsnapshot`);
    try {
      const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', CHILD, snapshotFile], { encoding: 'utf8' });
      const { tags, texts } = JSON.parse(out) as { tags: string[]; texts: number };
      assert.strictEqual(tags.length, 20);
      assert.strictEqual(tags[3], 'a-rather-long-spec-name-3#requirement-with-long-id/3');
      assert.strictEqual(texts, 0, `${texts} file texts are still in the heap`);
    } finally {
      fs.rmSync(snapshotFile, { force: true });
    }
  });
});
