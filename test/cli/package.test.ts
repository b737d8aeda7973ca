import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/paths';

const VSCE = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

function builtScripts(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? builtScripts(`${dir}/${e.name}`) : e.name.endsWith('.js') ? [`${dir}/${e.name}`] : [],
  );
}

test('the extension package holds every script the build writes to dist/, the vendor bundles the server loads on demand included', () => {
  const listed = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const packaged = new Set(listed.stdout.split('\n').map((line) => line.trim()));
  const built = builtScripts('dist');
  assert.ok(built.includes('dist/vendor/ajv.js') && built.includes('dist/vendor/cron-parser.js'), built.join(', '));
  assert.deepEqual(built.filter((file) => !packaged.has(file)), []);
});
