// @spec specthread-core#7.2
import { StatementRule } from '../../statementRule';
import { absolute } from './absolute';
import { comparative } from './comparative';
import { escapeClause } from './escapeClause';
import { openEnded } from './openEnded';
import { passiveVoice } from './passiveVoice';
import { pronoun } from './pronoun';
import { unresolved } from './unresolved';
import { vagueTerm } from './vagueTerm';
import { weakModal } from './weakModal';

/** The `quality.*` family: requirement smells in each criterion's wording. */
export const QUALITY_RULES: readonly StatementRule[] = [
  unresolved,
  weakModal,
  escapeClause,
  vagueTerm,
  openEnded,
  pronoun,
  comparative,
  passiveVoice,
  absolute,
];
