// An esbuild plugin that decodes the HTML entity table of `entities` (markdown-it's entity decoder)
// on first use instead of when the bundle loads. entities unpacks its 2,000-entity trie from a
// packed string at module load (decode-data-html.js): some 10M instructions, more than a tenth of
// what `specthread check` costs above Node's own start, run on every start though markdown-it
// consults the table only for a `&name;` entity in a spec's text, which most runs never meet.
// The rewrite turns the table into a function that decodes it once, and has decodeWithTrie (its one
// reader in the bundle, through decodeHTMLStrict) ask for it after its fast path for a text with
// no `&`. Each edit must find its exact text, or both files are bundled unchanged (a later
// entities release then decodes at load again, which costs time, never correctness).
const fs = require('fs');
const path = require('path');

const TABLE = 'export const htmlDecodeTree = /* #__PURE__ */ decodeTrieDict(';
const TABLE_LAZY =
  'let decoded;\n/** Decoded on first use (SpecThread: scripts/lazyEntities.js). */\nexport const htmlDecodeTreeOnce = () => (decoded ??= decodeTrieDict(';

const DECODE_EDITS = [
  ['import { htmlDecodeTree } from "./generated/decode-data-html.js";', 'import { htmlDecodeTreeOnce } from "./generated/decode-data-html.js";'],
  [
    '    const decodeTree = htmlDecodeTree;\n    // Fast path: no entities at all — return input without any allocation.\n    let offset = input.indexOf("&");\n    if (offset < 0)\n        return input;\n',
    '    // Fast path: no entities at all — return input without any allocation.\n    let offset = input.indexOf("&");\n    if (offset < 0)\n        return input;\n    const decodeTree = htmlDecodeTreeOnce();\n',
  ],
  // The table's re-export (for htmlparser2): nothing in the bundle imports it.
  ['export { htmlDecodeTree } from "./generated/decode-data-html.js";\n', ''],
];

/** Both files rewritten, or undefined when either does not hold exactly the text expected. */
function rewrite(dataText, decodeText) {
  const tableAt = dataText.indexOf(TABLE);
  const end = dataText.lastIndexOf(');');
  if (tableAt < 0 || dataText.indexOf(TABLE, tableAt + 1) >= 0 || end < tableAt || dataText.includes('htmlDecodeTree', tableAt + TABLE.length))
    return undefined;
  const data = dataText.slice(0, tableAt) + TABLE_LAZY + dataText.slice(tableAt + TABLE.length, end) + '));' + dataText.slice(end + 2);
  let decode = decodeText;
  for (const [from, to] of DECODE_EDITS) {
    if (decode.split(from).length !== 2) return undefined;
    decode = decode.replace(from, to);
  }
  // Any other reader of the eager table would now read nothing: leave both files alone.
  if (/\bhtmlDecodeTree\b/.test(decode.replace(/^\s*(\*|\/\/).*$/gm, ''))) return undefined;
  return { data, decode };
}

const lazyEntities = {
  name: 'lazy-entities',
  setup(build) {
    const filter = /[\\/]entities[\\/]dist[\\/](generated[\\/]decode-data-html|decode)\.js$/;
    build.onLoad({ filter }, async (args) => {
      const dist = args.path.endsWith(`${path.sep}decode.js`) ? path.dirname(args.path) : path.dirname(path.dirname(args.path));
      const dataFile = path.join(dist, 'generated', 'decode-data-html.js');
      const decodeFile = path.join(dist, 'decode.js');
      const [dataText, decodeText] = await Promise.all([fs.promises.readFile(dataFile, 'utf8'), fs.promises.readFile(decodeFile, 'utf8')]);
      const rewritten = rewrite(dataText, decodeText);
      if (!rewritten) return undefined;
      return { contents: args.path === dataFile ? rewritten.data : rewritten.decode, loader: 'js' };
    });
  },
};

module.exports = { lazyEntities, rewrite };
