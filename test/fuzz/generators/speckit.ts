// @spec specthread-core#14.7
import fc from 'fast-check';
import { prose } from './inline';
import { speckitRef } from './refs';

/**
 * spec-kit files from a grammar: the feature spec (user stories with Given/When/Then scenarios,
 * FR-/SC- requirements, clarification markers), the plan, tasks (T-ids, [P], [US] labels,
 * phases) and the constitution.
 */

const num3 = (n: number) => String(n).padStart(3, '0');
const idNumber = (i: number) =>
  fc.oneof({ weight: 8, arbitrary: fc.constant(num3(i + 1)) }, { weight: 1, arbitrary: fc.constantFrom('001', '000', '99999999999999999999', '1', '01a') });

const scenario = fc.tuple(prose(), prose(), prose()).map(([g, w, t]) => `**Given** ${g}, **When** ${w}, **Then** ${t}`);

const story = (i: number) =>
  fc
    .tuple(prose(), fc.constantFrom('P1', 'P2', 'P3', 'P0', 'high'), prose(), fc.array(scenario, { maxLength: 3 }))
    .map(([title, p, body, scenarios]) =>
      [
        `### User Story ${i + 1} - ${title} (Priority: ${p})`,
        '',
        body,
        '',
        '**Acceptance Scenarios**:',
        '',
        ...scenarios.map((s, k) => `${k + 1}. ${s}`),
        '',
      ].join('\n'),
    );

const items = (prefix: string, max: number) =>
  fc
    .integer({ min: 0, max })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc
            .tuple(idNumber(i), prose(), fc.boolean())
            .map(([k, text, unclear]) => `- **${prefix}-${k}**: System MUST ${text}${unclear ? ' [NEEDS CLARIFICATION: which one?]' : ''}`),
        ),
      ),
    );

const stories = fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => story(i))));

export const speckitSpecMd: fc.Arbitrary<string> = fc
  .tuple(prose(), stories, items('FR', 6), items('SC', 3), fc.array(prose(), { maxLength: 2 }))
  .map(([title, st, fr, sc, entities]) =>
    [
      `# Feature Specification: ${title}`,
      '',
      '**Feature Branch**: `001-checkout`',
      '',
      '## User Scenarios & Testing *(mandatory)*',
      '',
      ...st,
      '## Requirements *(mandatory)*',
      '',
      '### Functional Requirements',
      '',
      ...fr,
      '',
      ...(entities.length ? ['### Key Entities', '', ...entities.map((e) => `- **Entity**: ${e}`), ''] : []),
      '## Success Criteria *(mandatory)*',
      '',
      ...sc,
      '',
    ].join('\n'),
  );

const speckitTask = (i: number) =>
  fc
    .tuple(
      fc.constantFrom('[ ]', '[x]', '[X]'),
      idNumber(i),
      fc.boolean(),
      fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      prose(),
      fc.array(speckitRef, { maxLength: 2 }),
      fc.boolean(),
    )
    .map(
      ([m, k, parallel, us, text, refs, file]) =>
        `- ${m} T${k} ${parallel ? '[P] ' : ''}${us !== undefined ? `[US${us}] ` : ''}${text}${file ? ' in src/impl.ts' : ''}${refs.length ? ` (${refs.join(', ')})` : ''}`,
    );

export const speckitTasksMd: fc.Arbitrary<string> = fc
  .tuple(
    prose(),
    fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => speckitTask(i)))),
    fc.array(prose(), { minLength: 1, maxLength: 3 }),
  )
  .map(([title, tasks, phases]) => {
    const out = [`# Tasks: ${title}`, ''];
    const per = Math.max(1, Math.ceil(tasks.length / phases.length));
    phases.forEach((p, i) => out.push(`## Phase ${i + 1}: ${p}`, '', ...tasks.slice(i * per, (i + 1) * per), ''));
    out.push('## Dependencies', '', '- T002 depends on T001', '');
    return out.join('\n');
  });

export const speckitPlanMd: fc.Arbitrary<string> = fc
  .tuple(prose(), prose(1, 12), fc.array(prose(), { maxLength: 3 }))
  .map(([title, summary, notes]) =>
    [`# Implementation Plan: ${title}`, '', '## Summary', '', summary, '', '## Technical Context', '', ...notes.map((n) => `**Language**: ${n}`), ''].join(
      '\n',
    ),
  );

export const constitutionMd: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(prose(), prose(1, 10)), { maxLength: 3 }))
  .map(([principles]) =>
    [
      '# Project Constitution',
      '',
      '## Core Principles',
      '',
      ...principles.flatMap(([t, b], i) => [`### ${['I', 'II', 'III'][i]}. ${t}`, '', b, '']),
      '**Version**: 1.0.0',
    ].join('\n'),
  );
