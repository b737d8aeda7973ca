import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/paths';

// The client's kubectl modules are plain Node (no vscode import); the test loads their compiled form.
const load = (name: string): unknown => require(path.join(REPO_ROOT, 'out', 'client', 'kubectl', name));
const args = load('args') as typeof import('../../out/client/kubectl/args');
const names = load('names') as typeof import('../../out/client/kubectl/names');
const parse = load('parse') as typeof import('../../out/client/kubectl/parse');
const errors = load('errors') as typeof import('../../out/client/kubectl/errors');
const runner = load('runner') as typeof import('../../out/client/kubectl/runner');

const web = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };

const HOSTILE_NAMES = [
  'x; rm -rf ~', '$(id)', '`id`', 'web && curl http://evil', 'web|sh', "web'", 'web"', 'web name', 'web>out',
  '--kubeconfig=/tmp/x', '-n', '-web', 'web-', '.web', '../etc/passwd', 'web\nrm -rf ~', 'web\r', 'web\0', 'web\t',
  'w\u0435b' /* Cyrillic e */, 'web\u200b' /* zero-width space */, '\u202eweb' /* right-to-left override */, 'ｗｅｂ' /* full-width */,
  'Web', 'WEB', '', 'a'.repeat(254), 'web*', 'web?', '~', '${HOME}',
];

test('hostile workload names are refused before any argument list exists', () => {
  for (const name of HOSTILE_NAMES) {
    assert.equal(names.isDnsSubdomain(name), false, JSON.stringify(name));
    for (const action of ['status', 'history', 'undo', 'restart'] as const) {
      assert.throws(() => args.rolloutArgs(action, { ...web, name }, {}), (e: Error) => e instanceof args.RefusedArgument && (e as InstanceType<typeof args.RefusedArgument>).reason === 'name', `${action} ${JSON.stringify(name)}`);
    }
    assert.throws(() => args.scaleArgs({ ...web, name }, 2, {}), args.RefusedArgument);
  }
});

test('hostile namespaces are refused; dots are not allowed in a namespace', () => {
  for (const namespace of ['--all-namespaces', '-A', 'kube-system;id', '$(id)', 'a.b', 'Shop', 'shop\n', 'a'.repeat(64), '']) {
    assert.throws(() => args.rolloutArgs('status', { ...web, namespace }, {}), args.RefusedArgument, JSON.stringify(namespace));
  }
});

test('valid names pass, as DNS-1123 subdomains (names) and labels (namespaces)', () => {
  for (const name of ['web', 'web-1', 'api.v2', '0abc', 'a'.repeat(253).replace(/^(.{63})./, '$1.')]) assert.ok(names.isDnsSubdomain(name), name);
  assert.ok(names.isDnsLabel('kube-system'));
  assert.equal(names.isDnsLabel('a'.repeat(64)), false);
});

test('rollout arguments: flags first, each value one argument, the resource last', () => {
  assert.deepEqual(args.rolloutArgs('status', web, {}), ['rollout', 'status', '--namespace=shop', '--watch=true', 'deployment.apps/web']);
  assert.deepEqual(
    args.rolloutArgs('undo', web, { kubeconfig: '/tmp/my config', context: '--as=system:admin' }, { toRevision: 2 }),
    ['rollout', 'undo', '--kubeconfig=/tmp/my config', '--context=--as=system:admin', '--namespace=shop', '--to-revision=2', 'deployment.apps/web'],
  );
  assert.deepEqual(args.rolloutArgs('restart', { ...web, kind: 'StatefulSet', name: 'db' }, {}), ['rollout', 'restart', '--namespace=shop', 'statefulset.apps/db']);
  assert.deepEqual(args.scaleArgs(web, 0, {}), ['scale', '--namespace=shop', '--replicas=0', 'deployment.apps/web']);
  assert.deepEqual(args.diffArgs({ context: 'dev' }), ['diff', '--context=dev', '--filename=-']);
  assert.deepEqual(args.applyDryRunArgs({}), ['apply', '--dry-run=server', '--filename=-']);
  assert.deepEqual(args.configViewArgs({}), ['config', 'view', '--minify', '--output=json']);
});

