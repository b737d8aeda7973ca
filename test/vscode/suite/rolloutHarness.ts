// Shared by the rollout suites: the extension's test API as they see it, recording dialogs, and
// documents to run the commands on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './poll';

export const EXTENSION_ID = 'workload-studio.workload-studio';

/** A confirmation request as the extension passes it to the test hook. */
export interface ConfirmRequest {
  action: string;
  resources: string[];
  context: string;
  namespace: string;
  production: boolean;
  message: string;
  detail: string;
  confirmLabel: string;
}

/** One kubectl run the extension recorded. */
export interface RecordedRun {
  executable: string;
  args: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  cancelled: boolean;
  failure?: string;
}

/** The part of the extension's exported API the rollout tests use. */
export interface ClusterApi {
  console: { runs: RecordedRun[]; transcript: string; active: number; cancelAll(): number };
  setUi(overrides: Record<string, unknown>): void;
  simulateRestrictedMode(on: boolean): void;
  statusBar: { item: vscode.StatusBarItem; refresh(): Promise<void> };
}

/** What the dialogs were asked, and how they answer. */
export class DialogRecorder {
  confirms: ConfirmRequest[] = [];
  errors: string[] = [];
  infos: string[] = [];
  revisionChoices: number[][] = [];
  answer = false;
  replicas: number | undefined = 5;
  revision: number | undefined = 2;

  install(api: ClusterApi): void {
    api.setUi({
      confirm: async (request: ConfirmRequest) => {
        this.confirms.push(request);
        return this.answer;
      },
      askReplicas: async () => this.replicas,
      pickRevision: async (_resource: string, entries: { revision: number }[]) => {
        this.revisionChoices.push(entries.map((e) => e.revision));
        return this.revision;
      },
      showError: (message: string) => this.errors.push(message),
      showInfo: (message: string) => this.infos.push(message),
    });
  }

  reset(): void {
    this.confirms = [];
    this.errors = [];
    this.infos = [];
    this.revisionChoices = [];
    this.answer = false;
  }
}

/** Activates the extension and returns its cluster API. */
export async function clusterApi(): Promise<ClusterApi> {
  const extension = vscode.extensions.getExtension<{ cluster: ClusterApi; ready(): Promise<unknown> }>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready();
  return api.cluster;
}

/** Opens an untitled YAML document and waits until the language server names its resource. */
export async function manifest(content: string): Promise<{ uri: vscode.Uri; at: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(document);
  const at = new vscode.Position(1, 0);
  const extension = vscode.extensions.getExtension<{ resourceAt(uri: vscode.Uri, p: vscode.Position): Promise<unknown> }>(EXTENSION_ID)!;
  await waitUntil(async () => (await extension.exports.resourceAt(document.uri, at)) !== null, 'the server to know the document');
  return { uri: document.uri, at };
}

/** A Deployment manifest; `namespace: undefined` leaves the namespace out so the context's applies. */
export function deploymentYaml(name: string, namespace?: string, image = 'nginx:1.27'): string {
  const ns = namespace === undefined ? '' : `  namespace: ${namespace}\n`;
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${JSON.stringify(name)}\n${ns}spec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`;
}

/** Every cluster command id the extension contributes. */
export const CLUSTER_COMMANDS = [
  'workloadStudio.rollout.status', 'workloadStudio.rollout.history', 'workloadStudio.rollout.undo', 'workloadStudio.rollout.pause',
  'workloadStudio.rollout.resume', 'workloadStudio.rollout.restart', 'workloadStudio.scale', 'workloadStudio.diff', 'workloadStudio.applyServerDryRun',
];

/** What a workspace `.vscode/settings.json` tries to set: another kubectl and another kubeconfig. */
export const EVIL_SETTINGS = { 'workloadStudio.kubectl.path': '/tmp/evil-kubectl', 'workloadStudio.kubectl.kubeconfig': '/tmp/evil-kubeconfig' };

/**
 * Runs `body` while the workspace's `.vscode/settings.json` holds {@link EVIL_SETTINGS} (written to the
 * file directly: VS Code refuses to write machine settings there) and a marker window setting, once
 * VS Code has read the file; restores the file afterwards.
 */
export async function withEvilWorkspaceSettings(body: () => Promise<void>): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const dotVscode = vscode.Uri.joinPath(folder, '.vscode');
  const file = vscode.Uri.joinPath(dotVscode, 'settings.json');
  const folderExisted = await vscode.workspace.fs.stat(dotVscode).then(() => true, () => false);
  const previous = await vscode.workspace.fs.readFile(file).then((b) => b, () => undefined);
  try {
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify({ ...EVIL_SETTINGS, 'workloadStudio.kubectl.timeout': 61 })));
    await waitUntil(() => vscode.workspace.getConfiguration('workloadStudio.kubectl').get('timeout') === 61, 'the workspace settings file to be read');
    await body();
  } finally {
    if (previous) await vscode.workspace.fs.writeFile(file, previous);
    else await vscode.workspace.fs.delete(folderExisted ? file : dotVscode, { recursive: true });
  }
}
