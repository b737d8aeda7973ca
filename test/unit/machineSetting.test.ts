import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/paths';

const { machineValue } = require(path.join(REPO_ROOT, 'out', 'client', 'kubectl', 'machineSetting')) as typeof import('../../out/client/kubectl/machineSetting');

test('kubectl.path: workspace and folder values are ignored; the user value or the default wins', () => {
  assert.equal(machineValue({ defaultValue: '', workspaceValue: '/tmp/evil', workspaceFolderValue: './bin/kubectl' }, 'x'), '');
  assert.equal(machineValue({ defaultValue: '', globalValue: '/usr/local/bin/kubectl', workspaceValue: '/tmp/evil' }, 'x'), '/usr/local/bin/kubectl');
  assert.equal(machineValue({ workspaceValue: '/tmp/evil' }, 'fallback'), 'fallback');
  assert.equal(machineValue(undefined, 'fallback'), 'fallback');
});

test('package.json declares kubectl.path and kubeconfig machine-scoped and restricted in untrusted workspaces', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties;
  for (const key of ['workloadStudio.kubectl.path', 'workloadStudio.kubectl.kubeconfig']) {
    assert.equal(props[key].scope, 'machine', key);
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
  }
  const cluster = pkg.contributes.commands.filter((c: { command: string }) => /rollout|scale|diff|applyServerDryRun/.test(c.command));
  assert.ok(cluster.length >= 9);
  for (const c of cluster) assert.equal(c.enablement, 'isWorkspaceTrusted', c.command);
});
