// Writes what the rule registry decides into the files that must mirror it: the `workloadStudio.rules`
// setting schema in package.json and the rule index docs/rules/README.md (and its Chinese twin).
// Run after `npx tsc -b`: node scripts/sync-rules.mjs. A test fails when they are out of sync.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { allRules } = require('../out/server/src/rules/registry.js');
const { rulesSettingSchema, rulesIndexMarkdown } = require('../out/server/src/rules/catalog.js');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes.configuration.properties['workloadStudio.rules'] = rulesSettingSchema();
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
writeFileSync('docs/rules/README.md', rulesIndexMarkdown('en'));
writeFileSync('docs/rules/zh-CN/README.md', rulesIndexMarkdown('zh-CN'));
console.log(`synced ${allRules().length} rules`);
