// Writes docs/rules.md from the rule registry. Run with `npm run docs`; a test fails when it is stale.
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesReference } from '../server/src/core/checks/ruleDocs';

const target = path.join(__dirname, '..', 'docs', 'rules.md');
fs.writeFileSync(target, renderRulesReference());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
