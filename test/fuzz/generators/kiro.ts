// @spec specthread-core#14.7
import fc from 'fast-check';
import { prose, word } from './inline';
import { refList } from './refs';

/**
 * Kiro spec files from a grammar: requirements (stories, EARS and non-EARS criteria, glossary),
 * bugfix, design (properties, fences), tasks (nested ids, markers, ref lines), steering and hooks.
 * Numbers usually run in order but sometimes repeat, skip or explode, as real files do.
 */

const reqNumber = (i: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(i + 1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }) },
    { weight: 1, arbitrary: fc.constantFrom(1e20, 4294967297) },
  );

const system = fc.constantFrom('Auth_Service', 'the system', 'System', 'Session_Store', 'サービス');

/** A criterion, sometimes continued on an indented second line. */
export const criterion: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(prose(), system, prose()).map(([a, s, b]) => `WHEN ${a}, THE ${s} SHALL ${b}`),
    fc.tuple(prose(), system, prose()).map(([a, s, b]) => `IF ${a}, THEN THE ${s} SHALL ${b}`),
    fc.tuple(prose(), system, prose()).map(([a, s, b]) => `WHILE ${a}, THE ${s} SHALL ${b}`),
    fc.tuple(prose(), system, prose()).map(([a, s, b]) => `WHERE ${a}, THE ${s} SHALL ${b}`),
    fc.tuple(system, prose()).map(([s, b]) => `THE ${s} SHALL ${b}`),
    fc.tuple(prose(), prose()).map(([a, b]) => `WHEN ${a} THEN the system SHALL ${b}`),
    fc.tuple(prose(), system, prose()).map(([a, s, b]) => `WHEN ${a} AND ${a}, THE ${s} SHALL ${b}`),
    prose(1, 12),
  )
  .chain((c) => fc.option(prose(), { nil: undefined, freq: 2 }).map((more) => (more === undefined ? c : `${c}\n   ${more}`)));

const fence = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````', '```mermaid', '```ts'),
    fc.array(fc.oneof(prose(), fc.constant('### Requirement 9: inside a fence'), fc.constant('- [ ] 9. fenced task')), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([open, lines, closed]) => [open, ...lines, ...(closed ? [open.replace(/[a-z]+$/, '')] : [])].join('\n'));

const requirement = (i: number) =>
  fc
    .tuple(
      reqNumber(i),
      prose(),
      fc.option(fc.tuple(prose(), prose(), prose()), { nil: undefined }),
      fc.array(criterion, { maxLength: 5 }),
      fc.boolean(),
      fc.option(fence, { nil: undefined }),
    )
    .map(([n, title, story, criteria, numbered, extra]) =>
      [
        `### Requirement ${n}: ${title}`,
        '',
        ...(story ? [`**User Story:** As a ${story[0]}, I want ${story[1]}, so that ${story[2]}`, ''] : []),
        '#### Acceptance Criteria',
        '',
        ...criteria.map((c, k) => (numbered ? `${k + 1}. ${c}` : `- ${c}`)),
        ...(extra ? ['', extra] : []),
        '',
      ].join('\n'),
    );

const requirementsBlock = fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => requirement(i))));

export const requirementsMd: fc.Arbitrary<string> = fc
  .tuple(prose(), fc.array(fc.tuple(word, prose()), { maxLength: 3 }), requirementsBlock, fc.boolean())
  .map(([intro, glossary, reqs, headed]) =>
    [
      ...(headed ? ['# Requirements Document', '', '## Introduction', '', intro, ''] : []),
      ...(glossary.length ? ['## Glossary', '', ...glossary.map(([w, d]) => `- **${w}**: ${d}`), ''] : []),
      '## Requirements',
      '',
      ...reqs,
    ].join('\n'),
  );

const bugLine = (section: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), prose(), prose(), fc.boolean())
    .map(([k, a, b, shall]) => `${section}.${k} WHEN ${a} THEN the system ${shall ? 'SHALL ' : ''}${b}`);

