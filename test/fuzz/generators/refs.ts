// @spec specthread-core#14.7
import fc from 'fast-check';

/**
 * Ref lists as tasks and designs write them (`1.1, 2.3-2.5`, `Requirement 2`, `other#1.2`),
 * including the hostile ones: reversed ranges, huge numbers, ranges to absurd ends, stray
 * separators.
 */

const small = fc.integer({ min: 0, max: 6 });
const dotted = fc.tuple(small, small).map(([a, b]) => `${a}.${b}`);

const HOSTILE = [
  '1.1-99999999999999999999',
  '3.2–1.1',
  '2.5-2.1',
  '99999999999999999999.1',
  '1.99999999999999999999',
  '1.1—1.9',
  '0.0',
  '1..2',
  '.1',
  '1.',
  '-',
  'Requirement 2',
  'Requirements 1.1',
  'All',
  'user-auth#1.1',
  'billing#2.1',
  'nope#1',
  '1.1 (partial)',
  '4294967297.1',
];

export const refItem: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: dotted },
  { weight: 2, arbitrary: small.map(String) },
  { weight: 2, arbitrary: fc.tuple(dotted, dotted).map(([a, b]) => `${a}-${b}`) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
);

export const refList: fc.Arbitrary<string> = fc
  .tuple(fc.array(refItem, { minLength: 0, maxLength: 5 }), fc.constantFrom(', ', ',', ' ', '; ', ' and '))
  .map(([items, sep]) => items.join(sep));

/** Speckit ids as tasks cite them. */
export const speckitRef: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((n) => `FR-${String(n).padStart(3, '0')}`),
  fc.integer({ min: 0, max: 6 }).map((n) => `SC-${String(n).padStart(3, '0')}`),
  fc.constantFrom('FR-99999999999999999999', 'FR-', 'FR-001a', 'US1', 'FR-003–FR-001'),
);
