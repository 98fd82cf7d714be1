// In-process cost of the engine's analysis, without a server or a disk in the timed part: a
// generated Kiro workspace is read into memory once, then
//   cold  – a new Engine indexes it and computes every finding (fresh caches), median of --cold runs
//   edit  – one criterion of the large requirements.md is rewritten and that spec re-checked
//           (setText + findingsForSpec), median and p90 of --edits edits
// Not a test: run with `node --import tsx test/bench/recheck.ts [--specs N] [--edits N] [--cold N]`.
// Used to compare memo strategies (issue 9: the engine-owned caches) on one machine.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { DEFAULT_GENERATOR_OPTIONS, generateWorkspace } from './generate';

const { values } = parseArgs({
  options: { specs: { type: 'string', default: '200' }, edits: { type: 'string', default: '200' }, cold: { type: 'string', default: '5' } },
});
const specs = Number(values.specs);
const edits = Number(values.edits);
const colds = Number(values.cold);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-recheck-'));
const ws = generateWorkspace(root, { ...DEFAULT_GENERATOR_OPTIONS, specs });
const files: Record<string, string> = {};
const walk = (dir: string): void => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else files[p.split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
  }
};
walk(root);
fs.rmSync(root, { recursive: true, force: true });
const folder = root.split(path.sep).join('/');

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
/** CPU time of this process since `from`: on a loaded machine, steadier than the wall clock. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e3;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

async function main(): Promise<void> {
  const cold: number[] = [];
  const coldCpu: number[] = [];
  let engine: Engine | undefined;
  let findings = 0;
  for (let i = 0; i < colds; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    engine = new Engine(new MemoryWorkspace([folder], files));
    await engine.indexWorkspace(NEVER_CANCELLED);
    findings = engine.allFindings(NEVER_CANCELLED).length;
    cold.push(ms(start));
    coldCpu.push(cpuMs(cpu));
  }
  const large = ws.large;
  const path = large.requirementsPath.split('\\').join('/');
  const lines = files[path].split('\n');
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < edits; i++) {
    const target = large.targets[i % large.targets.length];
    const edited = [...lines];
    edited[target.line] = edited[target.line].replace(target.text, `${target.text} (edit ${i})`);
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    engine!.setText(path, edited.join('\n'), NEVER_CANCELLED);
    engine!.findingsForSpec(large.dir.split('\\').join('/'), NEVER_CANCELLED);
    times.push(ms(start));
    cpuTimes.push(cpuMs(cpu));
  }
  const mb = Object.values(files).reduce((n, t) => n + t.length, 0) / 1e6;
  console.log(
    `workspace  ${Object.keys(files).length} files, ${mb.toFixed(2)} MB, ${ws.criteria} criteria; large spec ${large.criteria} criteria; ${findings} findings`,
  );
  // The first cold run is the only one no earlier engine in this process can have warmed.
  console.log(
    `cold       index + all findings: first ${cold[0].toFixed(0)} ms wall, ${coldCpu[0].toFixed(0)} ms CPU; median of ${colds} ${median(cold).toFixed(0)} ms wall, ${median(coldCpu).toFixed(0)} ms CPU`,
  );
  console.log(
    `edit       one criterion + re-check of the large spec, ${edits} edits: median ${median(times).toFixed(1)} ms wall (p90 ${p90(times).toFixed(1)}), median ${median(cpuTimes).toFixed(1)} ms CPU (p90 ${p90(cpuTimes).toFixed(1)})`,
  );
}

void main();
