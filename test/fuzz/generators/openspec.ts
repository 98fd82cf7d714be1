// @spec specthread-core#14.7
import fc from 'fast-check';
import { prose } from './inline';

/**
 * OpenSpec files from a grammar: capability specs (requirements with SHALL statements and
 * scenarios), change deltas (ADDED/MODIFIED/REMOVED/RENAMED), change tasks and proposals.
 * Requirement names come from a small pool so that deltas and base specs often name the same
 * requirement, and sometimes nearly the same one.
 */

export const REQUIREMENT_NAMES = ['Add to cart', 'Cart total', 'Login', 'login', 'Cart  total', 'Coupon code', 'Ünïcode name'];

const requirementName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REQUIREMENT_NAMES) }, { weight: 1, arbitrary: prose(1, 4) });

const scenario = fc
  .tuple(prose(1, 4), fc.array(fc.tuple(fc.constantFrom('WHEN', 'THEN', 'AND', 'GIVEN'), prose()), { maxLength: 4 }))
  .map(([name, steps]) => [`#### Scenario: ${name}`, '', ...steps.map(([k, s]) => `- **${k}** ${s}`), ''].join('\n'));

export const requirementBlock = fc
  .tuple(requirementName, prose(), fc.boolean(), fc.array(scenario, { maxLength: 3 }), fc.constantFrom('', ' ', '   ##', ' #'))
  .map(([name, text, shall, scenarios, trailing]) =>
    [`### Requirement: ${name}${trailing}`, '', `The system ${shall ? 'SHALL' : 'will'} ${text}.`, '', ...scenarios].join('\n'),
  );

export const openspecSpecMd: fc.Arbitrary<string> = fc
  .tuple(prose(1, 3), prose(), fc.array(requirementBlock, { maxLength: 4 }))
  .map(([name, purpose, reqs]) => [`# ${name} Specification`, '', '## Purpose', '', purpose, '', '## Requirements', '', ...reqs].join('\n'));

const deltaSection = fc.oneof(
  fc
    .tuple(fc.constantFrom('ADDED', 'MODIFIED'), fc.array(requirementBlock, { minLength: 1, maxLength: 2 }))
    .map(([op, reqs]) => [`## ${op} Requirements`, '', ...reqs].join('\n')),
  fc
    .tuple(requirementName, prose())
    .map(([name, why]) => ['## REMOVED Requirements', '', `### Requirement: ${name}`, '', `**Reason**: ${why}`, '', '**Migration**: none', ''].join('\n')),
  fc
    .tuple(requirementName, requirementName)
    .map(([from, to]) => ['## RENAMED Requirements', '', `- FROM: \`### Requirement: ${from}\``, `- TO: \`### Requirement: ${to}\``, ''].join('\n')),
);

export const deltaMd: fc.Arbitrary<string> = fc.array(deltaSection, { maxLength: 3 }).map((sections) => sections.join('\n'));

export const openspecTasksMd: fc.Arbitrary<string> = fc
  .array(fc.tuple(prose(), fc.array(fc.tuple(fc.constantFrom('[ ]', '[x]'), prose()), { maxLength: 4 })), { maxLength: 3 })
  .map((groups) =>
    groups.flatMap(([title, tasks], g) => [`## ${g + 1}. ${title}`, '', ...tasks.map(([m, t], k) => `- ${m} ${g + 1}.${k + 1} ${t}`), '']).join('\n'),
  );

export const proposalMd: fc.Arbitrary<string> = fc
  .tuple(prose(1, 4), prose(1, 10), fc.array(fc.tuple(fc.constantFrom('cart', 'auth', 'nope'), prose()), { maxLength: 3 }))
  .map(([title, why, changes]) =>
    [
      `# Change: ${title}`,
      '',
      '## Why',
      '',
      why,
      '',
      '## What Changes',
      '',
      ...changes.map(([c, t]) => `- **${c}:** ${t}`),
      '',
      '## Impact',
      '',
      '- Affected specs: cart',
      '',
    ].join('\n'),
  );
