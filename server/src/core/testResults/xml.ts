// @spec specthread-core#17.3
/**
 * A tolerant reader for the XML test reporters write: elements, attributes, text and CDATA, with
 * comments, processing instructions and doctypes skipped. It never throws and reads each
 * character a bounded number of times (linear): a truncated file yields what it got so far, an
 * end tag without its start tag is ignored, and unclosed elements close at the end. It is no
 * validating parser: namespaces are kept in names, and only the predefined and numeric entities
 * are decoded.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text and CDATA, its children's not included. */
  text: string;
  /** Offset of the `<` that starts the element. */
  readonly offset: number;
}

/**
 * Deeper elements are read as children of the element at this depth. Test reports are a few
 * levels deep; the bound keeps the search for an end tag's start tag constant, so the reader stays
 * linear on hostile nesting.
 */
const MAX_DEPTH = 64;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** A synthetic root whose children are the document's top-level elements. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '', attributes: {}, children: [], text: '', offset: 0 };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  const patterns: TagPatterns = { name: new RegExp(NAME, 'y'), attribute: new RegExp(ATTRIBUTE, 'y') };
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      top().text += decodeEntities(text.slice(i));
      break;
    }
    if (lt > i) top().text += decodeEntities(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      i = skipPast(text, lt + 4, '-->');
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      top().text += text.slice(lt + 9, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<?', lt)) {
      i = skipPast(text, lt + 2, '?>');
    } else if (text.startsWith('<!', lt)) {
      i = skipPast(text, lt + 2, '>');
    } else if (text[lt + 1] === '/') {
      const gt = text.indexOf('>', lt);
      const name = text.slice(lt + 2, gt < 0 ? text.length : gt).trim();
      // Pop to the matching start tag; an end tag that matches none is ignored.
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k]!.name === name) {
          stack.length = k;
          break;
        }
      }
      i = gt < 0 ? text.length : gt + 1;
    } else {
      const tag = readTag(text, lt, patterns);
      if (!tag) {
        top().text += '<';
        i = lt + 1;
        continue;
      }
      const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [], text: '', offset: lt };
      top().children.push(element);
      if (!tag.selfClosing && stack.length <= MAX_DEPTH) stack.push(element);
      i = tag.end;
    }
  }
  return root;
}

function skipPast(text: string, from: number, marker: string): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

/** A start tag's name and its attributes; sticky, so each call gets fresh copies (their `lastIndex` is state). */
const NAME = /[A-Za-z_:][\w.:-]*/y.source;
const ATTRIBUTE = /\s*([A-Za-z_:][\w.:-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/=]+)))?/y.source;

interface TagPatterns {
  readonly name: RegExp;
  readonly attribute: RegExp;
}

/** A start tag at `lt`, read once from left to right; undefined when no name follows the `<`. */
function readTag(
  text: string,
  lt: number,
  patterns: TagPatterns,
): { name: string; attributes: Record<string, string>; selfClosing: boolean; end: number } | undefined {
  const { name: nameAt, attribute: attributeAt } = patterns;
  nameAt.lastIndex = lt + 1;
  const name = nameAt.exec(text)?.[0];
  if (!name) return undefined;
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  let at = nameAt.lastIndex;
  for (;;) {
    attributeAt.lastIndex = at;
    const m = attributeAt.exec(text);
    if (!m || m[0].length === 0) break;
    attributes[m[1]!] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    at = attributeAt.lastIndex;
  }
  // Whatever is left up to `>` is junk the tolerant reader steps over.
  const gt = text.indexOf('>', at);
  const end = gt < 0 ? text.length : gt + 1;
  const selfClosing = gt > 0 && text[gt - 1] === '/';
  return { name, attributes, selfClosing, end };
}
