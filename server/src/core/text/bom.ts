// @spec specthread-core#14.4
/**
 * A UTF-8 byte order mark is not part of a file's content: editors hide it, but a parser that
 * sees it reads `\uFEFF---` instead of front matter and `\uFEFF{` instead of JSON. Every text
 * that enters the engine passes through here once.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
