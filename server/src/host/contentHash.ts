// @spec specthread-core#21.3
import { cryptoModule } from './lazyBuiltins';

/**
 * The content hash the warm cache stores (factCacheFile.ts). A module of its own because the
 * code-reading thread (codeReadWorker.ts) makes it too, for the files it scans, whose text the
 * engine then never holds; its bundle should not carry the cache file's code.
 */
export function contentHash(text: string): string {
  return cryptoModule().createHash('sha1').update(text).digest('base64');
}
