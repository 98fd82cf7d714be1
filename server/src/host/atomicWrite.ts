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

/**
 * Creates a file atomically and never over another: the text goes to a temporary file that is
 * then hard-linked to the target, which fails with EEXIST when the target appeared meanwhile.
 * Returns false (writing nothing) when the target exists.
 */
export async function createFileAtomic(target: string, text: string): Promise<boolean> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.link(temp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await fs.rm(temp, { force: true });
  }
}
