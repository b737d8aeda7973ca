import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { REPO_ROOT } from '../helpers/paths';

// The command flow imports `vscode`; this test gives it a small stand-in, so the flow runs under plain Node
// with a fake UI, a fake console and a fake kubectl that records every invocation.
const dir = mkdtempSync(path.join(tmpdir(), 'kws-kubectl-'));
const log = path.join(dir, 'calls.jsonl');
const fakeKubectl = path.join(dir, 'kubectl');
writeFileSync(fakeKubectl, `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\nif (process.argv.includes('view')) process.stdout.write(JSON.stringify({ 'current-context': 'dev', contexts: [{ name: 'dev', context: { cluster: 'c', namespace: 'shop' } }] }));\n`);
chmodSync(fakeKubectl, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));

const config: Record<string, unknown> = { path: fakeKubectl, timeout: 10 };
class Uri {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
class Position {
  constructor(readonly line: number, readonly character: number) {}
}
const registered = new Map<string, (...args: unknown[]) => Promise<unknown>>();
const vscodeStub = {
  Uri,
  Position,
  ProgressLocation: { Notification: 15, Window: 10 },
  EventEmitter: class {
    event = () => ({ dispose() {} });
    fire(): void {}
  },
  l10n: { t: (m: string, ...a: unknown[]) => m.replace(/\{(\d+)\}/g, (_s, i: string) => String(a[Number(i)])) },
  window: { activeTextEditor: undefined, withProgress: (_o: unknown, fn: (p: unknown, t: unknown) => unknown) => fn({}, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) }) },
  workspace: {
    getConfiguration: () => ({ get: (k: string, d: unknown) => config[k] ?? d, inspect: (k: string) => ({ globalValue: config[k] }) }),
    asRelativePath: (u: unknown) => String(u),
    openTextDocument: async (uri: unknown) => ({ uri, getText: () => 'apiVersion: apps/v1\nkind: Deployment\n' }),
  },
  commands: { registerCommand: (id: string, fn: (...args: unknown[]) => Promise<unknown>) => (registered.set(id, fn), { dispose() {} }), executeCommand: async () => undefined },
};
const M = Module as unknown as { _load: (r: string, ...rest: unknown[]) => unknown; _resolveFilename: (r: string, ...rest: unknown[]) => string };
const load = M._load;
M._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscodeStub : load.call(this, request, ...rest);
};
const resolve = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  return resolve.call(this, request.endsWith('/server/src/protocol') ? path.join(REPO_ROOT, 'out', 'server', 'src', 'protocol.js') : request, ...rest);
};
const outClient = (name: string): unknown => require(path.join(REPO_ROOT, 'out', 'client', name));
const commands = outClient('rollout/commands') as typeof import('../../out/client/rollout/commands');
const args = outClient('kubectl/args') as typeof import('../../out/client/kubectl/args');

interface Fake {
  runs: string[][];
  confirms: number;
  errors: string[];
}

/** Registers the commands against fakes: the server says `resource` is at the cursor, the user answers `confirm`. */
function setUp(resource: { name: string; namespace: string | null; kind?: string }, confirm: boolean, trusted = true): Fake {
  const fake: Fake = { runs: [], confirms: 0, errors: [] };
  const r = { apiVersion: 'apps/v1', kind: resource.kind ?? 'Deployment', name: resource.name, namespace: resource.namespace };
  const client = { sendRequest: async (method: string) => (method.endsWith('resourceAt') ? { resource: r, range: {} } : [{ resource: r, range: {} }]) };
  const history = 'deployment.apps/web\nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n';
  const ui = {
    confirm: async () => (fake.confirms++, confirm),
    pickRevision: async () => 1,
    askReplicas: async () => 3,
    showInfo: () => undefined,
    showError: (m: string) => void fake.errors.push(m),
  };
  const console = { run: async (a: string[]) => (fake.runs.push(a), { exitCode: 0, stdout: a[1] === 'history' ? history : 'done', stderr: '', cancelled: false, args: a, executable: 'kubectl' }) };
  registered.clear();
  commands.registerClusterCommands({ client: () => client, console, ui: () => ui, trusted: () => trusted } as never, { show: async () => undefined } as never);
  return fake;
}

const invoke = (id: string) => registered.get(id)!(new Uri('file:///w/app.yaml'), new Position(0, 0));
const MUTATING = ['undo', 'pause', 'resume', 'restart', 'scale', 'applyDryRun'] as const;
const MUTATING_VERBS = new Set(['undo', 'pause', 'resume', 'restart', 'scale', 'apply']);
const mutatingRuns = (f: Fake) => f.runs.filter((a) => MUTATING_VERBS.has(a[0]) || MUTATING_VERBS.has(a[1]));
const kubectlCalls = (): string[][] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]) : []);

