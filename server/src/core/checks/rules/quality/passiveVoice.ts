import { earsOf } from '../../../requirements/ears';
import { statementRule } from '../../statementRule';

/**
 * "SHALL be <participle>": regular participles end in -ed; irregular ones are listed, because a
 * bare -en ending also matches adjectives and prepositions ("SHALL be between 0 and 5", found on
 * the corpus). "SHALL be able", "SHALL be valid" are adjectives and never match.
 */
const PARTICIPLE =
  /^\s+be\s+([a-z]+ed|shown|sent|kept|set|built|run|held|found|given|known|seen|written|read|made|done|put|thrown|drawn|hidden|chosen|stored|taken|broken|driven|proven|frozen|forgotten|spoken|paid|sold|told|left|lost|met|hit|cut|shut|split|spent|bound|brought|bought|caught|taught|thought|sought|won)\b/i;
const NOT_PASSIVE: ReadonlySet<string> = new Set(['red', 'bed', 'need', 'speed', 'feed', 'seed', 'bred', 'shed', 'wed']);

export const passiveVoice = statementRule(
  {
    code: 'quality.passive-voice',
    defaultSeverity: 'hint',
    summary: '"SHALL be <done>": passive voice hides who does it.',
    description:
      'In "the data SHALL be saved" the subject is the thing acted on, and the component that must act is unnamed ' +
      '(INCOSE R2). Name the system as the subject: "THE Editor SHALL save the data". Kiro v1 criteria often read ' +
      'this way, so it is only a hint.',
    bad: '1. WHEN the form is submitted THEN the data SHALL be saved',
    good: '1. WHEN the form is submitted, THE Form_Service SHALL save the data',
  },
  (statement, report, context) => {
    // An English grammar check: other languages are not judged.
    const shape = earsOf(statement, context.cache, context.vocabulary);
    if (shape.language.code !== 'en') return;
    for (const shall of shape.shalls) {
      const after = shall.not ? shall.not.to : shall.to;
      const m = PARTICIPLE.exec(statement.text.slice(after));
      if (!m || NOT_PASSIVE.has(m[1]!.toLowerCase())) continue;
      report({
        path: statement.path,
        range: statement.locate(shall.from, after + m[0].length),
        message: `Passive '${statement.text.slice(shall.from, after + m[0].length)}': name who does it as the subject.`,
      });
    }
  },
);