test('kinds, revisions, replicas and settings that cannot be right are refused', () => {
  assert.throws(() => args.rolloutArgs('pause', { ...web, kind: 'StatefulSet' }, {}), args.RefusedArgument);
  assert.throws(() => args.rolloutArgs('status', { ...web, kind: 'ConfigMap' }, {}), args.RefusedArgument);
  assert.throws(() => args.rolloutArgs('status', { ...web, apiVersion: 'extensions/v1beta1' }, {}), args.RefusedArgument);
  assert.throws(() => args.rolloutArgs('status', { ...web, kind: 'constructor' }, {}), args.RefusedArgument);
  for (const toRevision of [0, -1, 1.5, Number.NaN]) assert.throws(() => args.rolloutArgs('undo', web, {}, { toRevision }), args.RefusedArgument);
  for (const replicas of [-1, 1.5, 1e9, Number.NaN]) assert.throws(() => args.scaleArgs(web, replicas, {}), args.RefusedArgument);
  assert.throws(() => args.globalArgs({ context: 'dev\n--kubeconfig=/tmp/x' }), args.RefusedArgument);
});

test('the runner passes every argument literally to the program, with no shell in between', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kws-runner-'));
  const canary = path.join(dir, 'canary');
  try {
    const hostile = [`x; touch ${canary}`, `$(touch ${canary})`, `\`touch ${canary}\``, '--kubeconfig=/tmp/x', 'a\nb', "it's"];
    const run = await runner.runKubectl(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...hostile]);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), hostile);
    assert.equal(existsSync(canary), false, 'a shell ran one of the arguments');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the runner reports a missing executable, feeds stdin and kills on timeout', async () => {
  const missing = await runner.runKubectl(path.join(tmpdir(), 'no-such-kubectl'), ['version']);
  assert.equal(missing.spawnError, 'ENOENT');
  assert.equal(errors.classifyFailure(missing), 'kubectlMissing');
  const echoed = await runner.runKubectl(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], { stdin: 'kind: Deployment\n' });
  assert.equal(echoed.stdout, 'kind: Deployment\n');
  const slow = await runner.runKubectl(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 200 });
  assert.equal(slow.timedOut, true);
  assert.equal(errors.classifyFailure(slow), 'timeout');
});

test('rollout history, the current context and the server version are read from kubectl output', () => {
  const history = 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n3         bump to nginx 1.27\n2         kubectl set image x=y:2\n\n';
  assert.deepEqual(parse.parseHistory(history), [
    { revision: 1, changeCause: null }, { revision: 2, changeCause: 'kubectl set image x=y:2' }, { revision: 3, changeCause: 'bump to nginx 1.27' },
  ]);
  assert.deepEqual(parse.parseHistory('error: no history'), []);
  const config = JSON.stringify({ 'current-context': 'dev', contexts: [{ name: 'dev', context: { cluster: 'c', namespace: 'shop' } }] });
  assert.deepEqual(parse.parseCurrentContext(config), { context: 'dev', cluster: 'c', namespace: 'shop' });
  assert.equal(parse.parseCurrentContext(JSON.stringify({ 'current-context': '', contexts: [] })), null);
  assert.equal(parse.parseCurrentContext('not json'), null);
  assert.equal(parse.parseServerVersion(JSON.stringify({ serverVersion: { major: '1', minor: '29+', gitVersion: 'v1.29.3-eks' } })), '1.29');
  assert.equal(parse.parseServerVersion(JSON.stringify({ clientVersion: { major: '1', minor: '32' } })), undefined);
});

test('kubectl errors are classified so each gets its next step', () => {
  const cases: [string, string][] = [
    ['error: current-context is not set', 'noContext'],
    ['error: context was not found for specified context: nope', 'noContext'],
    ['Error from server (Forbidden): deployments.apps "web" is forbidden: User "dev" cannot patch resource', 'forbidden'],
    ['Error from server (NotFound): deployments.apps "web" not found', 'notFound'],
    ['The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\nconnection refused', 'unreachable'],
    ['Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout', 'timeout'],
    ['error: You must be logged in to the server (Unauthorized)', 'unauthorized'],
    ['error: something else', 'failed'],
  ];
  for (const [stderr, expected] of cases) assert.equal(errors.classifyFailure({ exitCode: 1, stderr }), expected, stderr);
  assert.equal(errors.firstErrorLine('Warning: x\nE1125 19:03:37.199389   26323 memcache.go:265] couldn\'t get current server API group list\n'), "couldn't get current server API group list");
});
