// @spec specthread-core#7.1
import { StatementRule } from '../../statementRule';
import { clauseOrder } from './clauseOrder';
import { missingShall } from './missingShall';
import { missingSystem } from './missingSystem';
import { multipleShall } from './multipleShall';
import { negativeShall } from './negativeShall';
import { strayThen } from './strayThen';
import { thenAfterWhen } from './thenAfterWhen';
import { unknownSystem } from './unknownSystem';

/** The `ears.*` family: the shape of each criterion. One rule per file; reference order here. */
export const EARS_RULES: readonly StatementRule[] = [
  missingShall,
  missingSystem,
  multipleShall,
  clauseOrder,
  strayThen,
  thenAfterWhen,
  negativeShall,
  unknownSystem,
];
