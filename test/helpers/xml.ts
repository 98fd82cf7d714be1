// @spec specthread-core#17.1
/**
 * A small strict XML reader for tests of the XML reports (JUnit, Checkstyle): elements,
 * attributes, text and the five entities plus character references. It throws on anything not
 * well-formed that our reports could get wrong (unclosed or mismatched tags, a stray `<` or `&`,
 * unquoted attributes, a second root), so parsing a report back proves it is XML.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`);
  if (text.includes('<')) throw new Error(`bare < in ${JSON.stringify(text)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = token.exec(body))) {
    if (m.index !== last) throw new Error(`unparsed text at ${last}`);
    last = token.lastIndex;
    const [, close, name, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`malformed tag at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (text !== undefined) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (text.trim()) throw new Error(`text outside the root: ${text}`);
        continue;
      }
      top.text += decode(text);
      continue;
    }
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? '').matchAll(/([\w.:-]+)="([^"]*)"/g)) {
      if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`);
      attributes[a[1]!] = decode(a[2]!);
    }
    const el: XmlElement = { name: name!, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) throw new Error('a second root element');
    else root = el;
    if (!selfClose) stack.push(el);
  }
  if (last !== body.length) throw new Error(`unparsed text at ${last}`);
  if (stack.length) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}
