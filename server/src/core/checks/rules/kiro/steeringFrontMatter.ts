import { SpecRule } from '../../rule';

const INCLUSIONS = ['always', 'fileMatch', 'manual', 'auto'];

/** `.kiro/steering/*.md` front matter Kiro cannot act on. */
export const steeringFrontMatter: SpecRule = {
  meta: {
    code: 'structure.steering-front-matter',
    defaultSeverity: 'warning',
    summary: "A Kiro steering file's front matter is invalid: bad YAML, an unknown `inclusion`, or fileMatch without `fileMatchPattern`.",
    description:
      'Kiro decides when to load a steering file from its front matter: `inclusion: always | fileMatch | manual | auto`, ' +
      'and for `fileMatch` a `fileMatchPattern` glob (or list of globs). Anything else is not understood, so the ' +
      'file is loaded when its author did not intend it, or never. A file without front matter is always included.',
    bad: '---\ninclusion: fileMatch\n---',
    good: '---\ninclusion: fileMatch\nfileMatchPattern: "components/**/*.tsx"\n---',
  },
  formats: ['kiro'],
  check(spec, report) {
    for (const f of spec.fileList) {
      const x = f.extras;
      if (f.kind !== 'steering' || x?.type !== 'steering') continue;
      if (x.error) {
        report({ path: f.path, range: x.error.range, message: `The front matter is not valid YAML: ${x.error.text}` });
        continue;
      }
      const inclusion = x.fields.find((d) => d.key === 'inclusion');
      const pattern = x.fields.find((d) => d.key === 'fileMatchPattern');
      if (inclusion && !INCLUSIONS.includes(String(inclusion.value))) {
        report({ path: f.path, range: inclusion.range, message: `Unknown inclusion '${String(inclusion.value)}'; Kiro knows ${INCLUSIONS.join(', ')}.` });
      }
      if (inclusion?.value === 'fileMatch' && !pattern) {
        report({ path: f.path, range: inclusion.range, message: 'inclusion: fileMatch needs a fileMatchPattern, or the file is never loaded.' });
      }
      if (pattern && !isPatternValue(pattern.value)) {
        report({ path: f.path, range: pattern.range, message: 'fileMatchPattern must be a glob string or a list of glob strings.' });
      }
    }
  },
};

function isPatternValue(v: unknown): boolean {
  return (typeof v === 'string' && v.trim() !== '') || (Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'string' && p.trim() !== ''));
}
