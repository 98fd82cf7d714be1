// @spec specthread-core#19.1
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './fixtures';
import { corpusRequired } from './corpus';

/** The shared code corpus (`../shared/code-corpus`): real code repositories that drafts are measured on. */
export const CODE_CORPUS = path.resolve(REPO, '..', 'shared', 'code-corpus');

/** Registers `body` when the code corpus exists; otherwise says why (`SKIPPED:`), and fails when the corpus is required. */
export function describeCodeCorpus(title: string, body: (corpus: string) => void): void {
  describe(title, function () {
    if (fs.existsSync(CODE_CORPUS)) {
      body(CODE_CORPUS);
      return;
    }
    const reason = `the shared code corpus is missing at ${CODE_CORPUS} (CI places ../shared beside the checkout)`;
    if (corpusRequired()) it('the shared code corpus is present (SPECTHREAD_CORPUS_REQUIRED=1)', () => assert.fail(reason));
    else {
      console.log(`      SKIPPED: ${title}: ${reason}`);
      it.skip(`SKIPPED: ${reason}`);
    }
  });
}

/** Every file below `dir` (relative, sorted), skipping the folders a draft skips. */
export function filesBelow(dir: string, skip = /(^|\/)(node_modules|vendor|\.git|dist)(\/|$)/): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (skip.test(child)) continue;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  visit('');
  return out.sort();
}
