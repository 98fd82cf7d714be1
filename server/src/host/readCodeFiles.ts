// @spec specthread-core#21.2
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { FileNote } from '../core/fileNote';
import { bytesNeedScan } from '../core/trace/traceMarkers';
import { CodeRead, CodeReadRequest } from '../core/workspace';
import { binaryReason, hasUtf16Bom, withoutUtf8Bom } from './decodeText';
import { textOf, tooLargeNote, unreadableNote } from './readTextFile';

/**
 * Reads code files for the trace scan with as few system calls as there can be: open, fstat,
 * read, close, each synchronous. Promise-based reads cost a thread-pool round trip per call and
 * `fs.promises.readFile` adds its own stat; on 50,000 small files a synchronous loop takes about
 * a fifth of the CPU time of 16 promise reads in flight and a twentieth of one read at a time
 * (.bench/readbench.mjs). The caller bounds how long one call blocks by the size of its batch.
 *
 * `O_NOFOLLOW` makes a symlink in the last path component fail with ELOOP instead of being
 * followed, and `O_NONBLOCK` keeps a named pipe from blocking the open; the caller only asks for
 * files in folders its walk entered without a symlink, so no symlink anywhere on the path is
 * followed unchecked. Platforms without `O_NOFOLLOW` (Windows) do not use this reader.
 */
const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;

/** Whether this platform can open a file without following a symlink, which the fast read needs. */
export const CAN_READ_WITHOUT_FOLLOWING = O_NOFOLLOW !== undefined;

/** Returned for a path that turned out to be a symlink: the caller reads it the careful way. */
export const FOLLOW_LINK = 'follow-link';

/**
 * A buffer one reader reuses for every file up to SCRATCH_MAX bytes: the bytes are only looked at
 * and decoded into a new string, never kept, and a fresh buffer per file was 100,000 allocations
 * (hundreds of megabytes through the garbage collector) in a cold read of a large workspace.
 */
export interface ScratchBuffer {
  bytes: Buffer;
}

const SCRATCH_MAX = 1024 * 1024;

export function scratchBuffer(): ScratchBuffer {
  return { bytes: Buffer.allocUnsafe(64 * 1024) };
}

export function readCodeFileSync(request: CodeReadRequest, hostMaxBytes: number, scratch?: ScratchBuffer): CodeRead | typeof FOLLOW_LINK {
  const { path, markers } = request;
  const limit = Math.min(request.maxBytes, hostMaxBytes);
  let fd: number;
  try {
    fd = fs.openSync(path, O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return FOLLOW_LINK;
    // Gone between listing and reading, or never there: nothing to say about it.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return MISSING;
    return declined(unreadableNote(path, err));
  }
  let bytes: Buffer;
  try {
    const whole = scratch ? readWhole(fd, scratch) : undefined;
    if (whole === NOT_A_FILE) return MISSING;
    if (whole !== undefined) {
      if (whole.length > limit) return declined(tooLargeNote(path, whole.length, limit));
      bytes = whole;
    } else {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return MISSING;
      if (stat.size > limit) return declined(tooLargeNote(path, stat.size, limit));
      if (scratch && stat.size <= SCRATCH_MAX) {
        if (scratch.bytes.length < stat.size) scratch.bytes = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, 2 * stat.size));
        bytes = scratch.bytes.subarray(0, stat.size);
      } else bytes = Buffer.allocUnsafe(stat.size);
      let read = 0;
      for (let n = -1; read < bytes.length && n !== 0; read += n) n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      bytes = bytes.subarray(0, read);
    }
  } catch (err) {
    return declined(unreadableNote(path, err));
  } finally {
    fs.closeSync(fd);
  }
  return classify(path, bytes, markers);
}

/**
 * The bytes as a code read: binary files get their note, plain UTF-8 without a marker is not
 * decoded (see core/trace/traceMarkers.ts), everything else is decoded as `readFile` would.
 */
export function classify(path: string, bytes: Uint8Array, markers: readonly string[]): CodeRead {
  if (markers.length > 0 && !hasUtf16Bom(bytes)) {
    const body = withoutUtf8Bom(bytes);
    const why = binaryReason(body, bytes.length - body.length);
    if (why !== undefined) return declined({ path, reason: 'binary', detail: why });
    if (!bytesNeedScan(body, markers) && isUtf8(body)) return NO_TRACE;
  }
  let note: FileNote | undefined;
  const text = textOf(path, bytes, (n) => (note = n));
  return { text, note };
}

/** What readWhole answers for an open file that is no regular file (a folder, a device, a pipe). */
const NOT_A_FILE = 'not-a-file';

/**
 * A whole file read into the scratch buffer without asking its size first, when it fits: the bytes,
 * or NOT_A_FILE, or undefined when the buffer filled up (the file may be larger; the caller then
 * asks fstat and reads it as before). An fstat per file was a tenth of the code-reading thread's
 * time at 100,000 files (the call and the Stats object with its four dates); a file that reads
 * fewer bytes than the buffer holds has ended, which is all the size was asked for. A folder fails
 * the read with EISDIR and a pipe with EAGAIN; an empty read may be a device or a pipe without a
 * writer, so only those two are asked what they are, and a file that is none is absent, as fstat
 * said before.
 */
function readWhole(fd: number, scratch: ScratchBuffer): Buffer | typeof NOT_A_FILE | undefined {
  const buffer = scratch.bytes;
  let read = 0;
  try {
    for (let n = -1; read < buffer.length && n !== 0; read += n) n = fs.readSync(fd, buffer, read, buffer.length - read, read);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'EAGAIN') return NOT_A_FILE;
    throw err;
  }
  if (read === buffer.length) return undefined;
  if (read === 0 && !fs.fstatSync(fd).isFile()) return NOT_A_FILE;
  return buffer.subarray(0, read);
}

const MISSING: CodeRead = { text: undefined, note: undefined };
const NO_TRACE: CodeRead = { text: undefined, note: undefined, noTrace: true };

function declined(note: FileNote): CodeRead {
  return { text: undefined, note };
}
