// @spec specthread-core#7.3, specthread-core#15.6
/** Problems reading specthread.json, one `specthread: …` line each; the run goes on with defaults. */
export function configErrorsNote(errors: readonly string[]): string {
  return errors.map((e) => `specthread: ${e}\n`).join('');
}
