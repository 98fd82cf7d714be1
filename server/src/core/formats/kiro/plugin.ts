// @spec specthread-core#15.1
import { kiroFileShape } from '../../checks/rules/kiro/kiroFileShape';
import { patternTooComplex } from '../../checks/rules/kiro/patternTooComplex';
import { steeringFrontMatter } from '../../checks/rules/kiro/steeringFrontMatter';
import { SpecFormatPlugin } from '../specFormatPlugin';
import { KIRO_SPEC_FILES, locateKiro, locateKiroBelow } from './layout';
import { parseKiroFile } from './parseFile';

/** Kiro: `.kiro/specs/<name>/` with requirements (or bugfix), design and tasks; steering and hooks beside them. */
export const KIRO_FORMAT: SpecFormatPlugin = {
  id: 'kiro',
  locate: locateKiro,
  locateBelow: locateKiroBelow,
  // `requirements.md` and the others, `.config.kiro`, steering `*.md` and hooks `*.kiro.hook` (see layout.ts).
  nameSuffixes: ['.md', '.kiro', '.kiro.hook'],
  siblingFiles: () => KIRO_SPEC_FILES,
  parse: parseKiroFile,
  rules: [steeringFrontMatter, kiroFileShape, patternTooComplex],
};
