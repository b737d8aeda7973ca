// Restricted Mode for real: these tests run when the suite runs in an untrusted workspace
// (`node test/vscode/run-code-server.mjs --trust-prompt`) and are skipped otherwise.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';
import { CLUSTER_COMMANDS, clusterApi, deploymentYaml, DialogRecorder, manifest, withEvilWorkspaceSettings, type ClusterApi } from './rolloutHarness';

suite('rollout commands in Restricted Mode', () => {
  let api: ClusterApi;
  const dialogs = new DialogRecorder();

  suiteSetup(async function () {
    if (vscode.workspace.isTrusted) this.skip();
    api = await clusterApi();
    dialogs.install(api);
  });

  suiteTeardown(() => api?.setUi({}));

  test('every cluster command refuses with an explanation and runs nothing', async () => {
    const { uri, at } = await manifest(deploymentYaml('web'));
    dialogs.answer = true;
    const before = api.console.runs.length;
    for (const command of CLUSTER_COMMANDS) await vscode.commands.executeCommand(command, uri, at);
    assert.equal(api.console.runs.length, before);
    assert.equal(dialogs.confirms.length, 0);
    assert.equal(dialogs.errors.length, CLUSTER_COMMANDS.length);
    for (const error of dialogs.errors) assert.match(error, /disabled in Restricted Mode/);
  });

  test('the CodeLens and the status bar explain that cluster commands are off', async () => {
    const { uri } = await manifest(deploymentYaml('web'));
    let lenses: vscode.CodeLens[] = [];
    const rollout = (all: vscode.CodeLens[]) => all.filter((l) => l.command?.command === 'workbench.trust.manage' || l.command?.command.startsWith('workloadStudio.rollout'));
    await waitUntil(async () => rollout((lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [])).length > 0, 'the CodeLens');
    assert.deepEqual(rollout(lenses).map((l) => [l.command?.title, l.command?.command]), [['Rollout commands are disabled in Restricted Mode', 'workbench.trust.manage']]);
    await api.statusBar.refresh();
    assert.match(api.statusBar.item.text, /Restricted Mode/);
  });

  test('workspace settings cannot set kubectl.path or kubectl.kubeconfig', async () => {
    const config = () => vscode.workspace.getConfiguration('workloadStudio.kubectl');
    await assert.rejects(Promise.resolve(config().update('path', '/tmp/evil-kubectl', vscode.ConfigurationTarget.Workspace)), 'VS Code refuses to write the setting into the workspace');
    await withEvilWorkspaceSettings(async () => {
      assert.equal(config().get('path'), '');
      assert.equal(config().get('kubeconfig'), '');
    });
  });
});
