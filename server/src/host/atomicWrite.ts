// @spec specthread-core#7.5
import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * Writes a file so that readers never see it half-written: the text goes to a temporary file in
 * the same folder (same file system, so the rename is atomic) which then replaces the target.
 */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}
