// @spec specthread-core#14.7
import fc from 'fast-check';
import { isExcluded } from '../knownBugs';
import { fragment } from './inline';

/**
 * Mutations of a whole file's text, for grammar output and for real corpus files alike. Each
 * mutation is plain data (kind plus numbers), so a failing case prints as something a person can
 * replay by hand. Offsets and line numbers are taken modulo the text, so every mutation applies
 * to every text.
 */

export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'line-ends'; readonly style: 'crlf' | 'cr' | 'mixed'; readonly salt: number }
  | { readonly kind: 'bom' }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate-line'; readonly line: number }
  | { readonly kind: 'swap-lines'; readonly a: number; readonly b: number }
  | { readonly kind: 'delete-line'; readonly line: number }
  | { readonly kind: 'huge-numbers' }
  | { readonly kind: 'ref-line'; readonly line: number; readonly text: string }
  | { readonly kind: 'long-line'; readonly line: number; readonly unit: string; readonly length: number };

/** Inserted text: backtick runs and symbol-only spans are what broke the Kiro parser before. */
const INSERTS = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200b',
  '\ufeff',
  '```',
  '````\n',
  '\n```\n',
  '`',
  '**',
  '<!--',
  '-->',
  '\n- [ ] ',
  '\n### Requirement 1: x\n',
  '\n## ADDED Requirements\n',
  '#',
  '\t',
  '\\',
];
const SYMBOL_INSERTS = ['`` ` ``', '`***`', '`<!-- -->`', '` `', '`_`'];
const REF_LINES = [
  '  - _Requirements: 1.1-99999999999999999999_',
  '  - _Requirements: 3.2–1.1_',
  '**Validates: Requirements 99999999999999999999.1, 2.9-2.1**',
  '- [ ] T001 [US99999999999999999999] x (FR-99999999999999999999)',
  '_Requirements: , , -, –_',
];
const LONG_UNITS = ['a', ' ', 'a ', '`', '*', '#', '- ', '1.', '_', 'WHEN x, ', '[', '<!--', '\t', '#'.repeat(3) + ' '];

const insertText = fc.oneof(fragment, fc.constantFrom(...INSERTS), ...(isExcluded('symbol-code-span') ? [] : [fc.constantFrom(...SYMBOL_INSERTS)]));
const lineEndStyle = fc.constantFrom(...(isExcluded('lone-cr') ? (['crlf'] as const) : (['crlf', 'cr', 'mixed'] as const)));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('line-ends' as const), style: lineEndStyle, salt: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'huge-numbers' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ref-line' as const), line: fc.nat(), text: fc.constantFrom(...REF_LINES) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('long-line' as const),
      line: fc.nat(),
      unit: fc.constantFrom(...LONG_UNITS),
      length: fc.constantFrom(1000, 10000),
    }),
  },
);

export const mutations = (max = 3): fc.Arbitrary<Mutation[]> => fc.array(mutation, { maxLength: max });

/** Lines with their terminators kept, so mutations that move lines keep the file's line ends. */
function splitKeepingEnds(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = () => splitKeepingEnds(text);
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'line-ends': {
      const bare = text.split(/\r\n|\r|\n/);
      if (m.style !== 'mixed') return bare.join(m.style === 'crlf' ? '\r\n' : '\r');
      const ends = ['\n', '\r\n', '\r'];
      return bare.map((l, i) => l + (i < bare.length - 1 ? ends[(m.salt + i * 7) % 3] : '')).join('');
    }
    case 'bom':
      return '\ufeff' + text;
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'duplicate-line': {
      const ls = lines();
      if (ls.length === 0) return text;
      const i = m.line % ls.length;
      return [...ls.slice(0, i + 1), withEnd(ls[i]), ...ls.slice(i + 1)].join('');
    }
    case 'swap-lines': {
      const ls = lines().map(withEnd);
      if (ls.length < 2) return text;
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      [ls[a], ls[b]] = [ls[b], ls[a]];
      return ls.join('');
    }
    case 'delete-line': {
      const ls = lines();
      if (ls.length === 0) return text;
      ls.splice(m.line % ls.length, 1);
      return ls.join('');
    }
    case 'huge-numbers':
      return text.replace(/\d+/g, (d, at: number) => (at % 3 === 0 ? '99999999999999999999' : d));
    case 'ref-line':
    case 'long-line': {
      const ls = lines().map(withEnd);
      const insert = m.kind === 'ref-line' ? m.text : m.unit.repeat(Math.ceil(m.length / m.unit.length));
      ls.splice(m.line % (ls.length + 1), 0, insert + '\n');
      return ls.join('');
    }
  }
}

function withEnd(line: string): string {
  return /[\r\n]$/.test(line) ? line : line + '\n';
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
