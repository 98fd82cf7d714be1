/**
 * `node --import tsx test/bench/statements.ts [root] [rounds] [all]`: the CPU time of statement
 * analysis alone: every statement rule over every Kiro criterion under root (default
 * .bench/workspace-L, which `npm run bench` writes), with a fresh engine cache per round, as a
 * cold check runs it. Criteria are read from the numbered lines of each requirements.md, which
 * is how the bench trees write them. A benchmark, not a test: compare before and after a change
 * in the same sitting; CPU time, not wall time, so other load on the machine matters less.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisCache } from '../../server/src/core/analysisCache';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import type { RuleContext } from '../../server/src/core/config/ruleSettings';
import { SPEC_RULES } from '../../server/src/core/checks/registry';
import { checkStatementsCached } from '../../server/src/core/checks/statementResults';
import type { StatementRule } from '../../server/src/core/checks/statementRule';
import { DEFAULT_CLAUSE_ORDER } from '../../server/src/core/requirements/ears';
import { Statement, statementFromSource } from '../../server/src/core/requirements/statement';
import { DEFAULT_TERMS } from '../../server/src/core/requirements/terms';

const root = process.argv[2] ?? '.bench/workspace-L';
const rounds = Number(process.argv[3] ?? 5);
/** `all` as the third argument runs the rules that are off by default too (as `--preset strict` does). */
const allRules = process.argv[4] === 'all';

interface Criterion {
  readonly path: string;
  readonly id: string;
  readonly line: number;
  readonly raw: string;
}

function readSpecs(): { path: string; glossary: string[]; criteria: Criterion[] }[] {
  const dir = join(root, '.kiro', 'specs');
  return readdirSync(dir).map((name) => {
    const path = join(dir, name, 'requirements.md');
    const lines = readFileSync(path, 'utf8').split('\n');
    const glossary = lines.flatMap((l) => /^- \*\*([^*]+)\*\*:/.exec(l)?.[1] ?? []);
    let requirement = 0;
    const criteria: Criterion[] = [];
    lines.forEach((l, line) => {
      if (/^### Requirement \d+/.test(l)) requirement++;
      const m = /^(\d+)\. (.*)$/.exec(l);
      if (m && requirement > 0) criteria.push({ path, id: `${requirement}.${m[1]}`, line, raw: m[2]! });
    });
    return { path, glossary, criteria };
  });
}

const specs = readSpecs();
const rules = SPEC_RULES.filter((r): r is StatementRule => 'checkStatement' in r && (allRules || r.meta.defaultSeverity !== 'off'));
let found = 0;
const times: number[] = [];
/** Run with `node --expose-gc`: the heap the first round's statements and engine cache keep, after collection. */
const gc = (globalThis as { gc?: () => void }).gc;
let kept = 0;
for (let round = 0; round < rounds; round++) {
  gc?.();
  const heapBefore = heapAndBuffers();
  const statements: Statement[][] = specs.map((s) =>
    s.criteria.map((c) => {
      const at = c.raw.length + c.id.split('.')[1]!.length + 2;
      const range = { start: { line: c.line, character: 0 }, end: { line: c.line, character: at } };
      return statementFromSource(c.path, c.id, range, s.glossary, { raw: c.raw, start: { line: c.line, character: at - c.raw.length } }, c.raw);
    }),
  );
  const terms = new Map(Object.entries(DEFAULT_TERMS));
  const context: RuleContext = { terms: (code) => terms.get(code) ?? [], clauseOrder: DEFAULT_CLAUSE_ORDER, cache: new AnalysisCache() };
  found = 0;
  const start = process.cpuUsage();
  for (const list of statements)
    for (const rule of rules)
      checkStatementsCached(
        rule,
        list,
        () => found++,
        context,
        NEVER_CANCELLED,
        (s, r) => rule.checkStatement(s, r, context),
      );
  const used = process.cpuUsage(start);
  times.push((used.user + used.system) / 1000);
  gc?.();
  // The first round only: later rounds start with the previous round's objects not yet collected.
  if (round === 0) kept = heapAndBuffers() - heapBefore;
  // Read after the measurement, so that the statements and the cache stay alive until here.
  if (statements.length + (context.cache ? 0 : 1) < 0) console.log('unreachable');
}
/** The JavaScript heap and the memory of typed arrays, which lives outside it. */
function heapAndBuffers(): number {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

const criteria = specs.reduce((n, s) => n + s.criteria.length, 0);
const best = Math.min(...times);
console.log(
  `${criteria} criteria, ${rules.length} statement rules, ${found} findings: CPU ${times.map((t) => t.toFixed(0)).join(' ')} ms (best ${best.toFixed(0)} ms, ${((best * 1000) / criteria).toFixed(1)} µs per criterion)` +
    (gc ? `; statements and cache keep ${(kept / 1e6).toFixed(1)} MB (${Math.round(kept / criteria)} bytes per criterion)` : ''),
);
