/**
 * The small workspace the language server's warm-start tests restart over: three Kiro specs that
 * cite each other, a design with one dangling citation, and a code file with a good and a bad tag,
 * so that spec, cross-spec and trace findings all appear.
 */

/** Seeds the workspace through `write` (a path below the root, and the text). */
export function seedWarmWorkspace(write: (rel: string, text: string) => void): void {
  for (const name of ['alpha', 'beta', 'gamma']) {
    write(`.kiro/specs/${name}/requirements.md`, requirements(name, ['the user submits valid credentials', 'the user submits invalid credentials']));
    write(`.kiro/specs/${name}/tasks.md`, tasks(['1.1', '1.2', '1.4']));
  }
  write('.kiro/specs/alpha/design.md', '# Design\n\nAlpha builds on gamma#1.1 and beta#1.9.\n');
  write('src/login.ts', '// @spec gamma#1.1\nexport const login = 1;\n// @spec alpha#1.7\nexport const other = 2;\n');
}

/** A requirements.md with requirement 1 (one EARS criterion per trigger) and requirement 3. */
export function requirements(name: string, triggers: readonly string[]): string {
  const criteria = triggers.map((t, i) => `${i + 1}. WHEN ${t} THEN the system SHALL respond.`).join('\n');
  return `# Requirements Document\n\n## Introduction\n\nThe ${name} feature.\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a user, I want ${name}, so that I can work.\n\n#### Acceptance Criteria\n\n${criteria}\n\n### Requirement 3\n\n**User Story:** As a user, I want more, so that I can rest.\n\n#### Acceptance Criteria\n\n1. The system SHALL log every request.\n`;
}

/** A tasks.md with one task per ref, the first done. */
export function tasks(refs: readonly string[]): string {
  return `# Implementation Plan\n\n${refs.map((r, i) => `- [${i === 0 ? 'x' : ' '}] ${i + 1}. Build part ${i + 1}\n  - _Requirements: ${r}_`).join('\n')}\n`;
}
