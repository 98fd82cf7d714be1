// @spec specthread-core#21.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { requireBuild } from '../helpers/lspClient';

/**
 * scripts/asciiSource.js keeps the bundles ASCII, so the bin reads dist/cli.js as Latin-1 instead
 * of decoding it as UTF-8 (host/v8CodeCache.ts). What it rewrites must keep its value: a pattern
 * matches what it matched, a String.raw template makes the same string.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ascii = require(path.join(REPO, 'scripts', 'asciiSource.js')) as {
  asciiSource(source: string, fileName: string): string;
  escapeRegExpLiteral(text: string): string;
};

const NON_ASCII = /[\u0080-\uffff]/;

/** The value of a JavaScript expression; `ts` sources here are plain JavaScript. */
function valueOf(expression: string): unknown {
  return new Function(`return (${expression});`)() as unknown;
}

describe('scripts/asciiSource.js: bundles in ASCII, every value kept', () => {
  it('escapes regular expression literals, in a class or not, identity escapes and astral characters with and without u', () => {
    const cases: [string, string[]][] = [
      ['/[,;、，；]/', ['a、b', 'a，b', 'a;b', 'ab']],
      ['/现状|当前行为/i', ['现状', 'x当前行为', '当前']],
      ['/^\\s*[:：]$/', [' ：', ':', '.']],
      ['/a\\。b/', ['a。b', 'a\\。b', 'ab']],
      ['/(?:🎯.*)?$/u', ['🎯 x', 'x']],
      ['/^🎯+$/u', ['🎯🎯', '🎯\uDFAF']],
      ['/^🎯+$/', ['🎯🎯', '🎯\uDFAF', '\uD83C\uDFAF\uDFAF']],
      ['/[🎯]/u', ['🎯', '\uD83C']],
      ['/[🎯]/', ['\uD83C', '\uDFAF', 'x']],
      ['/\\\\。/', ['\\。', '。']],
    ];
    for (const [literal, inputs] of cases) {
      const escaped = ascii.escapeRegExpLiteral(literal);
      assert.ok(!NON_ASCII.test(escaped), `${literal} -> ${escaped} is not ASCII`);
      const [before, after] = [valueOf(literal) as RegExp, valueOf(escaped) as RegExp];
      assert.strictEqual(after.flags, before.flags);
      for (const input of inputs) assert.deepStrictEqual(after.exec(input), before.exec(input), `${literal} -> ${escaped} on ${JSON.stringify(input)}`);
    }
  });

  it('moves non-ASCII text of String.raw templates into substitutions, which make the same string', () => {
    const source = [
      'const x = "X";',
      'export const a = String.raw`现状|当前`;',
      'export const b = String.raw`^\\s*(?:${x}|要件\\s*)[:：]\\d+\\。${x}末`;',
      'export const c = String.raw`plain\\${x}`;',
      'export const d = `cooked 现状 ${x}`;',
      'export const e = /[、，]/g;',
    ].join('\n');
    const out = ascii.asciiSource(source, 'sample.ts');
    // esbuild escapes cooked templates itself; only regular expressions and String.raw are rewritten here.
    assert.ok(out.includes('`cooked 现状 ${x}`'));
    assert.ok(!NON_ASCII.test(out.replace('`cooked 现状 ${x}`', '')), out);
    const run = (text: string): Record<string, unknown> => {
      const body = text.replace(/export const /g, 'exports.');
      const exports: Record<string, unknown> = {};
      new Function('exports', body)(exports);
      return exports;
    };
    const [before, after] = [run(source), run(out)];
    for (const key of ['a', 'b', 'c', 'd']) assert.strictEqual(after[key], before[key], key);
    assert.strictEqual(String(after.e), String(/[\u3001\uFF0C]/g));
    assert.strictEqual(ascii.asciiSource('const plain = /x/;', 'plain.ts'), 'const plain = /x/;');
  });

  it('leaves the bundles the bin runs ASCII', () => {
    requireBuild();
    for (const bundle of ['cli.js', 'serverMain.js', 'mcp.js']) {
      const bytes = fs.readFileSync(path.join(REPO, 'dist', bundle));
      const at = bytes.findIndex((b) => b > 0x7f);
      assert.strictEqual(at, -1, `dist/${bundle} holds a non-ASCII byte at ${at}: ${bytes.subarray(Math.max(0, at - 60), at + 20).toString('utf8')}`);
    }
  });
});
