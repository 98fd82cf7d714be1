import { earsOf } from '../../../requirements/ears';
import { statementRule } from '../../statementRule';

/** Verbs whose negation has a plain positive form; only these are reported, so the hint always has an answer. */
const POSITIVE: Readonly<Record<string, string>> = {
  allow: 'prevent',
  allows: 'prevent',
  permit: 'prevent',
  accept: 'reject',
  display: 'hide',
  show: 'hide',
  enable: 'disable',
  include: 'exclude',
  expose: 'hide',
  keep: 'discard',
  retain: 'discard',
};

/** `SHALL NOT allow` where `SHALL prevent` says the same thing testably. */
export const negativeShall = statementRule(
  {
    code: 'ears.negative-shall',
    defaultSeverity: 'hint',
    fixable: true,
    summary: 'SHALL NOT where a positive verb says the same thing.',
    description:
      'A negative requirement is satisfied by doing nothing, which makes it hard to test and easy to misread ' +
      '(INCOSE R16). When the verb has a direct positive counterpart, say what the system does instead. Only ' +
      'verbs with an obvious counterpart are reported (allow → prevent, accept → reject, display → hide, ' +
      'enable → disable, include → exclude …), and the quick fix makes the swap.',
    bad: '1. IF the password is too short, THEN THE Auth_Service SHALL NOT accept it',
    good: '1. IF the password is too short, THEN THE Auth_Service SHALL reject it',
  },
  (statement, report, context) => {
    for (const shall of earsOf(statement, context.cache, context.vocabulary).shalls) {
      if (!shall.not) continue;
      const next = /^\s+([A-Za-z]+)/.exec(statement.text.slice(shall.not.to));
      const verb = next?.[1];
      const positive = verb ? POSITIVE[verb.toLowerCase()] : undefined;
      if (!verb || !positive) continue;
      const verbEnd = shall.not.to + next![0].length;
      const edit = statement.edit(shall.from, verbEnd, `${statement.text.slice(shall.from, shall.to)} ${positive}`);
      report({
        path: statement.path,
        range: statement.locate(shall.from, verbEnd),
        message: `'${statement.text.slice(shall.from, verbEnd)}' can be said positively: '${statement.text.slice(shall.from, shall.to)} ${positive}'.`,
        fixes: edit ? [{ title: `Replace with '${statement.text.slice(shall.from, shall.to)} ${positive}'`, edits: [edit] }] : undefined,
      });
    }
  },
);
