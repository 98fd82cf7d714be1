// @spec specthread-core#21.2
import { FileNote } from '../core/fileNote';
import { CodeRead, CodeReadRequest } from '../core/workspace';
import { FOLLOW_LINK } from './readCodeFiles';

/**
 * The messages between the engine's thread and the code-reading thread (codeReadThread.ts and
 * codeReadWorker.ts). A batch of a few hundred requests crosses as one message each way, in a
 * compact shape: structured cloning copies every object, and at 100,000 code files the plain
 * shapes cost the engine's thread tens of milliseconds and thousands of objects kept until applied.
 */
export interface ReadBatch {
  readonly id: number;
  /** The paths joined by NUL, which no path holds: one string clones in one copy, an array of them one by one. */
  readonly paths: string;
  /** Each request's `maxBytes` (Infinity for the pin store). */
  readonly maxBytes: Float64Array;
  /** Each request's markers, as an index into `markerSets`. */
  readonly markerSet: Uint16Array;
  /** The distinct marker lists of the batch (most batches have one or two). */
  readonly markerSets: readonly (readonly string[])[];
  /** The host's own size limit. */
  readonly hostMaxBytes: number;
  /** Set to 1 by the engine's thread when the read was cancelled: the worker stops at the next file. */
  readonly cancelled: Int32Array;
}

/** One file as the worker found it: a number for the common outcomes, else the text and note. */
export type WireRead =
  typeof NO_TRACE_CODE | typeof MISSING_CODE | typeof FOLLOW_LINK_CODE | { readonly text: string | undefined; readonly note: FileNote | undefined };

export const NO_TRACE_CODE = 0;
export const MISSING_CODE = 1;
export const FOLLOW_LINK_CODE = 2;

export interface BatchDone {
  readonly id: number;
  /** Absent when the worker stopped because the batch was cancelled. */
  readonly reads?: readonly WireRead[];
}

/** A batch as one message. */
export function encodeBatch(id: number, requests: readonly CodeReadRequest[], hostMaxBytes: number, cancelled: Int32Array): ReadBatch {
  const markerSets: (readonly string[])[] = [];
  const keys = new Map<string, number>();
  const markerSet = new Uint16Array(requests.length);
  const maxBytes = new Float64Array(requests.length);
  requests.forEach((r, i) => {
    const key = r.markers.length === 1 ? r.markers[0]! : r.markers.join('\u0000');
    let k = keys.get(key);
    if (k === undefined) {
      k = markerSets.push(r.markers) - 1;
      keys.set(key, k);
    }
    markerSet[i] = k;
    maxBytes[i] = r.maxBytes;
  });
  return { id, paths: requests.map((r) => r.path).join('\u0000'), maxBytes, markerSet, markerSets, hostMaxBytes, cancelled };
}

/** The requests of a batch, as the worker reads them. */
export function requestsOf(batch: ReadBatch): CodeReadRequest[] {
  if (batch.maxBytes.length === 0) return [];
  return batch.paths.split('\u0000').map((path, i) => ({ path, maxBytes: batch.maxBytes[i]!, markers: batch.markerSets[batch.markerSet[i]!]! }));
}

export function toWire(read: CodeRead | typeof FOLLOW_LINK): WireRead {
  if (read === FOLLOW_LINK) return FOLLOW_LINK_CODE;
  if (read.noTrace) return NO_TRACE_CODE;
  if (read.text === undefined && read.note === undefined) return MISSING_CODE;
  return { text: read.text, note: read.note };
}

const MISSING: CodeRead = { text: undefined, note: undefined };
const NO_TRACE: CodeRead = { text: undefined, note: undefined, noTrace: true };

export function fromWire(read: WireRead): CodeRead | typeof FOLLOW_LINK {
  if (read === NO_TRACE_CODE) return NO_TRACE;
  if (read === MISSING_CODE) return MISSING;
  if (read === FOLLOW_LINK_CODE) return FOLLOW_LINK;
  return read;
}
