// @spec specthread-core#15.1
import { AnalysisCache } from '../analysisCache';
import type { Vocabulary } from '../requirements/vocabulary';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { BUILTIN_FORMATS, DEFAULT_FORMAT, formatById } from '../formats/registry';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { SpecFileFacts, SpecFileKind, SpecFormat } from '../model';
import { withReading } from './reading';

/**
 * Parses one spec file into facts that depend on nothing but its text, with the parser of its
 * format. The result is cached by content in the engine, so an edit re-parses exactly one file.
 * `cache` is the engine's memo tables (compiled JSON Schemas); without one, nothing outlives the call.
 */
export function parseSpecFile(
  path: string,
  kind: SpecFileKind,
  text: string,
  token: CancellationToken,
  format: SpecFormat = DEFAULT_FORMAT,
  formats: readonly SpecFormatPlugin[] = BUILTIN_FORMATS,
  cache?: AnalysisCache,
  vocabulary?: Vocabulary,
): SpecFileFacts {
  throwIfCancelled(token);
  const plugin = formatById(formats, format);
  if (!plugin) throw new Error(`no spec format is registered as '${format}'`);
  // Every format's facts are rated by the one shared helper, so confidence means the same everywhere.
  return withReading(plugin.parse(path, kind, text, token, cache, vocabulary), text);
}
