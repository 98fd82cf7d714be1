// @spec specthread-core#16.1
import * as assert from 'assert';
import { paddingLookup, unpaddedId } from '../../server/src/core/index/paddedIds';

describe('zero-padded ids name the same requirement (FR-001 is FR-1)', () => {
  it('drops leading zeros of every number, keeps suffixes, dots and bare numbers', () => {
    assert.strictEqual(unpaddedId('FR-001'), 'FR-1');
    assert.strictEqual(unpaddedId('FR-015a'), 'FR-15a');
    assert.strictEqual(unpaddedId('FR-009.01'), 'FR-9.1');
    assert.strictEqual(unpaddedId('T026-REMEDIAL'), 'T26-REMEDIAL');
    assert.strictEqual(unpaddedId('FR-100'), 'FR-100');
    assert.strictEqual(unpaddedId('1.01'), '1.01');
  });

  it('resolves another padding to the one definition, and nothing else', () => {
    const lookup = paddingLookup(['FR-1', 'FR-2', 'FR-15a', 'FR-3.1', 'SC-001', 'T007']);
    assert.strictEqual(lookup('FR-001'), 'FR-1');
    assert.strictEqual(lookup('SC-1'), 'SC-001');
    assert.strictEqual(lookup('T7'), 'T007');
    assert.strictEqual(lookup('FR-015a'), 'FR-15a');
    assert.strictEqual(lookup('FR-003.1'), 'FR-3.1');
    // A suffix or a dot is another id; a different number is not a padding.
    assert.strictEqual(lookup('FR-015'), undefined);
    assert.strictEqual(lookup('FR-003'), undefined);
    assert.strictEqual(lookup('FR-010'), undefined);
  });

  it('is ambiguous, hence silent, when the spec defines two paddings of one id', () => {
    const lookup = paddingLookup(['FR-1', 'FR-001']);
    assert.strictEqual(lookup('FR-01'), undefined);
  });

  it('leaves Kiro numbers exact', () => {
    assert.strictEqual(paddingLookup(['1', '1.1'])('01'), undefined);
  });
});