test('mutating commands never run kubectl when the confirmation is declined, and run once when accepted', async () => {
  for (const action of MUTATING) {
    const declined = setUp({ name: 'web', namespace: 'shop' }, false);
    await invoke(commands.CLUSTER_COMMANDS[action]);
    assert.equal(declined.confirms, 1, `${action} asked`);
    assert.deepEqual(mutatingRuns(declined), [], `${action} declined`);
    const accepted = setUp({ name: 'web', namespace: 'shop' }, true);
    await invoke(commands.CLUSTER_COMMANDS[action]);
    assert.equal(mutatingRuns(accepted).length, 1, `${action} accepted`);
  }
});

test('in Restricted Mode no cluster command runs kubectl or asks anything', async () => {
  const before = kubectlCalls().length;
  for (const id of Object.values(commands.CLUSTER_COMMANDS)) {
    const fake = setUp({ name: 'web', namespace: 'shop' }, true, false);
    await invoke(id);
    assert.deepEqual(fake.runs, [], id);
    assert.equal(fake.confirms, 0, id);
    assert.equal(fake.errors.length, 1, id);
  }
  assert.equal(kubectlCalls().length, before);
});

const HOSTILE = [
  'x; rm -rf ~', '$(id)', '`id`', 'web|sh', '--kubeconfig=/tmp/x', '-n', '--dry-run=none', 'web\nrm -rf ~', 'web\r', 'web\0',
  'w\u0435b', 'web\u200b', '\u202eweb', 'ｗｅｂ', 'WEB', '', '../etc', '${HOME}', 'a'.repeat(300),
];

test('hostile names and namespaces from the manifest are refused before any kubectl process starts', async () => {
  const before = kubectlCalls().length;
  for (const value of HOSTILE) {
    for (const resource of [{ name: value, namespace: 'shop' }, { name: 'web', namespace: value }]) {
      for (const action of ['status', 'restart', 'scale', 'applyDryRun'] as const) {
        const fake = setUp(resource, true);
        await invoke(commands.CLUSTER_COMMANDS[action]);
        assert.deepEqual(fake.runs, [], `${action} ${JSON.stringify(resource)}`);
        assert.equal(fake.confirms, 0);
        assert.equal(fake.errors.length, 1, `${action} ${JSON.stringify(resource)} explained`);
      }
    }
  }
  assert.equal(kubectlCalls().length, before, 'no kubectl process started');
});

test('hostile contexts and kubeconfigs reach kubectl only inside one --flag=value argument, or are refused', () => {
  const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };
  const builders: [string, (g: { context?: string; kubeconfig?: string }) => string[]][] = [
    ['rollout restart', (g) => args.rolloutArgs('restart', target, g)],
    ['rollout undo', (g) => args.rolloutArgs('undo', target, g, { toRevision: 2 })],
    ['scale', (g) => args.scaleArgs(target, 3, g)],
    ['diff', (g) => args.diffArgs(g)],
    ['apply', (g) => args.applyDryRunArgs(g)],
    ['config view', (g) => args.configViewArgs(g)],
  ];
  for (const value of HOSTILE.filter(Boolean)) {
    for (const flag of ['context', 'kubeconfig'] as const) {
      for (const [name, build] of builders) {
        let argv: string[];
        try {
          argv = build({ [flag]: value });
        } catch (e) {
          assert.ok(e instanceof args.RefusedArgument && /[\0\r\n]/.test(value), `${name} ${flag}=${JSON.stringify(value)}: ${String(e)}`);
          continue;
        }
        const holding = argv.filter((a) => a.includes(value) && !(value.length < 3 && /^--namespace=|^--replicas=|^--to-revision=/.test(a)));
        assert.deepEqual(holding, [`--${flag}=${value}`], `${name} ${flag}=${JSON.stringify(value)}`);
        assert.equal(argv.filter((a) => a === value).length, 0);
      }
    }
  }
});

test('a context with shell metacharacters and a leading dash arrives at kubectl as one literal argument', async () => {
  const runner = outClient('kubectl/runner') as typeof import('../../out/client/kubectl/runner');
  const context = '--kubeconfig=/tmp/x; $(touch pwned) `id` | sh';
  const before = kubectlCalls().length;
  const run = await runner.runKubectl(fakeKubectl, args.configViewArgs({ context }), { timeoutMs: 10_000 });
  assert.equal(run.exitCode, 0);
  const calls = kubectlCalls().slice(before);
  assert.deepEqual(calls, [['config', 'view', `--context=${context}`, '--minify', '--output=json']]);
  assert.equal(existsSync(path.join(process.cwd(), 'pwned')), false);
});
