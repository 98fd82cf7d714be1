// @spec specthread-core#14.3
import { Node, parseTree } from 'jsonc-parser';
import { Marker } from '../extras';
import { compileGlobs } from '../glob/glob';
import { jsonTooDeepAt } from '../parse/jsonDepth';
import { LineIndex } from '../text/lineIndex';

/**
 * Globs in `specthread.json` that the glob compiler refuses (see glob/glob.ts), each placed on its
 * string so `config.invalid` points at it. A refused glob matches nothing, so without this note an
 * exclude or override would be dropped without a word.
 */
export function configGlobProblems(text: string): Marker[] {
  // jsonc-parser recurses per nesting level; the caller reports a file nested too deep.
  if (jsonTooDeepAt(text) >= 0) return [];
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (!tree) return [];
  const lines = new LineIndex(text);
  const out: Marker[] = [];
  const check = (node: Node | undefined) => {
    for (const s of stringsOf(node)) {
      for (const problem of compileGlobs([s.value as string]).problems) {
        out.push({ text: `'${problem.pattern}' is not used: ${problem.reason}.`, range: lines.rangeOf(s.offset, s.offset + s.length) });
      }
    }
  };
  check(child(tree, 'exclude'));
  for (const o of child(tree, 'overrides')?.children ?? []) check(child(o, 'files'));
  check(child(child(tree, 'codeTrace'), 'testFiles'));
  check(child(child(tree, 'codeTrace'), 'exclude'));
  return out;
}

function child(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

/** A string, or the strings of an array. */
function stringsOf(node: Node | undefined): Node[] {
  if (node?.type === 'string') return [node];
  if (node?.type === 'array') return (node.children ?? []).filter((c) => c.type === 'string');
  return [];
}
