// @spec specthread-core#21.4
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';

/**
 * scripts/lazyEntities.js has markdown-it's entity decoder (the `entities` package) decode its HTML
 * entity table on first use instead of at load. The rewrite must apply to the installed release
 * (else every start pays for the table again), and the bundled decoder must decode exactly as the
 * package does.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazyEntities, rewrite } = require(path.join(REPO, 'scripts', 'lazyEntities.js')) as {
  lazyEntities: esbuild.Plugin;
  rewrite(data: string, decode: string): { data: string; decode: string } | undefined;
};

/** The `entities` markdown-it bundles: its own copy when it has one, else the one beside it. */
const ENTITIES_DIST = ((): string => {
  const markdownIt = path.join(REPO, 'node_modules', 'markdown-it');
  const own = path.join(markdownIt, 'node_modules', 'entities', 'dist');
  return fs.existsSync(own) ? own : path.join(REPO, 'node_modules', 'entities', 'dist');
})();

const SAMPLES = ['no entity', '&amp; &lt;b&gt; caf&eacute; &notanentity; &#x41;&#66; &amp', 'AT&T &copy 2024 &NotNestedGreaterGreater; &frac12;'];

async function bundledDecoder(plugins: esbuild.Plugin[]): Promise<{ decodeHTMLStrict(s: string): string; decodeHTML(s: string): string }> {
  const out = await esbuild.build({
    stdin: {
      contents: `export { decodeHTMLStrict, decodeHTML } from ${JSON.stringify(path.join(ENTITIES_DIST, 'index.js'))};`,
      resolveDir: REPO,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    plugins,
    logLevel: 'silent',
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', out.outputFiles[0]!.text)(module, module.exports, require);
  return module.exports as unknown as { decodeHTMLStrict(s: string): string; decodeHTML(s: string): string };
}

describe('scripts/lazyEntities.js: the entity table decoded on first use', function () {
  this.timeout(60000);

  it('applies to the installed entities release', () => {
    const data = fs.readFileSync(path.join(ENTITIES_DIST, 'generated', 'decode-data-html.js'), 'utf8');
    const decode = fs.readFileSync(path.join(ENTITIES_DIST, 'decode.js'), 'utf8');
    const rewritten = rewrite(data, decode);
    assert.ok(rewritten, 'the rewrite no longer matches entities: update scripts/lazyEntities.js');
    assert.ok(!/=\s*\/\*\s*#__PURE__\s*\*\/\s*decodeTrieDict\(/.test(rewritten.data), 'the table is still decoded at load');
  });

  it('decodes as the package does', async () => {
    const [lazy, eager] = await Promise.all([bundledDecoder([lazyEntities]), bundledDecoder([])]);
    for (const s of SAMPLES) {
      assert.strictEqual(lazy.decodeHTMLStrict(s), eager.decodeHTMLStrict(s), s);
      assert.strictEqual(lazy.decodeHTML(s), eager.decodeHTML(s), s);
    }
    assert.strictEqual(lazy.decodeHTMLStrict('caf&eacute; &amp; &frac12;'), 'café & ½');
  });
});
