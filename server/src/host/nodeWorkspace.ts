// @spec specthread-core#14.4, specthread-core#21.2
import { Dirent, promises as fs, readFileSync, readdirSync } from 'fs';
import ignore, { Ignore } from 'ignore';
import { CancellationToken, throwIfCancelled } from '../core/cancellation';
import { FileNote, FileNoteSink } from '../core/fileNote';
import { CodeRead, CodeReadBatch, CodeReadRequest, Workspace, codeReadRequest } from '../core/workspace';
import { CodeReadThread, DEFAULT_WORKER_SCRIPT } from './codeReadThread';
import { CAN_READ_WITHOUT_FOLLOWING, FOLLOW_LINK, readCodeFileSync, scratchBuffer } from './readCodeFiles';
import { readTextFile, tooLargeNote } from './readTextFile';
import { parentOf, toPosixPath } from './paths';

/** Folders never worth walking: version control internals and installed dependencies. */
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', 'node_modules']);
/** The lengths of those names: an entry of another length is not looked up, which would hash its name. */
const SKIPPED_LENGTHS = new Set([...ALWAYS_SKIPPED].map((name) => name.length));

/** Whether `path` lies in a folder no listing enters (ALWAYS_SKIPPED) below the root that holds it. */
export function isNeverListed(roots: readonly string[], path: string): boolean {
  const root = roots.find((r) => isInside([r], path));
  if (root === undefined) return false;
  return path
    .slice(root.length)
    .split('/')
    .some((name) => SKIPPED_LENGTHS.has(name.length) && ALWAYS_SKIPPED.has(name));
}

/**
 * Files larger than this are not read, with a note. Real spec files are far smaller; parsing is
 * linear (a 4 MiB requirements.md with its tasks checks in about 3.4 s), so the cap only keeps a
 * stray generated or dumped file from costing the editor seconds per keystroke.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * From how many code files in all a read goes to the code-reading thread (codeReadThread.ts).
 * Measured with the benchmark trees, the engine's thread saves about 20 µs per code file (0.5 s
 * at 25,000, 1.4 s at 100,000) and little at 5,000 (0.03-0.13 s), for a thread that costs about
 * 11 MB and a few milliseconds to start; below this, reading on the engine's thread is as good.
 */
export const MIN_FILES_FOR_THREAD = 2000;

/** How the host reads code files; tests point these elsewhere. */
export interface NodeWorkspaceOptions {
  /** The worker bundle of the code-reading thread (dist/codeReadWorker.js by default; undefined for none). */
  readonly workerScript?: string;
  /** See MIN_FILES_FOR_THREAD. */
  readonly minFilesForThread?: number;
  /** Where the one note goes when the thread cannot run (stderr by default). */
  readonly log?: (message: string) => void;
}

/** Folders listed between two yields to the event loop (a few milliseconds of readdir). */
const FOLDERS_PER_SLICE = 64;

interface IgnoreScope {
  readonly dir: string;
  readonly rules: Ignore;
  /** Set when every pattern of the .gitignore is a bare name: what the patterns can match (see namePatterns). */
  readonly names?: readonly { readonly start: string; readonly end: string }[];
  /** With `names`: whether each name that could match is ignored, as a file (`name`) or a folder (`name/`). */
  readonly byName?: Map<string, boolean>;
}

/** One walk's state: the real paths of the roots, and of folders already entered through a symlink. */
interface Walk {
  readonly realRoots: readonly string[];
  readonly linkedDirs: Map<string, string>;
  /** Folders entered without a symlink below a root: their files are read without resolving the path. */
  readonly plainDirs: Set<string>;
  /** The same folders in the order entered, for the code-reading thread (see CodeReadThread.read). */
  readonly plainDirList: string[];
  /** Where slices of the listing go while it goes on (see Workspace.listFiles), and how many files they were given. */
  readonly onSlice: ((paths: readonly string[]) => void) | undefined;
  given: number;
  readonly out: string[];
  /** Folders read so far, to yield to the event loop every FOLDERS_PER_SLICE of them. */
  folders: number;
  readonly onNote?: FileNoteSink;
  readonly token: CancellationToken;
}

/** A folder being listed: its entries, the next one to look at, and the .gitignore rules in force there. */
interface Folder {
  readonly dir: string;
  readonly realDir: string;
  readonly scopes: readonly IgnoreScope[];
  readonly entries: readonly Dirent[];
  next: number;
}

/**
 * The real file system behind the core's Workspace interface. Walks the roots honouring every
 * `.gitignore` on the way down (each file's patterns apply relative to its own folder, as git
 * does), follows symlinks that stay inside the roots, and reads files as text (see
 * readTextFile.ts). Whatever it declines, it reports as a note.
 */
