import { promises as fs } from 'fs';

/**
 * What reading a cache file gave: its checked contents, nothing (no cache yet), or why it cannot
 * be trusted, for the caller's note. Shared by the warm caches (factCacheFile.ts,
 * resultCacheFile.ts), which word their notes for what a broken cache means to their run.
 */
export type CacheFileRead<T> = { readonly value: T } | { readonly problem: string; readonly unreadable: boolean } | undefined;

/** Reads the JSON file `file` and checks its shape with `check` (which throws on a bad one). */
export async function readCacheFile<T>(file: string, check: (raw: unknown) => T): Promise<CacheFileRead<T>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // No file (or no folder) is an empty cache, not a problem.
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { problem: `could not be read (${code ?? String(err)})`, unreadable: true };
  }
  try {
    return { value: check(JSON.parse(text)) };
  } catch (err) {
    return { problem: `is corrupt or truncated (${err instanceof Error ? err.message : String(err)})`, unreadable: false };
  }
}
