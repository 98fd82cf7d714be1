// @spec specthread-core#8.4, specthread-core#15.6
import { Engine } from '../../core/engine';

/** Files too large or binary to scan for tags: one line, not one per file. */
export function skippedFilesNote(engine: Engine): string {
  const skipped = engine.code.skippedFiles();
  if (skipped.size === 0) return '';
  const large = [...skipped.values()].filter((r) => r === 'too-large').length;
  return `Not scanned for trace tags: ${large} file(s) over ${engine.code.settings.maxFileSize} bytes, ${skipped.size - large} binary.\n`;
}
