// Writes docs/rules.md from the rule registry and schemas/*.json from the schemas in code. Run with `npm run docs`; a test fails when it is stale.
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesReference } from '../server/src/core/checks/ruleDocs';
import { SCHEMA_FILES, renderSchema } from '../server/src/core/schemas';

const target = path.join(__dirname, '..', 'docs', 'rules.md');
fs.writeFileSync(target, renderRulesReference());
console.log(`wrote ${path.relative(process.cwd(), target)}`);

// The JSON Schemas (repo config, Kiro hooks and spec config) live in code; ship them as files too.
for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
  const file = path.join(__dirname, '..', 'schemas', name);
  fs.writeFileSync(file, renderSchema(schema));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
