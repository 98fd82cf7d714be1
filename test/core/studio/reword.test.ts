// @spec specthread-core#19.5
import * as assert from 'assert';
import fc from 'fast-check';
import { NEVER_CANCELLED } from '../../../server/src/core/cancellation';
import { Draft } from '../../../server/src/core/studio/draft/model';
import { checkRewrite, RewordCriterion } from '../../../server/src/core/studio/draft/reword';
import { rewordDraft } from '../../../server/src/core/studio/draft/rewordDraft';
import { criteriaKey, parseRewordAnswer, rewordBatches, rewordCriteria } from '../../../server/src/core/studio/draft/rewordPrompt';
import { writeDraft } from '../../../server/src/core/studio/draft/writers';
import { FUZZ_SEED, runsFor } from '../../fuzz/fuzzConfig';

const ROUTE: RewordCriterion = {
  id: '1.1',
  text: 'WHEN a client sends `POST /users`, THE API SHALL respond with status 201 through `create_user`',
  verifiedBy: ['tests/test_users.py::test_create_user'],
};

/** One criterion as the prompt writes it and a model answers it. */
const answerOf = (c: { id: string; text: string; verifiedBy: readonly string[] }): string =>
  `${c.id}: ${c.text}${c.verifiedBy.length ? `\n   Verified by: ${c.verifiedBy.map((t) => `\`${t}\``).join(', ')}` : ''}`;

const judge = (original: RewordCriterion, answer: string) =>
  checkRewrite(
    original,
    parseRewordAnswer(answer).find((r) => r.id === original.id),
  );

const reasonOf = (original: RewordCriterion, answer: string): string => {
  const verdict = judge(original, answer);
  return verdict.accepted ? 'accepted' : verdict.reason;
};

