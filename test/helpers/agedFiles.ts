import * as fs from 'fs';
import * as path from 'path';

/**
 * Files for the tests of the caches that trust a file's stamp (size, mtime, ctime). A file written
 * in the last seconds is never trusted by a stamp (it may still be changing), so tests that expect
 * a cache hit write their files with times a minute back.
 */

/** Sets the file's access and modification times back, a minute unless told. */
export function age(file: string, secondsAgo = 60): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, t, t);
}

/** Writes `text` to `file` (making its folders) with times a minute back; returns the file. */
export function writeAged(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  age(file);
  return file;
}

/**
 * `writeAged`, then waits until the clock has passed the file's change time: setting the times
 * moves the ctime to now, and a run that starts within the same millisecond would rightly refuse
 * to store (a change during the run).
 */
export function writeAgedSettled(file: string, text: string): string {
  writeAged(file, text);
  const { ctimeMs } = fs.statSync(file);
  while (Date.now() <= ctimeMs);
  return file;
}
