// @spec specthread-core#10.2
/**
 * Pins: a tag may carry `@<6 hex>`, the first six hex digits of a hash of the text it was written
 * against. The text is normalised first (whitespace collapsed, case folded, Markdown emphasis and
 * code marks dropped) so that reflowing a criterion does not make every tag suspect.
 * The hash is 32-bit FNV-1a over UTF-8: tiny, stable across platforms, implemented here so the
 * core needs no crypto module.
 */

export function normalisePinText(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function pinOf(text: string): string {
  const s = normalisePinText(text);
  let h = 0x811c9dc5;
  const step = (byte: number) => {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) step(cp);
    else if (cp < 0x800) {
      step(0xc0 | (cp >> 6));
      step(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      step(0xe0 | (cp >> 12));
      step(0x80 | ((cp >> 6) & 63));
      step(0x80 | (cp & 63));
    } else {
      step(0xf0 | (cp >> 18));
      step(0x80 | ((cp >> 12) & 63));
      step(0x80 | ((cp >> 6) & 63));
      step(0x80 | (cp & 63));
    }
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}
