// @spec specthread-core#19.4
import { analyzeEars } from '../../requirements/ears';

/**
 * A criterion's EARS clauses as the Given/When/Then a test is written in: WHERE (a feature) and
 * WHILE (a state) are what is given, WHEN (an event) and IF (an unwanted condition, marked so)
 * are what happens, and the system's SHALL response is what then holds. A sentence EARS does not shape is
 * kept whole as the Then, so nothing the criterion says is lost.
 */
export interface GivenWhenThen {
  readonly given: readonly string[];
  readonly when: readonly string[];
  readonly then: string;
}

export function givenWhenThen(text: string): GivenWhenThen {
  const flat = text.replace(/\s+/g, ' ').trim();
  const shape = analyzeEars(flat);
  const firstShall = shape.shalls[0];
  if (!firstShall) return { given: [], when: [], then: flat };
  // The response starts at the system's name (its article included), or at SHALL when there is none.
  const responseStart = shape.article?.from ?? shape.system?.from ?? firstShall.from;
  const given: string[] = [];
  const when: string[] = [];
  const ends = [...shape.clauses.map((c) => c.from), ...shape.thens.map((t) => t.from), responseStart];
  for (const clause of shape.clauses) {
    const end = Math.min(...ends.filter((e) => e > clause.from));
    const body = tidy(flat.slice(clause.to, end));
    if (!body) continue;
    if (clause.keyword === 'WHERE' || clause.keyword === 'WHILE') given.push(body);
    else when.push(clause.keyword === 'IF' ? `(unwanted) ${body}` : body);
  }
  const then = tidy(flat.slice(responseStart)) || flat;
  return { given, when, then };
}

/**
 * A clause without the commas and THEN that join it to the next. String code, not a trailing
 * `(?:[\s,]+|THEN)+$` regex: that one backtracks on every run of commas and spaces in the text.
 */
function tidy(s: string): string {
  let out = s.replace(/^[\s,]+/, '');
  for (;;) {
    const trimmed = out.trimEnd();
    if (trimmed.endsWith(',')) out = trimmed.slice(0, -1);
    else if (/(?<![\p{L}\p{N}_])THEN$/u.test(trimmed.slice(-5))) out = trimmed.slice(0, -4);
    else return trimmed;
  }
}

/** The comment lines of a stub body, one per clause, in the order a test is written. */
export function gwtLines(text: string): string[] {
  const { given, when, then } = givenWhenThen(text);
  return [...(given.length ? given.map((g) => `Given ${g}`) : ['Given (no precondition)']), ...when.map((w) => `When ${w}`), `Then ${then}`];
}
