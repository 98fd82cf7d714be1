// Trace-tag scan rate: files/s and MB/s of the per-file scanner over the largest code corpus at
// hand (this repository's node_modules by default, or the folders given as arguments). Not a
// test: run with `npm run bench:scan [folder…]`. Three passes over the same files in memory:
//   source  – the normal path for source files (lexes only files that contain `@spec`)
//   test    – the normal path for test files (lexes files that contain `#` or `@spec`)
//   lex-all – the comment lexer forced over every file, the worst case
// plus the read-from-disk rate of the first pass.
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { lexComments } from '../../server/src/core/trace/commentLexer';
import { syntaxFor } from '../../server/src/core/trace/languages';
import { scanCodeFile } from '../../server/src/core/trace/scanCodeFile';

const MAX_BYTES = 1024 * 1024;
const roots = process.argv.slice(2).length ? process.argv.slice(2) : [path.join(__dirname, '..', '..', 'node_modules')];

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && syntaxFor(p.split(path.sep).join('/'))) out.push(p);
  }
}

const paths: string[] = [];
for (const r of roots) walk(path.resolve(r), paths);

const readStart = process.hrtime.bigint();
const files: { path: string; text: string }[] = [];
let skipped = 0;
for (const p of paths) {
  const size = fs.statSync(p).size;
  if (size > MAX_BYTES) {
    skipped++;
    continue;
  }
  const text = fs.readFileSync(p, 'utf8');
  if (text.slice(0, 8000).includes('\u0000')) {
    skipped++;
    continue;
  }
  files.push({ path: p.split(path.sep).join('/'), text });
}
const readSeconds = Number(process.hrtime.bigint() - readStart) / 1e9;
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const mb = bytes / (1024 * 1024);

// The machine may be shared: each pass runs five times and reports the median and the best run.
const RUNS = 5;

function pass(name: string, fn: (f: { path: string; text: string }) => number): void {
  const times: number[] = [];
  let tags = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    tags = 0;
    for (const f of files) tags += fn(f);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  const rate = (s: number) => `${(files.length / s).toFixed(0).padStart(7)} files/s ${(mb / s).toFixed(1).padStart(7)} MB/s`;
  console.log(`${name.padEnd(8)} median ${rate(times[RUNS >> 1])} · best ${rate(times[0])}  (${tags} tags/titles)`);
}

console.log(`corpus: ${roots.join(', ')}`);
console.log(`${files.length} files, ${mb.toFixed(1)} MB scanned (${skipped} over 1 MB or binary skipped); read from disk in ${readSeconds.toFixed(2)} s`);
pass('source', (f) => scanCodeFile(f.path, f.text, syntaxFor(f.path)!, 'source', NEVER_CANCELLED).tags.length);
pass('test', (f) => scanCodeFile(f.path, f.text, syntaxFor(f.path)!, 'test', NEVER_CANCELLED).tags.length);
pass('lex-all', (f) => lexComments(f.text, syntaxFor(f.path)!).length && 0);