describe('Spec Studio: the language-model rewrite of a criterion is judged before it is used', () => {
  it('accepts a clearer wording that keeps the id, every backticked name, the status and the test link', () => {
    const text = 'WHEN a client sends `POST /users` with a new e-mail address, THE API SHALL create the user through `create_user` and respond with status 201';
    const verdict = judge(ROUTE, answerOf({ ...ROUTE, text }));
    assert.deepStrictEqual(verdict, { accepted: true, text, changed: true });
  });

  it('accepts the original wording given back, as unchanged', () => {
    assert.deepStrictEqual(judge(ROUTE, answerOf(ROUTE)), { accepted: true, text: ROUTE.text, changed: false });
  });

  it('rejects a rewrite that loses the thread to the code, naming what was lost', () => {
    const cases: [string, string, RegExp][] = [
      ['no answer for the id', answerOf({ ...ROUTE, id: '1.2' }), /no criterion 1\.1/],
      [
        'a dropped name',
        answerOf({ ...ROUTE, text: 'WHEN a client sends `POST /users`, THE API SHALL respond with status 201' }),
        /drops or alters `create_user`/,
      ],
      ['an altered route', answerOf({ ...ROUTE, text: ROUTE.text.replace('POST /users', 'POST /user') }), /drops or alters `POST \/users`/],
      ['a name taken out of backticks', answerOf({ ...ROUTE, text: ROUTE.text.replace('`create_user`', 'create_user') }), /drops or alters `create_user`/],
      ['an invented name', answerOf({ ...ROUTE, text: `${ROUTE.text} and \`send_mail\`` }), /adds `send_mail`/],
      ['a changed status', answerOf({ ...ROUTE, text: ROUTE.text.replace('201', '200') }), /drops the number 201/],
      ['a dropped test link', answerOf({ ...ROUTE, verifiedBy: [] }), /drops or alters the test link `tests\/test_users\.py::test_create_user`/],
      ['an altered test link', answerOf({ ...ROUTE, verifiedBy: ['tests/test_users.py::test_create'] }), /drops or alters the test link/],
      ['an added test link', answerOf({ ...ROUTE, verifiedBy: [...ROUTE.verifiedBy, 'tests/x.py::y'] }), /adds test links/],
      ['no SHALL', answerOf({ ...ROUTE, text: ROUTE.text.replace('SHALL', 'will') }), /not an EARS criterion/],
      ['two criteria in one', answerOf({ ...ROUTE, text: `${ROUTE.text}. THE API SHALL log it` }), /2 SHALLs/],
      ['Markdown structure', answerOf({ ...ROUTE, text: `# ${ROUTE.text}` }), /not plain criterion text/],
      ['an unclosed backtick', answerOf({ ...ROUTE, text: `${ROUTE.text} \`` }), /unclosed backtick/],
    ];
    for (const [what, answer, reason] of cases) assert.match(reasonOf(ROUTE, answer), reason, what);
  });

  it('reads answers with list markers, bold ids and comma-separated links, and ignores chatter around them', () => {
    const parsed = parseRewordAnswer(
      'Here are the criteria:\n```\n- **1.1**: WHEN x, THE API SHALL y\n   Verified by: a.py::t, b.py::u\n2.3: THE CLI SHALL z\n```\nHope this helps.',
    );
    assert.deepStrictEqual(parsed, [
      { id: '1.1', text: 'WHEN x, THE API SHALL y', verifiedBy: ['a.py::t', 'b.py::u'] },
      { id: '2.3', text: 'THE CLI SHALL z' },
    ]);
  });

  // Property: whatever the criterion, its identity answer passes and losing any id, name or link fails.
  const NAME = fc.stringMatching(/^[A-Za-z_][\w./ ()-]{0,18}$/).map((s) => s.trim() || 'x');
  const LINK = fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), fc.stringMatching(/^[a-z_]{1,8}$/)).map(([f, t]) => `tests/${f}.py::test_${t}`);
  const CRITERION = fc
    .record({
      requirement: fc.integer({ min: 1, max: 40 }),
      criterion: fc.integer({ min: 1, max: 40 }),
      template: fc.integer({ min: 0, max: 2 }),
      a: NAME,
      b: NAME,
      status: fc.integer({ min: 100, max: 599 }),
      verifiedBy: fc.uniqueArray(LINK, { maxLength: 3 }),
    })
    .map(({ requirement, criterion, template, a, b, status, verifiedBy }) => {
      const text = [
        `WHEN a client sends \`${a}\`, THE API SHALL respond with status ${status} through \`${b}\``,
        `THE app module SHALL provide the function \`${a}\` as \`${b}\``,
        `IF \`${a}\` cannot complete, THEN THE app module SHALL raise \`${b}\``,
      ][template] as string;
      return { id: `${requirement}.${criterion}`, text, verifiedBy, names: [a, b] } as RewordCriterion & { names: string[] };
    });

  it('property: an identity rewrite is always accepted; dropping or altering an id, a name or a test link is always rejected', () => {
    fc.assert(
      fc.property(CRITERION, fc.integer({ min: 0, max: 4 }), fc.nat(), (c, mutation, pick) => {
        assert.ok(judge(c, answerOf(c)).accepted, 'identity');
        const name = c.names[pick % c.names.length] as string;
        const link = c.verifiedBy[pick % Math.max(1, c.verifiedBy.length)];
        const [r, n] = c.id.split('.').map(Number) as [number, number];
        const mutated =
          mutation === 0
            ? { ...c, id: `${r}.${n + 1}` }
            : mutation === 1
              ? { ...c, text: c.text.split(`\`${name}\``).join('it') }
              : mutation === 2
                ? { ...c, text: c.text.replace(`\`${name}\``, `\`${name}2\``) }
                : link === undefined
                  ? { ...c, text: c.text.replace(`\`${name}\``, name) }
                  : { ...c, verifiedBy: mutation === 3 ? c.verifiedBy.filter((t) => t !== link) : c.verifiedBy.map((t) => (t === link ? `${t}x` : t)) };
        assert.ok(!judge(c, answerOf(mutated)).accepted, `mutation ${mutation} of ${JSON.stringify(c)} was accepted`);
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(1000) },
    );
  });
});

