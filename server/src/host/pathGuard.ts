// @spec specthread-core#18.2
import * as fs from 'fs';
import * as path from 'path';
import { toPosixPath } from './paths';

/** A path the agent may not use: absolute, climbing out with `..`, or leaving through a symbolic link. */
export class PathError extends Error {}

/**
 * The absolute path of `input`, a path relative to the workspace root, when it stays inside the
 * root. Absolute paths are refused outright so that an agent never names a file by the machine's
 * layout; symbolic links are resolved (on the nearest part that exists) so a link cannot lead out.
 */
export function guardPath(root: string, input: string): string {
  if (input.includes('\0')) throw new PathError(`The path '${input.replace(/\0/g, '\\0')}' holds a NUL character.`);
  if (path.isAbsolute(input) || /^[A-Za-z]:[\\/]/.test(input) || input.startsWith('\\')) {
    throw new PathError(`'${input}' is an absolute path; give paths relative to the workspace root.`);
  }
  const abs = path.resolve(root, input);
  if (!inside(root, abs)) throw new PathError(`'${input}' is outside the workspace.`);
  let probe = abs;
  while (!fs.existsSync(probe) && probe !== root) probe = path.dirname(probe);
  const real = fs.realpathSync(probe);
  if (!inside(fs.realpathSync(root), real)) throw new PathError(`'${input}' leads outside the workspace through a symbolic link.`);
  return toPosixPath(abs);
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
