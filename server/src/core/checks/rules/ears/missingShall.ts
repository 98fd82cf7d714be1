// @spec specthread-core#16.4
import { earsOf } from '../../../requirements/ears';
import { termsOf } from '../../../requirements/terms';
import { statementRule } from '../../statementRule';

/** Up to four words and a colon at the start of a criterion. */
const LABEL = /^\s*[^\s:.;]+(?:\s+[^\s:.;]+){0,3}:\s/u;

/** A requirement with no SHALL: it states a wish or a fact, not an obligation. */
export const missingShall = statementRule(
  {
    code: 'ears.missing-shall',
    // EARS form, a matter of style by the severity policy (criteria in other languages oblige with
    // verb forms as often as with a keyword); the `ears` preset makes it a warning.
    defaultSeverity: 'hint',
    summary: 'An acceptance criterion has no SHALL, so it obliges nothing.',
    description:
      'EARS and INCOSE write every requirement as `<system> SHALL <response>`: SHALL is what makes the sentence ' +
      'testable and binding. A criterion without it reads as a description, and nobody can tell whether it must hold. ' +
      'MUST is accepted as a synonym, and criteria in Spanish (DEBERÁ) and Portuguese (DEVE) are read with their own words; ' +
      'in languages that oblige without a keyword (Japanese, Chinese, Korean, Indonesian, Turkish) the rule stays silent. A criterion that uses should, may or might instead is reported by ' +
      '`quality.weak-modal`, which offers the fix.',
    bad: '1. WHEN the user saves, the draft is stored locally',
    good: '1. WHEN the user saves, THE Editor SHALL store the draft locally',
  },
  (statement, report, context) => {
    const shape = earsOf(statement, context.cache, context.vocabulary);
    if (shape.shalls.length > 0 || statement.text.trim() === '') return;
    // Japanese "〜すること" or Indonesian criteria without "harus" still oblige: where the language
    // does not mark obligation with a keyword, a missing keyword proves nothing.
    if (!shape.language.absenceMeansNoObligation) return;
    // "Opcional (fora do MVP): …", "Páginas afetadas: …": a labelled note or list kept among the
    // criteria, not a sentence that forgot its SHALL.
    if (LABEL.test(statement.text)) return;
    if (termsOf(statement, context.terms('quality.weak-modal'), context.cache).length > 0) return;
    report({ path: statement.path, range: statement.range, message: `Criterion ${statement.id} has no SHALL: write it as '<system> SHALL <response>'.` });
  },
);
