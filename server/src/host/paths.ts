import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

/**
 * The core speaks absolute paths with `/` separators; the editor speaks `file:` URIs and the
 * operating system its own separators. Conversions live here, at the edge.
 */
export function toPosixPath(p: string): string {
  return path.resolve(p).split(path.sep).join('/');
}

/** The folder that holds a `/`-separated path (empty for a path without one). */
export function parentOf(p: string): string {
  return p.slice(0, Math.max(0, p.lastIndexOf('/')));
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  return toPosixPath(fileURLToPath(uri));
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}
