import { SpecKitExtras } from '../../../extras';
import { SpecRule } from '../../rule';

/** spec-kit's own limit: at most three open `[NEEDS CLARIFICATION: …]` markers in a feature. */
const LIMIT = 3;

export const tooManyClarifications: SpecRule = {
  meta: {
    code: 'quality.too-many-clarifications',
    defaultSeverity: 'warning',
    summary: 'A spec-kit feature has more than three open `[NEEDS CLARIFICATION: …]` markers.',
    description:
      'spec-kit asks for at most three open clarification markers: beyond that the spec is not ready to plan, and ' +
      "`/speckit.clarify` should run first. Markers in spec.md and plan.md (including plan.md's bare " +
      '`NEEDS CLARIFICATION` values) are counted; the finding sits on the fourth and lists them all.',
    bad: '- **FR-004**: Auth via [NEEDS CLARIFICATION: SSO or email?]\n… (four such markers)',
    good: '## Clarifications\n\n### Session 2025-01-10\n\n- Q: SSO or email? → A: SSO only',
  },
  formats: ['speckit'],
  check(spec, report) {
    const markers = spec.fileList.flatMap((f) =>
      f.extras?.type === 'speckit' ? (f.extras as SpecKitExtras).clarifications.map((m) => ({ path: f.path, m })) : [],
    );
    if (markers.length <= LIMIT) return;
    const fourth = markers[LIMIT]!;
    report({
      path: fourth.path,
      range: fourth.m.range,
      message: `${markers.length} open clarification markers in feature '${spec.id}' (spec-kit allows ${LIMIT}); resolve them (/speckit.clarify) before planning.`,
      related: markers.map(({ path, m }) => ({ path, range: m.range, message: m.text || 'NEEDS CLARIFICATION' })),
    });
  },
};
