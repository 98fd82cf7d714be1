// @spec specthread-core#21.3
import * as assert from 'assert';
import { byPercent } from '../../server/src/lsp/indexing';

/** Start-up indexing reports progress per batch; the client hears of it only when the percentage moves. */
describe('lsp: indexing progress by percent', () => {
  it('passes on each whole percent once, and always the end', () => {
    const sent: [number, number][] = [];
    const report = byPercent((done, total) => sent.push([done, total]));
    for (let done = 16; done < 6003; done += 16) report(done, 6003);
    report(6003, 6003);
    report(6003, 6003);
    assert.ok(sent.length <= 102, `${sent.length} reports`);
    assert.deepStrictEqual(sent.slice(-2), [
      [6003, 6003],
      [6003, 6003],
    ]);
    const percents = sent.slice(0, -2).map(([d, t]) => Math.floor((d / t) * 100));
    assert.deepStrictEqual(percents, [...new Set(percents)]);
  });

  it('reports a workspace with nothing to read', () => {
    const sent: [number, number][] = [];
    byPercent((done, total) => sent.push([done, total]))(0, 0);
    assert.deepStrictEqual(sent, [[0, 0]]);
  });
});