export const bugfixMd: fc.Arbitrary<string> = fc
  .tuple(fc.array(bugLine(1), { maxLength: 3 }), fc.array(bugLine(2), { maxLength: 3 }), fc.array(bugLine(3), { maxLength: 3 }))
  .map(([cur, exp, keep]) =>
    [
      '# Bugfix Requirements Document',
      '',
      '## Current Behavior (Defect)',
      '',
      ...cur,
      '',
      '## Expected Behavior (Correct)',
      '',
      ...exp,
      '',
      '## Unchanged Behavior (Regression Prevention)',
      '',
      ...keep,
      '',
    ].join('\n'),
  );

const property = fc
  .tuple(fc.integer({ min: 1, max: 9 }), prose(), prose(), refList)
  .map(([n, t, body, refs]) => [`### Property ${n}: ${t}`, '', `*For any* ${body}`, '', `**Validates: Requirements ${refs}**`, ''].join('\n'));

export const designMd: fc.Arbitrary<string> = fc
  .tuple(prose(), fc.array(fc.oneof(property, fence, prose(1, 12)), { maxLength: 5 }))
  .map(([overview, blocks]) => ['# Design Document', '', '## Overview', '', overview, '', '## Correctness Properties', '', ...blocks, ''].join('\n'));

const MARKERS = ['[ ]', '[x]', '[X]', '[-]', '[~]', '[ ]*', '[x]*'];

const detail = fc.oneof(
  prose().map((p) => `- ${p}`),
  refList.map((r) => `- _Requirements: ${r}_`),
  refList.map((r) => `- **Validates: Requirements ${r}**`),
  refList.map((r) => `- _Depends: ${r}_`),
  fc.constantFrom('- Files: `src/impl.ts`', '- `src/missing.ts`', '- _Boundary: AuthService_', '- **Property 1: round trip**'),
);

const taskLine = (depth: number, tid: string) =>
  fc.tuple(fc.constantFrom(...MARKERS), prose(), fc.array(detail, { maxLength: 3 })).map(([m, title, details]) => {
    const pad = '  '.repeat(depth);
    return [`${pad}- ${m} ${tid}${depth === 0 ? '.' : ''} ${title}`, ...details.map((d) => `${pad}  ${d}`)].join('\n');
  });

/** Task ids follow their place in the tree, with an occasional wrong or duplicate id. */
const taskId = (path: readonly number[]) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constant(path.join('.')) },
    { weight: 1, arbitrary: fc.constantFrom('1', '2.1', '99999999999999999999', '1.1.1.1', '0') },
  );

const subtree = (depth: number, prefix: readonly number[]): fc.Arbitrary<string[]> =>
  fc.integer({ min: 0, max: depth === 0 ? 4 : 3 }).chain((n) =>
    n === 0
      ? fc.constant([])
      : fc
          .tuple(
            ...Array.from({ length: n }, (_, i) =>
              fc.tuple(
                taskId([...prefix, i + 1]).chain((tid) => taskLine(depth, tid)),
                depth < 2 ? subtree(depth + 1, [...prefix, i + 1]) : fc.constant([] as string[]),
              ),
            ),
          )
          .map((items) => items.flatMap(([line, children]) => [line, ...children])),
  );

export const tasksMd: fc.Arbitrary<string> = fc
  .tuple(subtree(0, []), fc.boolean())
  .map(([lines, headed]) => [...(headed ? ['# Implementation Plan', ''] : []), ...lines, ''].join('\n'));

export const steeringMd: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('always', 'fileMatch', 'manual', 'bogus'), fc.constantFrom('*.ts', 'src/**/*.tsx', '**/*.md', '{a,b}.ts'), prose(1, 10), fc.boolean())
  .map(([inclusion, pattern, body, front]) =>
    [...(front ? ['---', `inclusion: ${inclusion}`, `fileMatchPattern: "${pattern}"`, '---'] : []), '# Steering', '', body, ''].join('\n'),
  );

export const hookJson: fc.Arbitrary<string> = fc
  .tuple(prose(1, 3), fc.constantFrom('fileEdited', 'fileCreated', 'userTriggered', 'bogus'), fc.constantFrom('*.ts', 'src/**', '**/*'), prose())
  .map(([name, type, pattern, prompt]) =>
    JSON.stringify({ enabled: true, name, version: '1', when: { type, patterns: [pattern] }, then: { type: 'askAgent', prompt } }, null, 2),
  );