export class NodeWorkspace implements Workspace {
  private readonly thread: CodeReadThread;
  /** The buffer this thread's synchronous reads reuse (see readCodeFiles.ts). */
  private readonly scratch = scratchBuffer();
  private readonly minFilesForThread: number;

  constructor(
    private folders: readonly string[],
    private readonly maxFileBytes = MAX_FILE_BYTES,
    options: NodeWorkspaceOptions = {},
  ) {
    const log = options.log ?? ((message: string) => process.stderr.write(`specthread: note: ${message}\n`));
    this.thread = new CodeReadThread('workerScript' in options ? options.workerScript : DEFAULT_WORKER_SCRIPT, log);
    this.minFilesForThread = options.minFilesForThread ?? MIN_FILES_FOR_THREAD;
  }

  /**
   * From the next listing on, the engine is given the listing in slices while it goes on
   * (Workspace.listFiles), so that code files are read on the other core from the first slice,
   * not once the walk is done; and once it has found MIN_FILES_FOR_THREAD files, the code-reading
   * thread starts and `also` runs (the CLI starts its statement thread there). A thread takes some
   * 40 ms of CPU to boot, which now runs on the core the listing leaves idle. Only the CLI asks:
   * the language server answers its first requests while it lists, and a thread booting and
   * reading then slowed those.
   */
  listForReading(also?: () => void): void {
    this.prestart = () => {
      this.thread.prestart();
      also?.();
    };
  }

  /** What a listing does once it is large; set by listForReading. */
  private prestart: (() => void) | undefined;

  /** Stops the code-reading thread, if it runs. */
  dispose(): void {
    this.thread.dispose();
  }

  private realRootsOf: { roots: readonly string[]; real: readonly string[] } | undefined;
  /** The plain folders of the listing going on or the last one (see Walk). */
  private plainDirs: ReadonlySet<string> = new Set();
  private plainDirList: readonly string[] = [];

  get roots(): readonly string[] {
    return this.folders;
  }

  /** The editor added or removed workspace folders; the engine re-indexes afterwards. */
  setRoots(roots: readonly string[]): void {
    this.folders = [...roots];
  }

  /**
   * The listing (see Workspace.listFiles). Slices go to `onSlice` only after `listForReading`;
   * the plain folders found so far are the ones code reads check against, from the walk's start,
   * so that a slice's files are read fast while the walk goes on.
   */
  async listFiles(token: CancellationToken, onNote?: FileNoteSink, onSlice?: (paths: readonly string[]) => void): Promise<readonly string[]> {
    const real = await this.realRoots();
    const walk: Walk = {
      realRoots: real,
      linkedDirs: new Map(),
      plainDirs: new Set(),
      plainDirList: [],
      out: [],
      folders: 0,
      onNote,
      token,
      onSlice: this.prestart ? onSlice : undefined,
      given: 0,
    };
    this.plainDirs = walk.plainDirs;
    this.plainDirList = walk.plainDirList;
    for (let i = 0; i < this.roots.length; i++) await this.walk(walk, this.roots[i], real[i], [], false);
    return walk.out;
  }

