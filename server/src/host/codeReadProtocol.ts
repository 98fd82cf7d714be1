// @spec specthread-core#21.2, specthread-core#21.4
import { FileNote } from '../core/fileNote';
import { codeFileFacts, traceTag } from '../core/trace/scanCodeFile';
import { CodeFileFacts, SkipReason, TraceRole, TraceTag } from '../core/trace/model';
import { Range } from '../core/text/range';
import { CodeRead, CodeReadBatch, ScannedCode } from '../core/workspace';
import { FOLLOW_LINK } from './readCodeFiles';

/**
 * The messages between the engine's thread and the code-reading thread (codeReadThread.ts and
 * codeReadWorker.ts). A batch of a few hundred files crosses as one message each way, in a
 * compact shape: structured cloning copies every object, and at 100,000 code files the plain
 * shapes cost the engine's thread tens of milliseconds and thousands of objects kept until applied.
 */
export interface ReadBatch {
  readonly id: number;
  /** The paths joined by NUL, which no path holds: one string clones in one copy, an array of them one by one. */
  readonly paths: string;
  /** Each path's role as one character (see ROLE_CODES): one string, not an array. */
  readonly roles: string;
  /** The size limit of files with a role (CodeReadBatch.maxBytes). */
  readonly maxBytes: number;
  /** The host's own size limit. */
  readonly hostMaxBytes: number;
  /** Whether each scanned file's content hash is wanted (CodeReadBatch.hashes). */
  readonly hashes: boolean;
  /** Set to 1 by the engine's thread when the read was cancelled: the worker stops at the next file. */
  readonly cancelled: Int32Array;
  /** Whether only paths in the plain folders the worker holds are read (the others answer FOLLOW_LINK_CODE). */
  readonly checkPlain: boolean;
  /**
   * Plain folders for the worker to keep for this and later batches (see CodeReadThread.read):
   * those of a new listing (`reset`: the ones it held are forgotten), or the ones a listing still
   * going on entered since the last batch.
   */
  readonly plainDirs?: PlainDirsUpdate;
}

/** What ReadBatch.plainDirs changes in the worker's set of plain folders. */
export interface PlainDirsUpdate {
  readonly reset: boolean;
  readonly added: readonly string[];
}

/** A role as one character of ReadBatch.roles: `w` for a file read whole and never scanned (the pin store). */
const ROLE_CODES = { source: 's', test: 't' } as const;
const WHOLE = 'w';

/**
 * One file as the worker found it: a number for the common outcomes, else an object. `text` is a
 * file read but not scanned (the pin store) or declined with its note; `scan` a file the worker
 * scanned, with what that came to.
 */
export type WireRead =
  | typeof NO_TRACE_CODE
  | typeof MISSING_CODE
  | typeof FOLLOW_LINK_CODE
  | typeof NO_TAGS_CODE
  | typeof TAGGED_CODE
  | { readonly text: string | undefined; readonly note: FileNote | undefined }
  | WireScan;

export const NO_TRACE_CODE = 0;
export const MISSING_CODE = 1;
export const FOLLOW_LINK_CODE = 2;
/** Scanned, no tag, no note, no hash asked for. */
export const NO_TAGS_CODE = 3;
/** Scanned, its facts next in the batch's tag table (see TagTable), no note, no hash asked for. */
export const TAGGED_CODE = 4;

/** A scanned file with more to say than the codes: a note, a hash, a skip or a fault. */
export interface WireScan {
  readonly scan: typeof NO_TAGS_CODE | typeof TAGGED_CODE | SkipReason | WireFault;
  readonly note?: FileNote;
  readonly hash?: string;
}

/**
 * What a scanner threw, as plain data: a thrown value need not be cloneable (a function throws
 * DataCloneError), and an Error's own name would be lost. The engine rebuilds it (faultOf) so
 * that its internal.error finding reads as it would for a fault on its own thread.
 */
export type WireFault = { readonly name: string; readonly message: string; readonly stack: string | undefined } | { readonly value: string | undefined };

export interface BatchDone {
  readonly id: number;
  /** Absent when the worker stopped because the batch was cancelled. */
  readonly reads?: readonly WireRead[];
  /** The facts of the batch's tagged files, in order (see TagTable). */
  readonly tags?: WireTags;
}

/**
 * The tags of a batch's scanned files as numbers and a table of strings: a file's facts as
 * objects were a dozen objects per tag to clone. Each tagged file is `[language, count]` and
 * `count` tags of TAG_INTS numbers each: flags (FLAG_*), the string indices of spec, id and pin
 * (-1 for none), then range, specRange, idRange and pinRange, four numbers each.
 */
export interface WireTags {
  readonly ints: Int32Array;
  /** Every string the tags name, each once per batch (the engine then holds one copy of each). */
  readonly strings: readonly string[];
}

const TAG_INTS = 20;
const FLAG_TITLE = 1;
const FLAG_PENDING = 2;

/** A batch as one message. */
export function encodeBatch(
  id: number,
  batch: CodeReadBatch,
  hostMaxBytes: number,
  cancelled: Int32Array,
  checkPlain = false,
  plainDirs?: PlainDirsUpdate,
): ReadBatch {
  let roles = '';
  for (const role of batch.roles) roles += role === undefined ? WHOLE : ROLE_CODES[role];
  const paths = batch.paths.join('\u0000');
  return { id, paths, roles, maxBytes: batch.maxBytes, hostMaxBytes, hashes: batch.hashes, cancelled, checkPlain, ...(plainDirs ? { plainDirs } : {}) };
}

