// @spec specthread-core#20.4
import * as fs from 'fs';
import * as path from 'path';
import { RuleDocLinks, ruleDocLinks, ruleHeadingLines } from '../core/checks/ruleDocLinks';
import { Engine } from '../core/engine';
import { pathToUri } from '../host/paths';

/**
 * The rule documentation links of one server: the reference shipped next to the bundle
 * (`docs/rules.md` beside `dist/`, in the .vsix and in the repository), or the team's
 * `ruleDocsUrl` when it sets one. Rebuilt only when that setting changes.
 */
export class RuleDocsLinks {
  private headings: ReadonlyMap<string, number> | undefined;
  private built: { base: string | undefined; links: RuleDocLinks } | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly shipped: string | undefined = shippedReference(),
  ) {}

  href(code: string): string | undefined {
    const base = this.engine.settings.ruleDocsUrl;
    if (!this.built || this.built.base !== base) {
      this.headings ??= ruleHeadingLines();
      this.built = { base, links: ruleDocLinks(this.headings, base, this.shipped) };
    }
    return this.built.links.href(code);
  }
}

/** The file URI of docs/rules.md next to the server bundle, when it is there. */
function shippedReference(): string | undefined {
  const file = path.join(__dirname, '..', 'docs', 'rules.md');
  return fs.existsSync(file) ? pathToUri(file) : undefined;
}
