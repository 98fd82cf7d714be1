// @spec specthread-core#20.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { QueryError } from '../agent/queryError';

export type SpecFormatName = 'kiro' | 'speckit' | 'openspec';

/** A file of a new spec: its path under the workspace folder and its starting text. */
export interface NewSpecFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The files "New Spec…" scaffolds: the smallest spec of each format that our own checker reads
 * as one requirement with one criterion and one task citing it, so the author starts from a spec
 * with no findings and replaces the placeholders. `existingDirs` are the folder's current spec
 * folders, for spec-kit's next feature number. Nothing is written here: the client applies the
 * files as one WorkspaceEdit when the user confirms.
 */
export function newSpecFiles(format: SpecFormatName, name: string, folder: string, existingDirs: readonly string[], token: CancellationToken): NewSpecFile[] {
  throwIfCancelled(token);
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new QueryError(`'${name}' has no letters or digits to name a spec folder with.`);
  const title = name.trim();
  const root = folder.replace(/\/$/, '');
  switch (format) {
    case 'kiro':
      return [
        { path: `${root}/.kiro/specs/${slug}/requirements.md`, text: kiroRequirements(title) },
        {
          path: `${root}/.kiro/specs/${slug}/design.md`,
          text: `# Design Document\n\n## Overview\n\nHow ${title} works. Name the criteria a section covers, e.g. _Validates: 1.1_.\n`,
        },
        { path: `${root}/.kiro/specs/${slug}/tasks.md`, text: `# Implementation Plan\n\n- [ ] 1. First step of ${title}\n  - _Requirements: 1.1_\n` },
      ];
    case 'speckit': {
      const dir = `${String(nextFeatureNumber(existingDirs)).padStart(3, '0')}-${slug}`;
      return [
        { path: `${root}/specs/${dir}/spec.md`, text: speckitSpec(title, dir) },
        { path: `${root}/specs/${dir}/tasks.md`, text: `# Tasks: ${title}\n\n## Phase 1: User Story 1\n\n- [ ] T001 [US1] First step (FR-001)\n` },
      ];
    }
    case 'openspec':
      return [
        {
          path: `${root}/openspec/changes/add-${slug}/proposal.md`,
          text: `# Change: Add ${title}\n\n## Why\n\nWhy ${title} is needed: the problem it solves, who asks for it and what happens without it.\n\n## What Changes\n\n- **${slug}:** What changes for users.\n`,
        },
        { path: `${root}/openspec/changes/add-${slug}/tasks.md`, text: `## 1. ${title}\n\n- [ ] 1.1 First step\n` },
        {
          path: `${root}/openspec/changes/add-${slug}/specs/${slug}/spec.md`,
          text: `## ADDED Requirements\n\n### Requirement: ${title}\n\nThe system SHALL do what ${title} promises.\n\n#### Scenario: First use\n\n- **WHEN** a user starts\n- **THEN** the result is shown\n`,
        },
      ];
  }
}

function kiroRequirements(title: string): string {
  return [
    '# Requirements Document',
    '',
    '## Introduction',
    '',
    `What ${title} is for.`,
    '',
    '## Requirements',
    '',
    `### Requirement 1: ${title}`,
    '',
    `**User Story:** As a user, I want ${title}, so that I reach my goal.`,
    '',
    '#### Acceptance Criteria',
    '',
    '1. WHEN a user starts, THE System SHALL show the result',
    '',
  ].join('\n');
}

function speckitSpec(title: string, dir: string): string {
  return [
    `# Feature Specification: ${title}`,
    '',
    `**Feature Branch**: \`${dir}\``,
    '',
    '## User Scenarios & Testing *(mandatory)*',
    '',
    `### User Story 1 - ${title} (Priority: P1)`,
    '',
    '**Acceptance Scenarios**:',
    '',
    '1. **Given** a user, **When** they start, **Then** the result is shown.',
    '',
    '## Requirements *(mandatory)*',
    '',
    '### Functional Requirements',
    '',
    '- **FR-001**: System MUST show the result.',
    '',
  ].join('\n');
}

/** One more than the highest `NNN-` feature number among the spec folders (spec-kit numbers features). */
function nextFeatureNumber(dirs: readonly string[]): number {
  let max = 0;
  for (const d of dirs) {
    const m = /(?:^|\/)(\d{3,})-[^/]*$/.exec(d);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}
