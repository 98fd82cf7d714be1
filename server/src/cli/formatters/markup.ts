// @spec specthread-core#17.1
/**
 * Escaping for the XML and HTML reports. XML 1.0 cannot carry most control characters even as
 * references, so they are dropped; a finding's message never needs them.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an XML or HTML attribute value or element content. */
export function escapeMarkup(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
