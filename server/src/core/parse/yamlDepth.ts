// @spec specthread-core#14.1
/**
 * The `yaml` package parses nested collections recursively. Thousands of `[` in a steering front
 * matter or a `.openspec.yaml` overflow the stack, and when that happens while V8 compiles a
 * regular expression the process aborts ("RegExpCompiler Allocation failed"), which no try/catch
 * can stop. These files are a few flat keys in practice, so text whose nesting could exceed the
 * limit is reported as unreadable instead of parsed. The estimate is an upper bound: flow
 * openers anywhere plus, per line, its indentation and its block indicators (`- - - x` nests
 * three sequences on one line).
 */
export const MAX_YAML_DEPTH = 256;

export function yamlMayNestTooDeep(text: string): boolean {
  let flow = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) flow++;
  }
  if (flow > MAX_YAML_DEPTH) return true;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.length <= MAX_YAML_DEPTH - flow) continue;
    let indicators = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x2d || c === 0x3f || c === 0x3a) indicators++;
    }
    if (flow + indicators > MAX_YAML_DEPTH) return true;
  }
  return false;
}

export const YAML_TOO_DEEP_MESSAGE = `nested too deeply to read (more than ${MAX_YAML_DEPTH} levels)`;
