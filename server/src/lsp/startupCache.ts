// @spec specthread-core#21.3
import { CancellationToken } from '../core/cancellation';
import { FactCacheFile, defaultCacheDir } from '../host/factCacheFile';
import { Workspace } from '../core/workspace';
import { ClientLink } from './link';

/**
 * `specthread.cache.enabled` as the client sent it at initialize (VS Code sends the whole
 * `specthread` section); on unless it is `false`, so editors that send no settings get it too.
 */
export function cacheEnabled(initializationOptions: unknown): boolean {
  const settings = (initializationOptions as { settings?: { cache?: { enabled?: unknown } } } | undefined)?.settings;
  return settings?.cache?.enabled !== false;
}

/**
 * Opens the warm cache of the first workspace folder for start-up indexing. Notes (a cache
 * rebuilt, one not written) go to the output channel: a cache is never worth a failure.
 */
export function startupCache(workspace: Workspace, link: ClientLink): (token: CancellationToken) => Promise<FactCacheFile | undefined> {
  return async (token) => {
    const root = workspace.roots[0];
    if (root === undefined) return undefined;
    return FactCacheFile.open(defaultCacheDir(root), {
      warn: (message) => link.log.warn(message),
      read: (file) => workspace.readFile(file, token),
    });
  };
}

/** The cache folder of the first workspace folder, where the published state is kept beside the fact cache (publishedState.ts). */
export function startupCacheDir(workspace: Workspace): string | undefined {
  const root = workspace.roots[0];
  return root === undefined ? undefined : defaultCacheDir(root);
}
