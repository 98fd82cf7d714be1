// @spec specthread-core#21.4
import { createHash } from 'crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { Script } from 'vm';

/**
 * Runs a bundle through V8's code cache: the package's bin (dist/specthread.js, cli/bin.ts) runs
 * dist/cli.js, the whole CLI, this way, and dist/server.js (lsp/boot.ts) the language server's
 * bundle dist/serverMain.js, whose loading was half of the time to an opened file's first
 * diagnostics. Compiling the bundle, and each of its functions on first call, was about a tenth of a
 * `check` on a repository of a few hundred spec files (some 50 ms of CPU time out of 600); with
 * the cache V8 deserializes the code it compiled the first time. Node 20 has no
 * `module.enableCompileCache`, so the bundle is compiled here with `vm.Script` and its
 * `cachedData`, as Node's CommonJS loader would compile it, with the same five parameters.
 *
 * The cache is an optimization only: a cache missing, stale, unreadable or unwritable leaves the
 * CLI compiling its code as without one, and nothing is reported. A cache file is named by the
 * hash of the bundle's text and the Node version, so a rebuilt or upgraded CLI never meets a
 * cache made for other code (V8 itself only checks the source length and its own version, and
 * rejects a mismatch, which is then rewritten). `SPECTHREAD_CODE_CACHE` names another folder, or
 * `off` runs without one.
 */

/** Cache files not written for this long belong to builds no longer run: removed when another is written. */
const STALE_MS = 7 * 24 * 3600 * 1000;

export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env.SPECTHREAD_CODE_CACHE;
  if (named && /^(off|0|false|no)$/i.test(named)) return undefined;
  if (named) return path.resolve(named);
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || path.join(os.homedir(), '.cache');
  return path.join(base, 'specthread', 'v8');
}

/** Runs the CommonJS file `file` as Node's loader would, with its compiled code cached in `cacheDir` (none: plain compile) as `<name>-<hash>.bin`. */
export function runCached(file: string, cacheDir: string | undefined, name: string): void {
  let source = readFileSync(file, 'utf8');
  // Node's loader accepts a shebang line; a function body does not. Blanked, lines keep their numbers.
  if (source.startsWith('#!')) source = '//' + source.slice(2);
  const key = createHash('sha1').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 24);
  const cacheFile = cacheDir && path.join(cacheDir, `${name}-${key}.bin`);
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // At exit the cache holds what the command compiled lazily, not only the top level.
    process.once('exit', () => writeCache(cacheFile, () => script.createCachedData()));
  }
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  const requireFn = createRequire(file);
  // Listed among the loaded modules, as when Node loads dist/cli.js itself.
  requireFn.cache[file] = mod as unknown as NodeJS.Module;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, requireFn, mod, file, path.dirname(file));
  mod.loaded = true;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    // No cache yet (or unreadable): compiled from source, and the cache written at exit.
    return undefined;
  }
}

function writeCache(cacheFile: string, data: () => Buffer): void {
  try {
    const dir = path.dirname(cacheFile);
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: a concurrent run reads the old file or the new one, never half.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, data());
    renameSync(tmp, cacheFile);
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      const other = path.join(dir, name);
      if (other !== cacheFile && /^[a-z]+-[0-9a-f]+\.bin$/.test(name) && now - statSync(other).mtimeMs > STALE_MS) rmSync(other, { force: true });
    }
  } catch {
    // A read-only or full disk: the next run compiles from source again, as this one did.
  }
}
