// @spec specthread-core#8.1, specthread-core#21.2
import { NEVER_CANCELLED } from '../core/cancellation';
import { syntaxFor } from '../core/trace/languages';
import { CodeFileFacts } from '../core/trace/model';
import { scanCodeFile } from '../core/trace/scanCodeFile';
import { CodeRead, CodeReadRequest } from '../core/workspace';

/** How far into a text `CodeFiles.set` looks for a NUL before it calls the file binary. */
const BINARY_REACH = 8000;

/**
 * A code read as the engine asked for it (see CodeReadRequest.scanAs): the text scanned for trace
 * tags here, and only the facts kept, so that on the code-reading thread the scan runs beside the
 * engine's spec parsing instead of after it, and no text crosses between the threads. A text the
 * engine would not scan as it is (over the size limit, binary, a name without a known language)
 * and a scanner that throws leave the read as it was: the engine then does what it did before,
 * down to the internal error it reports for that file.
 */
export function scanCodeRead(request: CodeReadRequest, read: CodeRead): CodeRead {
  const { text } = read;
  if (request.scanAs === undefined || text === undefined) return read;
  if (text.length > request.maxBytes || text.slice(0, BINARY_REACH).includes('\u0000')) return read;
  const syntax = syntaxFor(request.path);
  if (!syntax) return read;
  let facts: CodeFileFacts;
  try {
    facts = scanCodeFile(request.path, text, syntax, request.scanAs, NEVER_CANCELLED);
  } catch {
    return read;
  }
  // No tag and nothing to note is what a file without a marker comes to, and crosses as one number.
  if (facts.tags.length === 0 && read.note === undefined) return NO_TAGS;
  return { text: undefined, note: read.note, facts };
}

const NO_TAGS: CodeRead = { text: undefined, note: undefined, noTrace: true };
