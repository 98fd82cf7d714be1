// @spec specthread-core#16.1
import { EARS_ROLES, EarsRole, KeywordSettings } from '../../../../shared/settings';

/**
 * Words a team adds, in `specthread.json` `"keywords"`, to the built-in keyword tables
 * (languages.ts, the Kiro heading and ref-label tables): the headings and labels of a language
 * the tables do not know yet, or a house spelling. Built once per settings object and never
 * changed, so parsers and rules may key memo tables by it.
 */
export interface Vocabulary {
  /** Identifies the word lists; equal keys mean equal vocabularies. */
  readonly key: string;
  /** Words before a requirement's number in a heading (`Exigence` in `### Exigence 1`). */
  readonly requirement: readonly string[];
  /** Acceptance-criteria headings and labels (`Critères d'acceptation`). */
  readonly acceptanceCriteria: readonly string[];
  /** Headings of the section that holds numbered requirements (`Exigences`). */
  readonly requirementsSection: readonly string[];
  /** Labels of a citation line (`_Exigences: 1.1_`). */
  readonly refLabel: readonly string[];
  /** EARS words by role: precondition keywords, THEN and the obligation words. */
  readonly ears: Readonly<Record<EarsRole, readonly string[]>>;
}

/** The vocabulary of the settings, or undefined when they add no word (the built-in tables alone). */
export function compileVocabulary(settings: KeywordSettings | undefined): Vocabulary | undefined {
  if (!settings) return undefined;
  const words = (list: readonly string[] | undefined) => [...new Set((list ?? []).map((w) => w.trim()).filter((w) => w.length > 0))];
  const ears = Object.fromEntries(EARS_ROLES.map((role) => [role, words(settings.ears?.[role])])) as Record<EarsRole, string[]>;
  const vocabulary = {
    requirement: words(settings.requirement),
    acceptanceCriteria: words(settings.acceptanceCriteria),
    requirementsSection: words(settings.requirementsSection),
    refLabel: words(settings.refLabel),
    ears,
  };
  const all = [vocabulary.requirement, vocabulary.acceptanceCriteria, vocabulary.requirementsSection, vocabulary.refLabel, ...Object.values(ears)];
  if (all.every((list) => list.length === 0)) return undefined;
  return { key: JSON.stringify(vocabulary), ...vocabulary };
}

/** Escapes a configured word for use inside a regular expression. */
export function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `base|extra1|extra2`: a built-in alternation with the configured words added. */
export function withWords(base: string, extra: readonly string[]): string {
  return extra.length ? `${base}|${extra.map(escapeWord).join('|')}` : base;
}
