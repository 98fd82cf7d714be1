import { OpenSpecExtras, OpenSpecSection } from '../../../extras';
import { SpecFileFacts } from '../../../model';

export function openSpecExtras(f: SpecFileFacts | undefined): OpenSpecExtras | undefined {
  return f?.extras?.type === 'openspec' ? f.extras : undefined;
}

/** A section by title, case-insensitive, as `openspec validate` finds them. */
export function section(extras: OpenSpecExtras, title: string): OpenSpecSection | undefined {
  return extras.sections.find((s) => s.title.toLowerCase() === title.toLowerCase());
}

/** `SHALL` or `MUST` as whole words, upper case: the normative keywords OpenSpec requires. */
export function hasShallOrMust(text: string): boolean {
  return /\b(SHALL|MUST)\b/.test(text);
}

export const MIN_PURPOSE_LENGTH = 50;
export const MIN_WHY_LENGTH = 50;
export const MAX_REQUIREMENT_TEXT_LENGTH = 500;

/** The change's delta spec files, in path order. */
export function deltaFiles(files: readonly SpecFileFacts[]): SpecFileFacts[] {
  return files.filter((f) => f.kind === 'delta').sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The delta files OpenSpec applies: only `specs/<capability>/spec.md`. Another .md below specs/ is
 * ignored whole (ignored-content says so), so it neither counts as a delta nor gets a shape finding.
 */
export function appliedDeltaFiles(files: readonly SpecFileFacts[]): SpecFileFacts[] {
  return deltaFiles(files).filter((f) => /\/specs\/.+\/spec\.md$/.test(f.path));
}
