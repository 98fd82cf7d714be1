import { statementRule } from '../../statementRule';
import { earsOf } from '../../../requirements/ears';
import { findTerms } from '../../../requirements/terms';

/** Demonstratives are fine as determiners ("This page SHALL …"); they are pronouns before a verb. */
const DEMONSTRATIVE = /^(this|that|these|those)$/i;
const VERB_AFTER = /^\s+(SHALL|shall|must|should|will|is|are|was|were|can|may)\b/;

export const pronoun = statementRule(
  {
    code: 'quality.pronoun',
    defaultSeverity: 'hint',
    summary: 'A criterion starts with a pronoun (it, this, they …), or names a pronoun as its system.',
    description:
      'Each criterion is read, cited and tested on its own, so "it" or "they" at its start has no referent: the ' +
      'previous criterion is not part of it (INCOSE R24). Name the system or thing. "This page SHALL …" is ' +
      'fine; "This SHALL …" is not.',
    bad: '2. It SHALL retry the upload three times',
    good: '2. THE Uploader SHALL retry the upload three times',
  },
  (statement, report, context) => {
    // An English grammar check: other languages are not judged.
    if (earsOf(statement, context.cache, context.vocabulary).language.code !== 'en') return;
    const terms = context.terms('quality.pronoun');
    const check = (from: number) => {
      const word = /^[\p{L}']+/u.exec(statement.text.slice(from))?.[0];
      if (!word || findTerms(word, terms, context.cache).length !== 1 || findTerms(word, terms, context.cache)[0]!.to !== word.length) return false;
      if (DEMONSTRATIVE.test(word) && !VERB_AFTER.test(statement.text.slice(from + word.length))) return false;
      report({
        path: statement.path,
        range: statement.locate(from, from + word.length),
        message: `'${word}' has no referent in this criterion: name the system or the thing.`,
      });
      return true;
    };
    const start = statement.text.length - statement.text.trimStart().length;
    if (check(start)) return;
    const shape = earsOf(statement, context.cache, context.vocabulary);
    const system = shape.system;
    if (system && system.from > start && !shape.article && statement.text.slice(system.from, system.to).split(' ').length === 1) check(system.from);
  },
);