/** The files of a batch, as the worker reads them: path and role (undefined: read whole, see CodeReadBatch.roles). */
export function filesOf(batch: ReadBatch): { readonly paths: string[]; readonly roles: (TraceRole | undefined)[] } {
  if (batch.roles.length === 0) return { paths: [], roles: [] };
  const roles: (TraceRole | undefined)[] = [];
  for (let i = 0; i < batch.roles.length; i++) roles.push(roleOf(batch.roles[i]!));
  return { paths: batch.paths.split('\u0000'), roles };
}

function roleOf(code: string): TraceRole | undefined {
  return code === ROLE_CODES.test ? 'test' : code === ROLE_CODES.source ? 'source' : undefined;
}

/** Collects the tags of a batch's tagged files on the worker (see WireTags). */
export class TagWriter {
  private readonly ints: number[] = [];
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  /** Adds a file's facts; the engine reads them back in the same order (TagReader.next). */
  add(facts: CodeFileFacts): void {
    const ints = this.ints;
    ints.push(this.stringIndex(facts.language), facts.tags.length);
    for (const tag of facts.tags) {
      ints.push(
        (tag.kind === 'title' ? FLAG_TITLE : 0) | (tag.pending ? FLAG_PENDING : 0),
        this.stringIndex(tag.spec),
        this.stringIndex(tag.id),
        tag.pin === undefined ? -1 : this.stringIndex(tag.pin),
      );
      pushRange(ints, tag.range);
      pushRange(ints, tag.specRange);
      pushRange(ints, tag.idRange);
      if (tag.pinRange) pushRange(ints, tag.pinRange);
      else ints.push(0, 0, 0, 0);
    }
  }

  /** The table, or undefined when no file of the batch had tags. */
  done(): WireTags | undefined {
    return this.ints.length === 0 ? undefined : { ints: Int32Array.from(this.ints), strings: this.strings };
  }

  private stringIndex(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }
}

function pushRange(ints: number[], r: Range): void {
  ints.push(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Reads the tagged files' facts back on the engine's thread, in the order they were added. */
export class TagReader {
  private at = 0;

  constructor(private readonly tags: WireTags | undefined) {}

  next(path: string, role: TraceRole): CodeFileFacts {
    const { ints, strings } = this.tags!;
    let o = this.at;
    const language = strings[ints[o]!]!;
    const count = ints[o + 1]!;
    o += 2;
    const tags: TraceTag[] = new Array<TraceTag>(count);
    for (let k = 0; k < count; k++, o += TAG_INTS) {
      const flags = ints[o]!;
      const pin = ints[o + 3]!;
      tags[k] = traceTag(
        strings[ints[o + 1]!]!,
        strings[ints[o + 2]!]!,
        pin < 0 ? undefined : strings[pin],
        flags & FLAG_TITLE ? 'title' : 'tag',
        rangeAt(ints, o + 4),
        rangeAt(ints, o + 8),
        rangeAt(ints, o + 12),
        pin < 0 ? undefined : rangeAt(ints, o + 16),
        (flags & FLAG_PENDING) !== 0,
      );
    }
    this.at = o;
    return codeFileFacts(path, language, role, tags);
  }
}

function rangeAt(ints: Int32Array, o: number): Range {
  return { start: { line: ints[o]!, character: ints[o + 1]! }, end: { line: ints[o + 2]!, character: ints[o + 3]! } };
}

/** What a scanner threw, as the worker sends it (see WireFault). */
export function wireFault(err: unknown): WireFault {
  if (err instanceof Error) return { name: String(err.name), message: String(err.message), stack: err.stack === undefined ? undefined : String(err.stack) };
  try {
    return { value: String(err) };
  } catch {
    return { value: undefined };
  }
}

/** The thrown value again, as the engine's fault handling sees one (internalError reads its name, message and stack). */
export function faultOf(wire: WireFault): unknown {
  if ('value' in wire) return wire.value === undefined ? Object.create(null) : wire.value;
  const err = new Error(wire.message);
  err.name = wire.name;
  err.stack = wire.stack;
  return err;
}

const MISSING: CodeRead = { text: undefined, note: undefined };
const NO_TRACE: CodeRead = { text: undefined, note: undefined, noTrace: true };
const NO_TAGS_SCAN: ScannedCode = Object.freeze({ facts: undefined });
const NO_TAGS: CodeRead = { text: undefined, note: undefined, scanned: NO_TAGS_SCAN };

/** A file as the engine takes it, given its path and role in the batch and the batch's tags. */
export function fromWire(read: WireRead, path: string, role: TraceRole | undefined, tags: TagReader): CodeRead | typeof FOLLOW_LINK {
  switch (read) {
    case NO_TRACE_CODE:
      return NO_TRACE;
    case MISSING_CODE:
      return MISSING;
    case FOLLOW_LINK_CODE:
      return FOLLOW_LINK;
    case NO_TAGS_CODE:
      return NO_TAGS;
    case TAGGED_CODE:
      return { text: undefined, note: undefined, scanned: { facts: tags.next(path, role!) } };
  }
  if (!('scan' in read)) return read;
  const { scan, note, hash } = read;
  const outcome: ScannedCode =
    scan === NO_TAGS_CODE
      ? NO_TAGS_SCAN
      : scan === TAGGED_CODE
        ? { facts: tags.next(path, role!) }
        : typeof scan === 'string'
          ? { skipped: scan }
          : { fault: faultOf(scan) };
  return { text: undefined, note, scanned: hash === undefined ? outcome : { ...outcome, hash } };
}
