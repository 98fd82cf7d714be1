// @spec specthread-core#14.7
import fc from 'fast-check';
import { avoidKnownBugs } from '../knownBugs';
import { bugfixMd, designMd, hookJson, requirementsMd, steeringMd, tasksMd } from './kiro';
import { Mutation, applyMutations, mutations } from './mutations';
import { deltaMd, openspecSpecMd, openspecTasksMd, proposalMd } from './openspec';
import { constitutionMd, speckitPlanMd, speckitSpecMd, speckitTasksMd } from './speckit';

/**
 * A whole generated workspace: the spec files of one format (sometimes two specs, so cross-spec
 * refs resolve), a code file and a test file carrying `@spec` tags, and mutations applied to
 * some of the files. Paths are workspace-relative; the harness roots them.
 */

export interface GeneratedWorkspace {
  readonly format: 'kiro' | 'speckit' | 'openspec';
  /** Relative path → final text (after mutations). */
  readonly files: Readonly<Record<string, string>>;
  /** The mutations applied per file, kept for the failure report. */
  readonly mutated: Readonly<Record<string, readonly Mutation[]>>;
}

type Files = Record<string, string>;

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

const kiroSpec = (name: string) =>
  fc.tuple(fc.boolean(), requirementsMd, bugfixMd, opt(designMd), opt(tasksMd)).map(([bug, req, fix, design, tasks]) => {
    const dir = `.kiro/specs/${name}`;
    const files: Files = { [`${dir}/${bug ? 'bugfix' : 'requirements'}.md`]: bug ? fix : req };
    if (design !== undefined) files[`${dir}/design.md`] = design;
    if (tasks !== undefined) files[`${dir}/tasks.md`] = tasks;
    return files;
  });

const kiro: fc.Arbitrary<Files> = fc.tuple(kiroSpec('user-auth'), opt(kiroSpec('billing')), opt(steeringMd), opt(hookJson)).map(([a, b, steering, hook]) => ({
  ...a,
  ...(b ?? {}),
  ...(steering !== undefined ? { '.kiro/steering/tech.md': steering } : {}),
  ...(hook !== undefined ? { '.kiro/hooks/lint.kiro.hook': hook } : {}),
}));

const speckitFeature = (dir: string) =>
  fc.tuple(speckitSpecMd, opt(speckitPlanMd), opt(speckitTasksMd)).map(([spec, plan, tasks]) => ({
    [`specs/${dir}/spec.md`]: spec,
    ...(plan !== undefined ? { [`specs/${dir}/plan.md`]: plan } : {}),
    ...(tasks !== undefined ? { [`specs/${dir}/tasks.md`]: tasks } : {}),
  }));

const speckit: fc.Arbitrary<Files> = fc
  .tuple(speckitFeature('001-checkout'), opt(speckitFeature('002-receipts')), opt(constitutionMd))
  .map(([a, b, constitution]) => ({ ...a, ...(b ?? {}), ...(constitution !== undefined ? { '.specify/memory/constitution.md': constitution } : {}) }));

const openspec: fc.Arbitrary<Files> = fc
  .tuple(openspecSpecMd, opt(openspecSpecMd), opt(proposalMd), opt(openspecTasksMd), opt(deltaMd), opt(deltaMd))
  .map(([cart, auth, proposal, tasks, delta, delta2]) => {
    const change = 'openspec/changes/add-coupons';
    return {
      'openspec/specs/cart/spec.md': cart,
      ...(auth !== undefined ? { 'openspec/specs/auth/spec.md': auth } : {}),
      ...(proposal !== undefined ? { [`${change}/proposal.md`]: proposal } : {}),
      ...(tasks !== undefined ? { [`${change}/tasks.md`]: tasks } : {}),
      ...(delta !== undefined ? { [`${change}/specs/cart/spec.md`]: delta } : {}),
      ...(delta2 !== undefined ? { [`${change}/specs/new-cap/spec.md`]: delta2 } : {}),
    };
  });

const TAGS: Record<GeneratedWorkspace['format'], readonly string[]> = {
  kiro: ['user-auth#1.1', 'user-auth#2', 'billing#1.2', 'user-auth#9.9', 'user-auth#1.1@abcdef'],
  speckit: ['001-checkout#FR-001', 'checkout#FR-002', '001-checkout#SC-001', '002-receipts#FR-009'],
  openspec: ['cart#add-to-cart', 'cart#cart-total', 'auth#login', 'cart#nope'],
};

const codeFiles = (format: GeneratedWorkspace['format']) =>
  fc.tuple(fc.subarray([...TAGS[format]]), fc.subarray([...TAGS[format]])).map(([impl, tests]) => ({
    'src/impl.ts': ['export const x = 1;', ...impl.map((t) => `// @spec ${t}`), ''].join('\n'),
    'test/impl.test.ts': ['// @spec ' + tests.join(', '), ...tests.map((t) => `it('${t} works', () => {});`), ''].join('\n'),
  }));

const byFormat = fc
  .constantFrom('kiro' as const, 'speckit' as const, 'openspec' as const)
  .chain((format) => fc.tuple(fc.constant(format), format === 'kiro' ? kiro : format === 'speckit' ? speckit : openspec, codeFiles(format)));

/**
 * Each file is mutated with probability about one half, with up to three mutations; then the
 * inputs of known, unfixed bugs are defused (see knownBugs.ts).
 */
export const generatedWorkspace: fc.Arbitrary<GeneratedWorkspace> = byFormat.chain(([format, specs, code]) => {
  const all: Files = { ...specs, ...code };
  const paths = Object.keys(all);
  return fc.tuple(...paths.map(() => fc.option(mutations(3), { nil: undefined, freq: 2 }))).map((perFile) => {
    const files: Files = {};
    const mutated: Record<string, readonly Mutation[]> = {};
    paths.forEach((p, i) => {
      const ms = perFile[i];
      files[p] = avoidKnownBugs(ms ? applyMutations(all[p], ms) : all[p]);
      if (ms?.length) mutated[p] = ms;
    });
    return { format, files, mutated };
  });
});