describe('Spec Studio: a draft reworded by a language model', () => {
  const draft: Draft = {
    name: 'shop',
    title: 'shop',
    modules: [],
    counts: { files: 2, publicNames: 1, routes: 1, commands: 0, tests: 1 },
    requirements: [
      {
        title: 'HTTP routes in app/users.py',
        slug: 'routes-app-users',
        criteria: [
          { text: ROUTE.text, verifiedBy: ['tests/test_users.py::test_create_user'], sources: ['app/users.py'] },
          { text: 'IF `POST /users` fails with `email taken`, THEN THE API SHALL respond with status 409', verifiedBy: [], sources: ['app/users.py'] },
        ],
      },
      {
        title: 'Configuration',
        slug: 'configuration',
        criteria: [{ text: 'THE system SHALL read `DATABASE_URL` from the environment (`app/config.py`)', verifiedBy: [], sources: ['app/config.py'] }],
      },
    ],
  };

  it('asks about criteria only, in batches within the limits, each criterion under its id with its test links', () => {
    const batches = rewordBatches(draft, { maxCriteria: 2, maxChars: 10_000 });
    assert.deepStrictEqual(
      batches.map((b) => b.criteria.map((c) => c.id)),
      [['1.1', '1.2'], ['2.1']],
    );
    assert.match(
      batches[0]?.prompt ?? '',
      /\n1\.1: WHEN a client sends `POST \/users`.*\n {3}Verified by: `tests\/test_users\.py::test_create_user`\n1\.2: IF/,
    );
    assert.match(batches[0]?.prompt ?? '', /Keep every id/);
    assert.strictEqual(criteriaKey(rewordCriteria(draft)), criteriaKey(rewordCriteria(draft)), 'the same draft, the same key');
  });

  it('keeps the accepted rewrite, the deterministic wording of a rejected one and of unanswered batches, and counts each', () => {
    const batches = rewordBatches(draft, { maxCriteria: 2, maxChars: 10_000 });
    const good = 'WHEN a client sends `POST /users` to register, THE API SHALL create the account through `create_user` and respond with status 201';
    // The second criterion's id is dropped (the model renumbered it); the second batch is never answered.
    const answer = `1.1: ${good}\n   Verified by: \`tests/test_users.py::test_create_user\`\n1.3: IF \`POST /users\` fails with \`email taken\`, THEN THE API SHALL answer 409`;
    const outcome = rewordDraft(draft, batches, [answer, undefined], NEVER_CANCELLED);
    assert.strictEqual(outcome.reworded, 1);
    assert.strictEqual(outcome.unchanged, 0);
    assert.strictEqual(outcome.notAsked, 1);
    assert.deepStrictEqual(outcome.rejected, [{ id: '1.2', reason: 'the answer has no criterion 1.2 (its id was dropped or changed)' }]);
    const requirements = writeDraft(outcome.draft, 'kiro')[0]?.text ?? '';
    assert.match(
      requirements,
      new RegExp(`\\n1\\. ${good.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n {3}Verified by: \`tests/test_users\\.py::test_create_user\`\\n`),
    );
    assert.match(requirements, /\n2\. IF `POST \/users` fails with `email taken`, THEN THE API SHALL respond with status 409\n/);
    assert.match(requirements, /\n1\. THE system SHALL read `DATABASE_URL` from the environment/);
  });

  it('rejects an answer that gives one id twice', () => {
    const batches = rewordBatches(draft);
    const outcome = rewordDraft(
      draft,
      batches,
      [`${answerOf({ id: '2.1', text: draft.requirements[1]!.criteria[0]!.text, verifiedBy: [] })}\n2.1: THE system SHALL read \`DATABASE_URL\``],
      NEVER_CANCELLED,
    );
    assert.deepStrictEqual(
      outcome.rejected.find((r) => r.id === '2.1'),
      { id: '2.1', reason: 'the answer gives 2.1 2 times' },
    );
  });
});