  /**
   * Lists the tree below `dir` (the folder as listed; `realDir` where it really is: a symlink to
   * `realDir` or to a folder above it is a loop), depth first, each folder's entries in the order
   * read. The folders being listed are kept on a stack rather than walked by recursive async
   * calls: those cost a promise and a turn of the microtask queue per folder, a third of a small
   * listing's time, while only a symlink or a yield needs to await.
   */
  private async walk(walk: Walk, dir: string, realDir: string, scopes: readonly IgnoreScope[], linked: boolean): Promise<void> {
    const stack: Folder[] = [];
    // Folders are read synchronously, a slice at a time: an awaited readdir per folder costs a
    // thread-pool round trip each, most of a cold listing's time, while a slice blocks for
    // milliseconds before requests get their turn. Only the slice's end awaits.
    const enter = (dir: string, realDir: string, scopes: readonly IgnoreScope[]) => {
      throwIfCancelled(walk.token);
      if (!linked) {
        walk.plainDirs.add(dir);
        walk.plainDirList.push(dir);
      }
      const folder = readFolder(dir, realDir, scopes, walk.onNote);
      if (folder) stack.push(folder);
    };
    if (++walk.folders % FOLDERS_PER_SLICE === 0) await sliceEnd(walk);
    enter(dir, realDir, scopes);
    while (stack.length > 0) {
      const folder = stack[stack.length - 1]!;
      if (folder.next === folder.entries.length) {
        stack.pop();
        continue;
      }
      const entry = folder.entries[folder.next++]!;
      if (SKIPPED_LENGTHS.has(entry.name.length) && ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = `${folder.dir}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        await this.followLink(walk, full, folder.realDir, folder.scopes);
        continue;
      }
      const isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) continue;
      if (isIgnored(folder.scopes, full, isDir, entry.name)) continue;
      if (!isDir) {
        if (walk.out.push(full) === this.minFilesForThread) this.prestart?.();
      } else {
        if (++walk.folders % FOLDERS_PER_SLICE === 0) await sliceEnd(walk);
        enter(full, `${folder.realDir}/${entry.name}`, folder.scopes);
      }
    }
  }

  /** A symlink is listed under its own path when its target stays inside the roots; otherwise it gets a note. */
  private async followLink(walk: Walk, full: string, realDir: string, scopes: readonly IgnoreScope[]): Promise<void> {
    const resolved = await realpath(full);
    if ('code' in resolved) {
      if (isIgnored(scopes, full, false)) return;
      const { code } = resolved;
      const detail =
        code === 'ELOOP'
          ? 'it is a symlink that leads back to itself'
          : code === 'ENOENT'
            ? 'it is a symlink whose target does not exist'
            : `its symlink could not be resolved (${code})`;
      walk.onNote?.({ path: full, reason: code === 'ELOOP' ? 'symlink-loop' : 'unreadable', detail });
      return;
    }
    const target = resolved.path;
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat || (!stat.isDirectory() && !stat.isFile())) return;
    const isDir = stat.isDirectory();
    if (isIgnored(scopes, full, isDir)) return;
    if (!isInside(walk.realRoots, target)) {
      walk.onNote?.({ path: full, reason: 'symlink-outside', detail: `it is a symlink to ${target}, outside the workspace, which SpecThread never follows` });
      return;
    }
    if (!isDir) {
      walk.out.push(full);
      return;
    }
    if (realDir === target || realDir.startsWith(target + '/')) {
      walk.onNote?.({ path: full, reason: 'symlink-loop', detail: `it is a symlink to ${target}, a folder that contains it, so following it would never end` });
      return;
    }
    // Each folder is entered through a symlink at most once: chains of links to links could
    // otherwise list the same files exponentially often, and loops through several links end.
    const earlier = walk.linkedDirs.get(target);
    if (earlier !== undefined) {
      walk.onNote?.({ path: full, reason: 'symlink-repeat', detail: `it is a symlink to ${target}, which was already listed through ${earlier}` });
      return;
    }
    walk.linkedDirs.set(target, full);
    await this.walk(walk, full, target, scopes, true);
  }

  async stat(path: string, _token: CancellationToken): Promise<{ size: number } | undefined> {
    const stat = await fs.stat(path).catch(() => undefined);
    return stat?.isFile() ? { size: stat.size } : undefined;
  }

  async isFolder(path: string, _token: CancellationToken): Promise<boolean> {
    const stat = await fs.stat(path).catch(() => undefined);
    return stat?.isDirectory() ?? false;
  }

  async readFile(path: string, _token: CancellationToken, onNote?: FileNoteSink): Promise<string | undefined> {
    // A file in a plain folder of the last listing is read in one synchronous pass, like a code
    // file (see readCodeFiles.ts): no realpath, no separate stat, no thread-pool round trips. At
    // 6,000 spec files that was a fifth of a cold check's file-system time. A symlink there
    // (ELOOP) and every other path take the careful way below.
    if (CAN_READ_WITHOUT_FOLLOWING && this.plainDirs.has(parentOf(path))) {
      const read = readCodeFileSync({ path, maxBytes: Number.POSITIVE_INFINITY, markers: [] }, this.maxFileBytes, this.scratch);
      if (read !== FOLLOW_LINK) {
        if (read.note) onNote?.(read.note);
        return read.text;
      }
    }
    // A path can reach the engine without a listing (a watcher event, an open editor): the
    // symlink rule must hold for reads too.
    const resolved = await realpath(path);
    // A missing file (most often an optional config file before the listing exists) is answered
    // here, as readTextFile would answer it, without a second failing system call.
    if ('code' in resolved && (resolved.code === 'ENOENT' || resolved.code === 'ENOTDIR')) return undefined;
    if ('path' in resolved && isInside(this.roots, path) && !isInside(await this.realRoots(), resolved.path)) {
      onNote?.({ path, reason: 'symlink-outside', detail: `it is a symlink to ${resolved.path}, outside the workspace, which SpecThread never follows` });
      return undefined;
    }
    return readTextFile(path, this.maxFileBytes, onNote);
  }

  /** The engine read what it wanted: the thread stops now if it has nothing in flight (see Workspace.codeReadsDone). */
  codeReadsDone(): void {
    this.thread.stopIfIdle();
  }

  /** Resolves once the code-reading thread has answered every batch asked of it (see CodeReadThread.whenIdle). */
  codeReadsSettled(): Promise<void> {
    return this.thread.whenIdle();
  }

  /** Reads of this many code files in all run on the code-reading thread (see readCodeFiles). */
  readsCodeInBackground(total: number): boolean {
    return CAN_READ_WITHOUT_FOLLOWING && total >= this.minFilesForThread && this.thread.usable;
  }

  /**
   * Code files in a plain folder of the last listing are read in one synchronous pass each (see
   * readCodeFiles.ts): on the code-reading thread when the engine reads enough of them in all
   * (`total`, see readsCodeInBackground), so that it parses specs meanwhile and the thread scans
   * what it read (codeReadWorker.ts); otherwise here, the batch at once, its size bounding how
   * long that blocks, with the texts left for the engine to scan. Any other path (a symlink, a
   * file the listing has not seen) is read the careful way, like `readFile`: the thread is given
   * the listing's plain folders and answers FOLLOW_LINK for such a path, since testing 100,000
   * paths against them here was a third of what asking for the reads cost the engine's thread.
   */
  async readCodeFiles(batch: CodeReadBatch, token: CancellationToken, total = 0): Promise<readonly CodeRead[]> {
    const { paths } = batch;
    const threaded = this.readsCodeInBackground(total) ? await this.thread.read(batch, this.maxFileBytes, token, this.plainDirList) : undefined;
    const fast = threaded ? true : this.plainPaths(paths);
    const out: CodeRead[] = new Array<CodeRead>(paths.length);
    for (let i = 0; i < paths.length; i++) {
      throwIfCancelled(token);
      const plain = fast === true || (fast !== false && fast[i] === 1);
      const read = threaded ? threaded[i]! : !plain ? FOLLOW_LINK : readCodeFileSync(codeReadRequest(batch, i), this.maxFileBytes, this.scratch);
      out[i] = read === FOLLOW_LINK ? await this.readCodeCarefully(codeReadRequest(batch, i), token) : read;
    }
    return out;
  }

  /**
   * Which paths lie in a plain folder of the last listing: true for all of them (the usual
   * answer), false for none, else one byte per path, without an array of answers per batch.
   * (Comparing each path with the folder of the one before instead of cutting out its folder
   * measured slower: `startsWith` compares characters one at a time, a set lookup hashes natively.)
   */
  private plainPaths(paths: readonly string[]): true | false | Uint8Array {
    if (!CAN_READ_WITHOUT_FOLLOWING) return false;
    let mixed: Uint8Array | undefined;
    for (let i = 0; i < paths.length; i++) {
      const plain = this.plainDirs.has(parentOf(paths[i]!));
      if (!plain && !mixed) mixed = new Uint8Array(paths.length).fill(1, 0, i);
      if (mixed) mixed[i] = plain ? 1 : 0;
    }
    return mixed ?? true;
  }

  private async readCodeCarefully({ path, maxBytes }: CodeReadRequest, token: CancellationToken): Promise<CodeRead> {
    const stat = await this.stat(path, token);
    if (!stat) return { text: undefined, note: undefined };
    if (stat.size > maxBytes) return { text: undefined, note: tooLargeNote(path, stat.size, maxBytes) };
    let note: FileNote | undefined;
    const text = await this.readFile(path, token, (n) => (note = n));
    return { text, note };
  }

  /** The roots' real paths (a root may itself sit below a symlink, as /tmp does on macOS), cached until the roots change. */
  private async realRoots(): Promise<readonly string[]> {
    if (this.realRootsOf?.roots !== this.folders) {
      const real: string[] = [];
      for (const root of this.folders) {
        const r = await realpath(root);
        real.push('path' in r ? r.path : root);
      }
      this.realRootsOf = { roots: this.folders, real };
    }
    return this.realRootsOf.real;
  }
}

/** The real path, or the error code when it cannot be resolved. */
async function realpath(p: string): Promise<{ path: string } | { code: string }> {
  try {
    return { path: toPosixPath(await fs.realpath(p)) };
  } catch (err) {
    return { code: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}

/** Hands the files listed since the last slice to the walk's `onSlice`, then gives the event loop a turn. */
function sliceEnd(walk: Walk): Promise<void> {
  if (walk.onSlice && walk.out.length > walk.given) {
    const slice = walk.out.slice(walk.given);
    walk.given = walk.out.length;
    walk.onSlice(slice);
  }
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads a folder's entries and its .gitignore, if any; undefined (with a note when that says something) when it cannot be read. */
function readFolder(dir: string, realDir: string, scopes: readonly IgnoreScope[], onNote: FileNoteSink | undefined): Folder | undefined {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      onNote?.({ path: dir, reason: 'unreadable', detail: `the folder could not be opened (${code ?? String(err)}); nothing below it was read` });
    return undefined;
  }
  let here = scopes;
  if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    const text = readGitignore(`${dir}/.gitignore`);
    const names = namePatterns(text);
    here = [...scopes, { dir, rules: ignore().add(text), names, byName: names && new Map() }];
  }
  return { dir, realDir, scopes: here, entries, next: 0 };
}

/** A .gitignore's patterns; one that cannot be read ignores nothing. */
function readGitignore(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isInside(roots: readonly string[], p: string): boolean {
  return roots.some((r) => p === r || p.startsWith(r.endsWith('/') ? r : r + '/'));
}

/**
 * What a .gitignore whose patterns are all bare names (`*.log`, `dist/`, `!keep.log`, as most
 * are) can match: each pattern's literal start and end, lower-cased (the `ignore` package ignores
 * case). Such a pattern matches a path by its last name alone, so for an entry of a folder the
 * walk entered (the folders above it were not ignored) the answer depends on the entry's name
 * only, and a name that starts and ends unlike every pattern is not ignored. Matching every path
 * against the patterns instead (the `ignore` package tests and caches each one) was a fifth of a
 * cold listing of 100,000 files. Undefined for any other .gitignore (a slash inside a pattern, a
 * backslash escape or a character outside printable ASCII), which is matched by path.
 */
export function namePatterns(gitignore: string): { readonly start: string; readonly end: string }[] | undefined {
  const out: { start: string; end: string }[] = [];
  for (const raw of gitignore.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const body = (line.startsWith('!') ? line.slice(1) : line).replace(/\/$/, '').toLowerCase();
    // Non-ASCII letters are left to the package: lower-casing them is not the case folding its regular expressions do.
    if (body === '' || body.includes('/') || body.includes('\\') || /[^\x20-\x7e]/.test(body)) return undefined;
    const first = body.search(/[*?[]/);
    const last = Math.max(body.lastIndexOf('*'), body.lastIndexOf('?'), body.lastIndexOf(']'), body.lastIndexOf('['));
    out.push(first < 0 ? { start: body, end: body } : { start: body.slice(0, first), end: body.slice(last + 1) });
  }
  return out;
}

/** Could any of these patterns match the name? False means the name is not ignored (see namePatterns). */
function couldMatch(patterns: readonly { readonly start: string; readonly end: string }[], name: string): boolean {
  // An ASCII last character lower-cases alone, whatever precedes it: when no pattern ends with
  // it (or with nothing), no pattern can match, and the name need not be lower-cased at all.
  const code = name.charCodeAt(name.length - 1);
  if (code < 128) {
    const small = code >= 65 && code <= 90 ? code + 32 : code;
    if (!patterns.some((p) => p.end === '' || p.end.charCodeAt(p.end.length - 1) === small)) return false;
  }
  const lower = name.toLowerCase();
  // The length and the last character first: `endsWith` and `startsWith` are costly builtins,
  // and `.log`, `dist` and the like rule out most names by their last character.
  const last = lower.charCodeAt(lower.length - 1);
  return patterns.some(
    (p) =>
      lower.length >= Math.max(p.start.length, p.end.length) &&
      (p.end === '' || p.end.charCodeAt(p.end.length - 1) === last) &&
      lower.endsWith(p.end) &&
      lower.startsWith(p.start),
  );
}

/**
 * Is the entry `full` (named `name`) ignored by any .gitignore above it? Only called for entries
 * of folders the walk entered, which namePatterns relies on.
 */
function isIgnored(scopes: readonly IgnoreScope[], full: string, isDir: boolean, name = full.slice(full.lastIndexOf('/') + 1)): boolean {
  for (const scope of scopes) {
    if (scope.names) {
      if (!couldMatch(scope.names, name)) continue;
      const key = isDir ? name + '/' : name;
      let ignored = scope.byName!.get(key);
      if (ignored === undefined) scope.byName!.set(key, (ignored = scope.rules.ignores(key)));
      if (ignored) return true;
      continue;
    }
    const rel = full.slice(scope.dir.length + 1);
    if (rel && scope.rules.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}
