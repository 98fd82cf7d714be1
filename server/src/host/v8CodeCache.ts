// @spec specthread-core#21.4
import { isAscii } from 'buffer';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { Script } from 'vm';
import { osModule, v8Module } from './lazyBuiltins';

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
 * bundle file itself (its path, device, inode, size, modification and change times) and the Node
 * version, so a rebuilt, reinstalled or upgraded CLI never meets a cache made for other code: any
 * write to the bundle changes its change time, which no tool can set back. (V8 itself only checks
 * the source length and its own version, and rejects a mismatch, which is then rewritten.) The
 * key used to be a SHA-1 of the bundle's text, which cost loading `crypto` and hashing 800 KB on
 * every start, some 5 ms of a 200 ms `check`. `SPECTHREAD_CODE_CACHE` names another folder, or
 * `off` runs without one.
 *
 * The cache holds the functions the run that wrote it had compiled by its exit. A short first run
 * (`--version`, a server stopped at once) wrote a thin cache, and every later, longer run compiled
 * the rest again on each start, ~50 ms. So a run over a cache that may be thin (THIN_CACHE_RATIO)
 * that compiled clearly more than it held rewrites it (see `rewriteIfGrown`).
 */

/** Cache files not written for this long belong to builds no longer run: removed when another is written. */
const STALE_MS = 7 * 24 * 3600 * 1000;

/**
 * A cache smaller than this many bytes per character of the bundle's source may be thin, and the
 * run checks at exit whether it outgrew it (loading `v8` for its heap statistics); a larger one is
 * left alone at no cost. Measured with dist/cli.js built without kept names and with Ajv, yaml and
 * the entity table loaded on first use: a cache written by a run that did little more than load
 * the bundle is 0.60× (CLI `--version`), 0.69× (`check` of an empty folder) and 0.83× (a server
 * stopped at once) its source; after a `check` of a repository 1.0× (OpenSpec) to 1.06×. The
 * less the bundle evaluates at load, the lower both sides; a complete cache taken for thin costs
 * each run the probe (`v8` and its streams, a few milliseconds), never a wrong result.
 */
const THIN_CACHE_RATIO = 0.9;

/**
 * Bytecode compiled since the cache was loaded beyond which a run may have outgrown its cache.
 * A run over a full cache compiles some 15-100 KB more (Node's own modules, code the cache could
 * not hold); a `check` over the cache a `--version` left compiled ~280 KB.
 */
const GROWTH_PROBE_BYTES = 128 * 1024;

/** A new cache replaces the loaded one only when it is this much larger: run after run, the cache then settles. */
const REWRITE_FACTOR = 1.1;

/**
 * Above this much CPU time a run serializes its code at exit without the bytecode probe first:
 * serializing costs ~10 ms, under 1 % of such a run, and the probe walks the heap, which at the
 * benchmark's largest size cost more than serializing.
 */
const LONG_RUN_CPU_MICROS = 1_000_000;

export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env.SPECTHREAD_CODE_CACHE;
  if (named && /^(off|0|false|no)$/i.test(named)) return undefined;
  if (named) return path.resolve(named);
  return path.join(env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || path.join(homeDir(env), '.cache'), 'specthread', 'v8');
}

/**
 * The user's home folder. On POSIX `os.homedir()` answers `HOME` when it is set, so that is read
 * directly, and the `os` module is loaded only without it (or on Windows).
 */
function homeDir(env: NodeJS.ProcessEnv): string {
  return (process.platform !== 'win32' && env.HOME) || osModule().homedir();
}

/**
 * Runs the CommonJS file `file` as Node's loader would, with its compiled code cached in `cacheDir`
 * (none: plain compile) as `<name>-<key>.bin`. `flags` are V8 flags the bundle runs under: set
 * here before it is compiled, and set again before its code is serialized at exit. V8 stamps a
 * cache with a hash of every flag's value and rejects it at load when the hash differs, and a
 * run may change a flag meanwhile (the language server tightens `--heap-growing-percent` once
 * start-up is done, lsp/afterStartup.ts): its cache, written under the changed value, was
 * rejected at every next start, which compiled the whole bundle again (~35 ms before the first
 * diagnostics) and rewrote the cache at exit, under the changed value again.
 */
