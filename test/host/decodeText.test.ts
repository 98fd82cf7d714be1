// @spec specthread-core#14.4
import * as assert from 'assert';
import fc from 'fast-check';
import { binaryReason, decodeCarefully, decodeText } from '../../server/src/host/decodeText';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/** Pieces that reach every branch: BOMs, NUL, control and allowed whitespace bytes, multi-byte and broken sequences. */
const PIECE = fc.constantFrom(
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x00],
  [0x01],
  [0x08],
  [0x09, 0x0a, 0x0d],
  [0x0b, 0x0c],
  [0x0e],
  [0x1a],
  [0x1b],
  [0x1f],
  [0x7f],
  [0x41, 0x42, 0x43],
  [0x20],
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xc3],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xe9],
);
const BYTES = fc.array(PIECE, { maxLength: 40 }).map((pieces) => Uint8Array.from(pieces.flat()));

describe('decodeText: the native path for plain UTF-8 decides as the careful one', () => {
  it('gives the same result as decodeCarefully on any bytes', () => {
    fc.assert(
      fc.property(BYTES, (bytes) => assert.deepStrictEqual(decodeText(bytes), decodeCarefully(bytes))),
      { seed: FUZZ_SEED, numRuns: runsFor(2000) },
    );
  });

  it('gives the same result past the 8,000-byte window of the binary test', () => {
    const long = (tail: number[]) => Uint8Array.from([...new Array<number>(9000).fill(0x61), ...tail]);
    for (const tail of [[0x00], [0x01], [0x1b], [0xc3], [0xc3, 0xa9], []]) assert.deepStrictEqual(decodeText(long(tail)), decodeCarefully(long(tail)));
  });

  it('keeps a second byte order mark for stripBom, as the careful path does', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]);
    assert.deepStrictEqual(decodeText(bytes), { kind: 'text', text: '\ufeffa' });
  });
});

/** binaryReason as it was written before it took four bytes at a time: a NUL search, then one loop byte by byte. */
function binaryReasonByBytes(body: Uint8Array, offset: number): string | undefined {
  const sample = body.subarray(0, 8000);
  const nul = sample.indexOf(0);
  if (nul >= 0) return `it holds a NUL byte at offset ${nul + offset}, so it is not text`;
  let control = 0;
  for (const b of sample) if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) control++;
  if (sample.length > 0 && control / sample.length > 0.1)
    return `${Math.round((100 * control) / sample.length)}% of its first ${sample.length} bytes are control characters, so it is not text`;
  return undefined;
}

describe('binaryReason: four bytes at a time, as byte by byte', () => {
  // @spec specthread-core#21.2
  it('gives the answer of the byte loop at any alignment, for any bytes, and past the 8,000-byte window', () => {
    const FILLER = fc.constantFrom(0x61, 0x20, 0x0a, 0x09, 0xc3, 0x7e, 0x80, 0xff);
    const LONG = fc
      .tuple(fc.integer({ min: 7990, max: 8010 }), FILLER, BYTES)
      .map(([n, fill, tail]) => Uint8Array.from([...new Array<number>(n).fill(fill), ...tail]));
    fc.assert(
      fc.property(fc.oneof(BYTES, LONG), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 }), (bytes, shift, offset) => {
        // The same bytes at every alignment inside a larger buffer, as a subarray (a file's body after its byte order mark is one).
        const holder = new Uint8Array(bytes.length + shift);
        holder.set(bytes, shift);
        const body = holder.subarray(shift);
        assert.strictEqual(binaryReason(body, offset), binaryReasonByBytes(body, offset));
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(3000) },
    );
  });
});
