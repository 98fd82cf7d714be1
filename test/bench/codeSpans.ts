/**
 * `node --import tsx test/bench/codeSpans.ts`: the cost of classifying one criterion that holds
 * many code spans (issue 8: masking rebuilt the whole string per span, so 40k → 160k spans went
 * from 0.4 to 42 s, on every keystroke). Prints one line per size with the time and its ratio to
 * the previous size; linear work doubles when the input doubles. A benchmark, not a test: run it
 * before and after a change on the same machine.
 */
import { performance } from 'node:perf_hooks';
import { earsOf } from '../../server/src/core/requirements/ears';
import { toPlainMap } from '../../server/src/core/requirements/plainMap';

const sizes = (process.argv[2] ?? '40000,80000,160000').split(',').map(Number);
let previous: number | undefined;
for (const spans of sizes) {
  const raw = `WHEN a user types, THE Login_Form SHALL mask ${'`a` '.repeat(spans)}as typed`;
  const start = performance.now();
  const map = toPlainMap(raw);
  const shape = earsOf({ text: map.text, codeSpans: map.code });
  const ms = performance.now() - start;
  const ratio = previous ? ` (×${(ms / previous).toFixed(1)})` : '';
  console.log(`${spans} code spans: ${ms.toFixed(0)} ms${ratio}, ${shape.shalls.length} SHALL, ${map.code.length} spans`);
  previous = ms;
}