export function runCached(file: string, cacheDir: string | undefined, name: string, flags: readonly string[] = []): void {
  setFlags(flags);
  const bytes = readFileSync(file);
  const cacheFile = cacheDir && path.join(cacheDir, `${name}-${bundleKey(file)}.bin`);
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
  const script = new Script(wrappedSource(bytes), { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // At exit the cache holds what the command compiled lazily, not only the top level.
    process.once('exit', () => {
      setFlags(flags);
      writeCache(cacheFile, script.createCachedData());
    });
  } else if (cacheFile && cachedData && cachedData.length < bytes.length * THIN_CACHE_RATIO) {
    const loadedBytecode = bytecodeSize();
    process.once('exit', () => {
      setFlags(flags);
      rewriteIfGrown(cacheFile, script, cachedData.length, loadedBytecode);
    });
  }
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  const requireFn = createRequire(file);
  // Listed among the loaded modules, as when Node loads dist/cli.js itself.
  requireFn.cache[file] = mod as unknown as NodeJS.Module;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, requireFn, mod, file, path.dirname(file));
  mod.loaded = true;
}

const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n});';

/**
 * A bundle's text wrapped as Node's CommonJS loader wraps a module, its shebang line (which Node's
 * loader accepts and a function body does not) blanked into a comment, so lines keep their
 * numbers. Our bundles are ASCII (esbuild escapes what it can, scripts/asciiSource.js the rest),
 * and ASCII is its own Latin-1: the wrapped bytes are copied into one flat one-byte string, where
 * decoding dist/cli.js's 800 KB as UTF-8 cost some 19M instructions on every start, and the
 * wrapping made a second copy of the text. Any other file is decoded as UTF-8.
 */
export function wrappedSource(bytes: Buffer): string {
  if (!isAscii(bytes)) {
    const text = bytes.toString('utf8');
    return `${WRAPPER_START}${text.startsWith('#!') ? '//' + text.slice(2) : text}${WRAPPER_END}`;
  }
  const wrapped = Buffer.allocUnsafe(WRAPPER_START.length + bytes.length + WRAPPER_END.length);
  wrapped.write(WRAPPER_START, 0, 'latin1');
  bytes.copy(wrapped, WRAPPER_START.length);
  if (bytes[0] === 0x23 && bytes[1] === 0x21) wrapped.write('//', WRAPPER_START.length, 'latin1');
  wrapped.write(WRAPPER_END, WRAPPER_START.length + bytes.length, 'latin1');
  return wrapped.toString('latin1');
}

/**
 * The bundle file's identity as a hex key: its path and stat, the Node version and architecture.
 * A string hash (FNV-1a, 2 × 32 bits) is enough: the key only has to differ between bundles, and
 * a collision would need two bundles of the same length at once (V8 rejects any other mismatch).
 */
export function bundleKey(file: string): string {
  const s = statSync(file, { bigint: true });
  const identity = [process.version, process.arch, path.resolve(file), s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join('\n');
  return fnv1a(identity, 0x811c9dc5) + fnv1a(identity, 0x01000193);
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Rewrites an accepted cache when this run compiled clearly more than it held: the code V8 would
 * serialize now is larger than the loaded cache by REWRITE_FACTOR. Serializing costs ~10 ms, so a
 * short run first asks whether it compiled much at all (bytecode grown by GROWTH_PROBE_BYTES since
 * the cache was loaded, ~1 ms); a run that compiled little stops there. The new cache holds the
 * loaded one's functions too, so rewrites only ever grow it.
 */
export function rewriteIfGrown(cacheFile: string, script: Script, loadedLength: number, loadedBytecode: number): void {
  try {
    const cpu = process.cpuUsage();
    if (cpu.user + cpu.system < LONG_RUN_CPU_MICROS && bytecodeSize() - loadedBytecode < GROWTH_PROBE_BYTES) return;
    const data = script.createCachedData();
    if (data.length > loadedLength * REWRITE_FACTOR) writeCache(cacheFile, data);
  } catch {
    // An optimization only: the cache stays as it was.
  }
}

/** Sets V8 flags; no flags, no `v8` module loaded. */
function setFlags(flags: readonly string[]): void {
  for (const flag of flags) v8Module().setFlagsFromString(flag);
}

function bytecodeSize(): number {
  return v8Module().getHeapCodeStatistics().bytecode_and_metadata_size;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    // No cache yet (or unreadable): compiled from source, and the cache written at exit.
    return undefined;
  }
}

function writeCache(cacheFile: string, data: Buffer): void {
  try {
    const dir = path.dirname(cacheFile);
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: a concurrent run reads the old file or the new one, never half.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
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
