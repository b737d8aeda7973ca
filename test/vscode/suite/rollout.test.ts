// The rollout and cluster commands in a real VS Code, running the real kubectl against a loopback fake
// API server (./fakeApiServer). Dialogs answer through the extension's test hooks.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeApiServer, STUCK_DEPLOYMENT, type FakeApiServer } from './fakeApiServer';
import { waitUntil } from './poll';
import { CLUSTER_COMMANDS, clusterApi, deploymentYaml, DialogRecorder, EVIL_SETTINGS, EXTENSION_ID, manifest, withEvilWorkspaceSettings, type ClusterApi } from './rolloutHarness';

const kubectlAvailable = (() => {
  try {
    execFileSync('kubectl', ['version', '--client', '--output=json'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
})();

suite('rollout commands (real kubectl, fake API server)', function () {
  let api: ClusterApi;
  let fake: FakeApiServer;
  let dir: string;
  let kubeconfig: string;
  const dialogs = new DialogRecorder();
  const settings = () => vscode.workspace.getConfiguration('workloadStudio');
  const setKubectl = async (key: string, value: unknown) => settings().update(`kubectl.${key}`, value, vscode.ConfigurationTarget.Global);
  const runsSince = (count: number) => api.console.runs.slice(count);
  const patches = (pathEnd: string) => fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(pathEnd));

  suiteSetup(async function () {
    if (!vscode.workspace.isTrusted || !kubectlAvailable) this.skip();
    api = await clusterApi();
    dialogs.install(api);
    dir = mkdtempSync(path.join(tmpdir(), 'kws-rollout-'));
    fake = await startFakeApiServer(dir);
    kubeconfig = fake.kubeconfig('fake-ctx', 'shop');
    await setKubectl('kubeconfig', kubeconfig);
    await setKubectl('timeout', 30);
  });

  suiteTeardown(async () => {
    if (!fake) return;
    api.setUi({});
    api.simulateRestrictedMode(false);
    for (const key of ['kubeconfig', 'timeout', 'path']) await setKubectl(key, undefined);
    await settings().update('kubernetes.maxVersion', undefined, vscode.ConfigurationTarget.Global);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  setup(() => dialogs.reset());

  test('status streams kubectl rollout status into the output and reports the end', async () => {
    const { uri, at } = await manifest(deploymentYaml('slow'));
    const before = api.console.runs.length;
    await vscode.commands.executeCommand('workloadStudio.rollout.status', uri, at);
    const [run] = runsSince(before);
    assert.deepEqual(run.args, ['rollout', 'status', `--kubeconfig=${kubeconfig}`, '--namespace=shop', '--watch=true', 'deployment.apps/slow']);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(api.console.transcript, /Waiting for deployment "slow" rollout to finish: 1 out of 2 new replicas have been updated/);
    assert.match(api.console.transcript, /deployment "slow" successfully rolled out/);
    assert.deepEqual(dialogs.infos, ['deployment "slow" successfully rolled out']);
    assert.equal(dialogs.confirms.length, 0, 'status changes nothing and asks nothing');
  });

  test('status can be cancelled while it waits', async () => {
    const { uri, at } = await manifest(deploymentYaml(STUCK_DEPLOYMENT, 'shop'));
    const before = api.console.runs.length;
    const done = vscode.commands.executeCommand('workloadStudio.rollout.status', uri, at);
    await waitUntil(() => api.console.transcript.includes(`Waiting for deployment "${STUCK_DEPLOYMENT}" rollout to finish`), 'kubectl to start watching');
    assert.equal(api.console.cancelAll(), 1);
    await done;
    const [run] = runsSince(before);
    assert.equal(run.cancelled, true);
    assert.equal(api.console.active, 0);
    assert.match(dialogs.infos.join('\n'), /Stopped watching the rollout of deployment\.apps\/stuck/);
  });

  test('history opens a table of revisions and change-causes (the fixture file, namespace from the context)', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'deployment.yaml'));
    await vscode.window.showTextDocument(document);
    const before = api.console.runs.length;
    await vscode.commands.executeCommand('workloadStudio.rollout.history', document.uri, new vscode.Position(3, 4));
    assert.deepEqual(runsSince(before).map((r) => r.args), [['rollout', 'history', `--kubeconfig=${kubeconfig}`, '--namespace=shop', 'deployment.apps/web']]);
    const table = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'workload-studio-kubectl' && d.uri.path.includes('history/shop/deployment.apps/web'));
    assert.ok(table, 'no history document was opened');
    assert.equal(table.languageId, 'markdown');
    const text = table.getText();
    assert.match(text, /\| 1 \| kubectl set image nginx=nginx:1\.25 \|/);
    assert.match(text, /\| 2 \| bump to nginx 1\.26 \|/);
    assert.match(text, /\| 3 \(current\) \| bump to nginx 1\.27 \|/);
  });

  test('in a trusted workspace, .vscode/settings.json cannot point kubectl.path or kubeconfig elsewhere', async () => {
    await withEvilWorkspaceSettings(async () => {
      const config = vscode.workspace.getConfiguration('workloadStudio.kubectl');
      assert.equal(config.inspect('path')?.workspaceValue, undefined, 'VS Code ignores a machine setting in workspace settings');
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'deployment.yaml'));
      const before = api.console.runs.length;
      await vscode.commands.executeCommand('workloadStudio.rollout.history', document.uri, new vscode.Position(3, 4));
      const runs = runsSince(before);
      assert.ok(runs.length > 0, 'kubectl ran');
      for (const run of runs) {
        assert.notEqual(run.executable, EVIL_SETTINGS['workloadStudio.kubectl.path']);
        assert.ok(!run.args.some((a) => a.includes(EVIL_SETTINGS['workloadStudio.kubectl.kubeconfig'])), run.args.join(' '));
      }
    });
  });

  test('a declined confirmation runs nothing; the request names context, namespace and resource', async () => {
    const { uri, at } = await manifest(deploymentYaml('web'));
    const before = api.console.runs.length;
    const seen = fake.requests.length;
    for (const command of ['workloadStudio.rollout.restart', 'workloadStudio.rollout.pause', 'workloadStudio.rollout.resume', 'workloadStudio.scale']) {
      await vscode.commands.executeCommand(command, uri, at);
    }
    assert.deepEqual(dialogs.confirms.map((c) => c.action), ['restart', 'pause', 'resume', 'scale']);
    for (const request of dialogs.confirms) {
      assert.deepEqual([request.context, request.namespace, request.resources, request.production], ['fake-ctx', 'shop', ['deployment.apps/web'], false]);
      assert.match(request.message, /deployment\.apps\/web in namespace "shop" of context "fake-ctx"/);
    }
    assert.equal(runsSince(before).length, 0, 'kubectl ran although the user declined');
    assert.equal(fake.requests.slice(seen).filter((r) => r.method !== 'GET').length, 0);
  });

  test('restart, pause and resume run after confirmation and patch the Deployment', async () => {
    const { uri, at } = await manifest(deploymentYaml('web', 'shop'));
    dialogs.answer = true;
    const patched = patches('/deployments/web').length;
    for (const action of ['restart', 'pause', 'resume']) await vscode.commands.executeCommand(`workloadStudio.rollout.${action}`, uri, at);
    assert.deepEqual(dialogs.infos, ['deployment.apps/web restarted', 'deployment.apps/web paused', 'deployment.apps/web resumed']);
    const bodies = patches('/deployments/web').slice(patched).map((r) => JSON.parse(r.body));
    assert.equal(bodies.length, 3);
    assert.ok(bodies[0].spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'], JSON.stringify(bodies[0]));
    assert.equal(bodies[1].spec.paused, true);
    assert.equal(bodies[2].spec.paused, null);
    assert.match(api.console.transcript, /\$ kubectl rollout restart --kubeconfig=\S+ --namespace=shop deployment\.apps\/web\n/);
  });

  test('undo offers the earlier revisions from history and rolls back with --to-revision', async () => {
    const { uri, at } = await manifest(deploymentYaml('web'));
    dialogs.answer = true;
    const before = api.console.runs.length;
    await vscode.commands.executeCommand('workloadStudio.rollout.undo', uri, at);
    assert.deepEqual(dialogs.revisionChoices, [[2, 1]]);
    assert.match(dialogs.confirms[0].message, /revision 2/);
    assert.deepEqual(runsSince(before).map((r) => r.args[1]), ['history', 'undo']);
    assert.ok(runsSince(before)[1].args.includes('--to-revision=2'));
    assert.deepEqual(dialogs.infos, ['deployment.apps/web rolled back']);
  });

  test('scale asks for replicas, confirms and patches the scale subresource', async () => {
    const { uri, at } = await manifest(deploymentYaml('web'));
    dialogs.answer = true;
    dialogs.replicas = 5;
    const before = api.console.runs.length;
    await vscode.commands.executeCommand('workloadStudio.scale', uri, at);
    assert.deepEqual(runsSince(before)[0].args, ['scale', `--kubeconfig=${kubeconfig}`, '--namespace=shop', '--replicas=5', 'deployment.apps/web']);
    assert.equal(JSON.parse(patches('/deployments/web/scale').at(-1)!.body).spec.replicas, 5);
    assert.match(dialogs.confirms[0].message, /5 replicas/);
  });

  test('diff sends the document on stdin and shows the diff; nothing is confirmed or changed', async () => {
    const { uri, at } = await manifest(deploymentYaml('web', 'shop', 'nginx:1.28'));
    const before = api.console.runs.length;
    await vscode.commands.executeCommand('workloadStudio.diff', uri, at);
    const [run] = runsSince(before);
    assert.deepEqual(run.args, ['diff', `--kubeconfig=${kubeconfig}`, '--filename=-']);
    assert.equal(run.exitCode, 1, run.stderr);
    const view = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'workload-studio-kubectl' && d.uri.path.endsWith('.diff'));
    assert.ok(view, 'no diff document was opened');
    assert.equal(view.languageId, 'diff');
    assert.match(view.getText(), /^\+.*image: nginx:1\.28$/m);
    assert.equal(dialogs.confirms.length, 0);
  });

  test('server-side dry-run apply confirms, then patches with dryRun=All', async () => {
    const { uri, at } = await manifest(deploymentYaml('web', 'shop', 'nginx:1.29'));
    dialogs.answer = true;
    const seen = fake.requests.length;
    await vscode.commands.executeCommand('workloadStudio.applyServerDryRun', uri, at);
    assert.deepEqual(dialogs.confirms.map((c) => [c.action, c.resources]), [['apply', ['Deployment/web']]]);
    const patch = fake.requests.slice(seen).find((r) => r.method === 'PATCH');
    assert.equal(patch?.query.get('dryRun'), 'All');
    assert.deepEqual(dialogs.infos, ['deployment.apps/web configured (server dry run)']);
  });

  test('hostile names are refused before kubectl runs', async () => {
    const before = api.console.runs.length;
    dialogs.answer = true;
    for (const name of ['x; rm -rf ~', '$(id)', '--kubeconfig=/tmp/x', 'web\nrm -rf ~', 'w\u0435b']) {
      const { uri, at } = await manifest(deploymentYaml(name, 'shop'));
      await vscode.commands.executeCommand('workloadStudio.rollout.restart', uri, at);
      await vscode.commands.executeCommand('workloadStudio.applyServerDryRun', uri, at);
    }
    assert.equal(runsSince(before).length, 0, JSON.stringify(runsSince(before).map((r) => r.args)));
    assert.equal(dialogs.confirms.length, 0);
    assert.equal(dialogs.errors.length, 10);
    for (const error of dialogs.errors) assert.match(error, /is not a valid Kubernetes name .* so kubectl was not run/);
  });

  test('a production-looking context gets the stronger warning', async () => {
    await setKubectl('kubeconfig', fake.kubeconfig('prod-eu', 'shop'));
    try {
      const { uri, at } = await manifest(deploymentYaml('web'));
      await vscode.commands.executeCommand('workloadStudio.rollout.restart', uri, at);
      const [request] = dialogs.confirms;
      assert.equal(request.production, true);
      assert.match(request.message, /^PRODUCTION context "prod-eu"/);
      assert.match(request.confirmLabel, /in production/);
      assert.match(request.detail, /productionContextPattern/);
    } finally {
      await setKubectl('kubeconfig', kubeconfig);
    }
  });

  test('kubectl failures become messages with the next step', async () => {
    const { uri, at } = await manifest(deploymentYaml('nope'));
    await vscode.commands.executeCommand('workloadStudio.rollout.history', uri, at);
    assert.match(dialogs.errors.at(-1)!, /was not found in the cluster.*Apply the manifest first/);

    const refused = path.join(dir, 'refused');
    writeFileSync(refused, JSON.stringify({ apiVersion: 'v1', kind: 'Config', 'current-context': 'gone', clusters: [{ name: 'c', cluster: { server: 'http://127.0.0.1:9' } }], users: [{ name: 'u', user: {} }], contexts: [{ name: 'gone', context: { cluster: 'c', user: 'u' } }] }));
    await setKubectl('kubeconfig', refused);
    await vscode.commands.executeCommand('workloadStudio.rollout.history', uri, at);
    assert.match(dialogs.errors.at(-1)!, /cannot be reached.*Check the network/);

    const empty = path.join(dir, 'empty');
    writeFileSync(empty, JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [] }));
    await setKubectl('kubeconfig', empty);
    await vscode.commands.executeCommand('workloadStudio.rollout.history', uri, at);
    assert.match(dialogs.errors.at(-1)!, /no usable context.*kubectl config use-context/);

    await setKubectl('kubeconfig', kubeconfig);
    await setKubectl('path', path.join(dir, 'no-kubectl-here'));
    await vscode.commands.executeCommand('workloadStudio.rollout.history', uri, at);
    assert.match(dialogs.errors.at(-1)!, /kubectl was not found.*workloadStudio\.kubectl\.path/);
    await setKubectl('path', undefined);
    assert.equal(dialogs.errors.length, 4);
  });

  test('the status bar shows the context, namespace and version window; "cluster" reads the server version', async () => {
    await api.statusBar.refresh();
    assert.match(api.statusBar.item.text, /fake-ctx · shop · K8s 1\.26–1\.32$/);
    await settings().update('kubernetes.maxVersion', 'cluster', vscode.ConfigurationTarget.Global);
    await api.statusBar.refresh();
    assert.match(api.statusBar.item.text, /K8s 1\.26–1\.31$/);
    assert.ok(fake.requests.some((r) => r.path === '/version'));
    await settings().update('kubernetes.maxVersion', undefined, vscode.ConfigurationTarget.Global);
  });

  test('CodeLenses sit above each Deployment: status, history, undo, restart', async () => {
    const { uri } = await manifest(`${deploymentYaml('web')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n`);
    let lenses: vscode.CodeLens[] = [];
    await waitUntil(async () => (lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? []).some((l) => l.command?.command.startsWith('workloadStudio.rollout.')), 'rollout CodeLenses');
    const ours = lenses.filter((l) => l.command?.command.startsWith('workloadStudio.rollout.'));
    assert.deepEqual(ours.map((l) => l.command!.title), ['Rollout: status', 'history', 'undo', 'restart']);
    assert.deepEqual(ours.map((l) => l.command!.command), ['workloadStudio.rollout.status', 'workloadStudio.rollout.history', 'workloadStudio.rollout.undo', 'workloadStudio.rollout.restart']);
    assert.ok(ours.every((l) => l.range.start.line === 0));
  });

  test('in Restricted Mode the commands refuse with an explanation and the lens says why', async () => {
    const { uri, at } = await manifest(deploymentYaml('web'));
    api.simulateRestrictedMode(true);
    try {
      const before = api.console.runs.length;
      dialogs.answer = true;
      for (const command of CLUSTER_COMMANDS) await vscode.commands.executeCommand(command, uri, at);
      assert.equal(runsSince(before).length, 0);
      assert.equal(dialogs.errors.length, CLUSTER_COMMANDS.length);
      for (const error of dialogs.errors) assert.match(error, /disabled in Restricted Mode.*Trust the workspace/);
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
      assert.deepEqual(lenses.filter((l) => l.command?.command === 'workbench.trust.manage').map((l) => l.command!.title), ['Rollout commands are disabled in Restricted Mode']);
    } finally {
      api.simulateRestrictedMode(false);
    }
  });

  test('the manifest disables the commands outside trusted workspaces and restricts kubectl.path/kubeconfig', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const commands = new Map<string, { enablement?: string }>(pkg.contributes.commands.map((c: { command: string }) => [c.command, c]));
    const menus: { command?: string; when?: string }[] = [...pkg.contributes.menus.commandPalette, ...pkg.contributes.menus['workloadStudio.cluster']];
    for (const id of CLUSTER_COMMANDS) {
      assert.equal(commands.get(id)?.enablement, 'isWorkspaceTrusted', id);
      const entries = menus.filter((m) => m.command === id);
      assert.ok(entries.length >= 2 && entries.every((m) => m.when?.includes('isWorkspaceTrusted')), id);
    }
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['workloadStudio.kubectl.path', 'workloadStudio.kubectl.kubeconfig']);
  });
});
