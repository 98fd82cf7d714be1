// @spec specthread-core#19.2
/** A criterion split into its trigger and response, for formats that write Given/When/Then. */
export function clauses(text: string): { when: string; then: string } {
  const m = /^(?:WHEN|IF) (.+?), (?:THEN )?(THE .+)$/.exec(text);
  if (m) return { when: m[1] as string, then: m[2] as string };
  return { when: 'the code is used', then: text };
}
