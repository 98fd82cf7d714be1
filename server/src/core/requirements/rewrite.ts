import { FileEdit } from '../findings';
import { EarsShape, earsOf } from './ears';
import { Statement } from './statement';

/**
 * Kiro's first requirements dialect writes `WHEN <trigger> THEN the <system> SHALL <response>`;
 * canonical EARS (and Kiro's second dialect) writes `WHEN <trigger>, THE <System> SHALL
 * <response>`. The rewrite replaces exactly the words between the trigger and SHALL, so the
 * rest of the line, emphasis and trailing comments included, is untouched. The system name takes
 * its glossary spelling when the glossary defines it.
 */
export function canonicalEarsEdit(statement: Statement, shape: EarsShape = earsOf(statement)): FileEdit | undefined {
  if (!statement.exact || !shape.system || shape.system.to <= shape.system.from) return undefined;
  const when = shape.clauses.find((c) => c.keyword === 'WHEN');
  const then = shape.thens[shape.thens.length - 1];
  if (!when || !then || then.from < when.to || shape.thens.length !== 1) return undefined;
  if (shape.clauses.some((c) => c.keyword === 'IF')) return undefined;
  let conditionEnd = then.from;
  while (conditionEnd > 0 && /[\s,]/.test(statement.text[conditionEnd - 1]!)) conditionEnd--;
  const written = statement.text.slice(shape.system.from, shape.system.to);
  const name = statement.glossary.find((t) => normalizeName(t) === normalizeName(written)) ?? written;
  return statement.edit(conditionEnd, shape.system.to, `, THE ${name}`);
}

/** Glossary spelling varies (`Auth_Service`, `auth service`); compare names without it. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[_\-\s]+/g, ' ')
    .replace(/['’]s$/, '')
    .trim();
}
