// @spec specthread-core#21.4
import { writeSync } from 'fs';

/**
 * The descriptors whose output goes through Node's stream for good, after write(2) could not
 * take it: later text must queue behind what the stream holds, or it would overtake it.
 */
const THROUGH_STREAM = new Set<1 | 2>();

/**
 * Writes the CLI's output to stdout (fd 1) or stderr (fd 2) with write(2) itself. Touching
 * `process.stdout` or `process.stderr` makes Node build a stream for it (for a pipe, a net.Socket:
 * Node's stream and net modules, some 25 of them), which cost some 13M instructions of every run
 * that prints anything, a tenth of a `check` of a small repository above Node's own start. A
 * blocking descriptor (what a shell or Node's child_process gives a child) takes the whole text,
 * in order, as the stream would have written it. When write(2) cannot go on (a non-blocking
 * descriptor that is full, shared with a process that set it so; a closed one), the rest goes to
 * the stream, which waits or reports as before, and so does all later output to that descriptor,
 * so nothing overtakes it. Windows, where Node writes to pipes asynchronously, uses the stream.
 * Everything the CLI prints goes through here, so no other write reaches the stream first.
 */
export function writeStdio(fd: 1 | 2, text: string): void {
  if (!text) return;
  const stream = fd === 1 ? () => process.stdout : () => process.stderr;
  if (process.platform === 'win32' || THROUGH_STREAM.has(fd)) {
    stream().write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } catch {
    THROUGH_STREAM.add(fd);
    stream().write(bytes.subarray(written));
  }
}
