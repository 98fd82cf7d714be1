import { termRule } from '../../termRule';

export const escapeClause = termRule(
  {
    code: 'quality.escape-clause',
    defaultSeverity: 'hint',
    fixable: true,
    summary: 'An escape clause (if possible, where feasible …) makes the requirement optional.',
    description:
      'An escape clause lets the implementer decide whether the requirement applies at all (INCOSE R8): ' +
      '"if possible" is always satisfied by not doing it. State the condition under which the behaviour is ' +
      'required (an EARS WHERE or IF clause), or drop the clause. The quick fix removes the words.',
    bad: '1. THE Importer SHALL keep the original file names where possible',
    good: '1. IF an original file name is not a valid path on the target, THEN THE Importer SHALL replace the invalid characters with `_`',
  },
  {
    message: (m) => `Escape clause '${m.text}': say when the behaviour is required, or drop the clause.`,
    fixes: (m, s) => {
      // Remove the phrase with the comma or space that joins it to the sentence.
      let from = m.from;
      let to = m.to;
      if (s.text[to] === ',') to++;
      if (from > 0 && s.text[from - 1] === ' ') from--;
      else if (s.text[to] === ' ') to++;
      if (from > 0 && s.text[from - 1] === ',' && s.text[to] !== ' ' && to === s.text.length) from--;
      const edit = s.edit(from, to, '');
      return edit ? [{ title: `Remove '${m.text}'`, edits: [edit] }] : undefined;
    },
  },
);
