// @spec specthread-core#14.7
import * as assert from 'assert';
import fc from 'fast-check';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { SpecFileKind, SpecFormat } from '../../server/src/core/model';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { documentSymbols } from '../../server/src/core/queries/symbols';
import { fuzzParams } from './fuzzConfig';
import { generatedWorkspace } from './generators/workspace';
import { DocumentShape } from './harness/ranges';
import { positionProblems } from './harness/rangeWalk';

/**
 * Every generated (and mutated) spec file, read as every file kind of its format, the way the
 * corpus test reads real files: the parser never throws, and every range and position in what it
 * returns (and in the outline built from it) lies inside the file. Cheap, so it runs most cases.
 */

const KINDS: Record<SpecFormat, readonly SpecFileKind[]> = {
  kiro: ['requirements', 'bugfix', 'design', 'tasks', 'steering'],
  speckit: ['spec', 'plan', 'tasks', 'checklist', 'constitution', 'research'],
  openspec: ['spec', 'delta', 'proposal', 'tasks', 'design', 'project'],
};

describe('fuzz: parsers on generated files of every format', function () {
  this.timeout(180_000);

  it('read as any file kind of its format, a file parses without throwing and with ranges inside it', () => {
    fc.assert(
      fc.property(generatedWorkspace, (ws) => {
        const problems: string[] = [];
        for (const [path, text] of Object.entries(ws.files)) {
          if (!path.endsWith('.md')) continue;
          const doc = new DocumentShape(text);
          for (const kind of KINDS[ws.format]) {
            const facts = parseSpecFile(`/ws/${path}`, kind, text, NEVER_CANCELLED, ws.format);
            problems.push(...positionProblems(facts, doc, `${path} as ${kind}`));
            problems.push(...positionProblems(documentSymbols(facts, NEVER_CANCELLED), doc, `outline of ${path} as ${kind}`));
          }
        }
        assert.deepStrictEqual(problems, []);
      }),
      fuzzParams('parsers'),
    );
  });
});
