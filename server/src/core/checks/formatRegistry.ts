// @spec specthread-core#15.1, specthread-core#15.2
import { KIRO_FORMAT } from '../formats/kiro/plugin';
import { OPENSPEC_FORMAT } from '../formats/openspec/plugin';
import { SPECKIT_FORMAT } from '../formats/speckit/plugin';
import { SpecRule } from './rule';

/**
 * Per-spec rules of the built-in formats (spec-kit, OpenSpec, Kiro steering and hooks), read from
 * their plugins so that each format lists its rules in one place (formats/<name>/plugin.ts). The
 * order (spec-kit, OpenSpec, Kiro) is the order the rules run and are documented in.
 */
export const FORMAT_RULES: readonly SpecRule[] = [SPECKIT_FORMAT, OPENSPEC_FORMAT, KIRO_FORMAT].flatMap((format) => format.rules);
