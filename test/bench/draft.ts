// @spec specthread-core#19.1, specthread-core#19.2
/**
 * `npm run bench:draft`: generates a code repository of TypeScript, Python, Go and Java (100k
 * lines by default, `--lines N`), drafts a spec from it with the built CLI in a fresh process, and
 * prints the time and the peak memory (maxRSS) at half and full size, so that growth shows: the
 * draft keeps facts, not trees, so memory should grow far slower than the code. The target of
 * issue 13 is under 10 s for 100k lines. Results go to .bench/draft.json.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

/** One file of each language per step; each about LINES_PER_FILE lines with exports, routes, errors and tests. */
const LINES_PER_FILE = 250;

function tsModule(i: number): string {
  const out = [`import { helper${i} } from './util${i}';`, ''];
  for (let f = 0; out.length < LINES_PER_FILE - 12; f++) {
    out.push(`/** Computes value ${f} of module ${i}. */`, `export function compute${i}_${f}(input: number, scale = 2): number {`);
    out.push(
      '  if (input < 0) {',
      `    throw new RangeError('negative input ${f}');`,
      '  }',
      `  const v = helper${i}(input) * scale;`,
      '  return v + 1;',
      '}',
      '',
    );
  }
  out.push(`app.get('/items${i}/:id', getItem${i});`, `app.post('/items${i}', createItem${i});`, `const key${i} = process.env.KEY_${i};`);
  return out.join('\n') + '\n';
}

function tsTest(i: number): string {
  const out = [`describe('module ${i}', () => {`];
  for (let t = 0; out.length < LINES_PER_FILE / 5; t++)
    out.push(`  it('computes case ${t}', async () => {`, `    const r = await post('/items${i}');`, '    expect(r.status).toBe(201);', '  });');
  out.push('});');
  return out.join('\n') + '\n';
}

function pyModule(i: number): string {
  const out = ['from fastapi import APIRouter, HTTPException', `router = APIRouter(prefix="/orders${i}")`, ''];
  for (let f = 0; out.length < LINES_PER_FILE - 8; f++) {
    out.push(`@router.get("/{id}/part${f}")`, `def read_part_${f}(id: int) -> dict:`, `    """Reads part ${f}."""`, '    if id < 0:');
    out.push(`        raise HTTPException(status_code=404, detail="part ${f} not found")`, '    total = id * 2', '    return {"id": id, "total": total}', '');
  }
  return out.join('\n') + '\n';
}

function goModule(i: number): string {
  const out = [`package pkg${i}`, '', 'import (', '\t"errors"', '\t"net/http"', ')', ''];
  for (let f = 0; out.length < LINES_PER_FILE - 8; f++) {
    out.push(
      `// Handle${f} handles request ${f}.`,
      `func Handle${f}(w http.ResponseWriter, r *http.Request) error {`,
      '\tif r == nil {',
      `\t\treturn errors.New("no request ${f}")`,
    );
    out.push('\t}', '\tw.WriteHeader(200)', '\treturn nil', '}', '');
  }
  out.push(`func Routes(r *mux.Router) { r.HandleFunc("/go${i}", Handle0).Methods("GET") }`);
  return out.join('\n') + '\n';
}

function goTest(i: number): string {
  const out = [`package pkg${i}`, ''];
  for (let t = 0; out.length < LINES_PER_FILE / 5; t++) out.push(`func TestHandle${t}(t *testing.T) {`, `\tget("/go${i}")`, '}', '');
  return out.join('\n') + '\n';
}

function javaModule(i: number): string {
  const out = ['package com.acme;', '', '@RestController', `@RequestMapping("/java${i}")`, `public class Controller${i} {`];
  for (let f = 0; out.length < LINES_PER_FILE - 2; f++) {
    out.push(
      `  /** Gets entity ${f}. */`,
      `  @GetMapping("/e${f}/{id}")`,
      `  public String get${f}(String id) {`,
      '    if (id == null) {',
      `      throw new IllegalArgumentException("no id ${f}");`,
      '    }',
      '    return id;',
      '  }',
    );
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/** Writes the repository and answers its line count. */
function generate(dir: string, lines: number): number {
  let total = 0;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    total += text.split('\n').length - 1;
  };
  for (let i = 0; total < lines; i++) {
    write(`src/mod${i}.ts`, tsModule(i));
    write(`test/mod${i}.test.ts`, tsTest(i));
    write(`app/routes/orders${i}.py`, pyModule(i));
    write(`tests/test_orders${i}.py`, `def test_orders_${i}(client):\n    r = client.get("/orders${i}/1/part0")\n    assert r.status_code == 200\n`);
    write(`pkg${i}/handlers.go`, goModule(i));
    write(`pkg${i}/handlers_test.go`, goTest(i));
    write(`src/main/java/com/acme/Controller${i}.java`, javaModule(i));
  }
  return total;
}

interface Run {
  readonly lines: number;
  readonly files: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly summary: string;
}

function draft(dir: string, out: string): { seconds: number; cpuSeconds: number; maxRssMb: number; summary: string } {
  // The child reports its own peak memory on exit; a preload keeps the CLI itself unchanged.
  const preload = path.join(out, '..', 'maxrss.js');
  fs.writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`MAXRSS ${u.maxRSS} CPU ${u.userCPUTime + u.systemCPUTime}\\n`); });\n",
  );
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, CLI, 'draft', dir, '--output', out], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`draft failed (${r.status}): ${r.stderr}`);
  const m = /MAXRSS (\d+) CPU (\d+)/.exec(r.stderr);
  // CPU time is what the draft costs on a busy machine, where wall time includes waiting for a core.
  return { seconds, cpuSeconds: Number(m?.[2] ?? 0) / 1e6, maxRssMb: Number(m?.[1] ?? 0) / 1024, summary: r.stderr.split('\n')[0] ?? '' };
}

function main(): void {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: process.env.BENCH_DRAFT_LINES ?? '100000' } } });
  const target = Number(values.lines);
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run bench:draft builds it first');
  const runs: Run[] = [];
  for (const lines of [Math.round(target / 2), target]) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-bench-draft-'));
    try {
      const code = path.join(tmp, 'code');
      const total = generate(code, lines);
      const files = fs.readdirSync(code, { recursive: true }).filter((f) => /\.(ts|py|go|java)$/.test(String(f))).length;
      const r = draft(code, path.join(tmp, 'out'));
      runs.push({ lines: total, files, ...r });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  console.log('| lines | files | draft, wall (s) | draft, CPU (s) | peak RSS (MB) |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) console.log(`| ${r.lines} | ${r.files} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${r.maxRssMb.toFixed(0)} |`);
  const [half, full] = runs as [Run, Run];
  console.log(`\n${full.summary}`);
  console.log(
    `time growth x${(full.seconds / half.seconds).toFixed(2)}, memory growth x${(full.maxRssMb / half.maxRssMb).toFixed(2)} for x${(full.lines / half.lines).toFixed(2)} code`,
  );
  console.log(
    full.seconds < 10 ? `OK: ${full.lines} lines drafted in under 10 s` : `SLOW: ${full.lines} lines took ${full.seconds.toFixed(1)} s (target 10 s)`,
  );
  fs.mkdirSync(path.join(REPO, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(REPO, '.bench', 'draft.json'), JSON.stringify({ runs }, null, 2) + '\n');
}

main();
