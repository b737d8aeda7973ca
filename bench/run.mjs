#!/usr/bin/env node
/**
 * `npm run bench`: packages the extension (under the shared build lock), drives our language server and
 * yaml-language-server side by side over stdio on the same files with the same Kubernetes schema, and
 * writes BENCHMARKS.md. Options: --runs N, --warmup N, --warm-runs N, --warm-warmup N, --minor 32,
 * --positions N and --seed S (completion and hover), --editing-warmup N, --request-timeout MS (per completion
 * or hover request), --edits N (didChange sites), --cycles N and --their-cycles N (memory cycles of each server),
 * --activation-runs N, --only ID (one workload), --no-package, --no-corpus, --timeout MS (per LSP wait),
 * --deadline S (whole run), --out FILE.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusCheck } from './lib/corpus.mjs';
import { killAll } from './lib/lsp.mjs';
import { machine } from './lib/machine.mjs';
import { editingLatency } from './lib/editing.mjs';
import { activation } from './lib/activation.mjs';
import { changeLatency, memoryCycles } from './lib/changes.mjs';
import { coldOpen, sanityCheck, warmReopen } from './lib/measure.mjs';
import { consoleLine, renderMarkdown, ROWS } from './lib/report.mjs';
import { ourServer, theirServer } from './lib/servers.mjs';
import { writeTheirSchema } from './lib/theirSchema.mjs';
import { vsixBreakdown } from './lib/vsix.mjs';
import { defaultWorkloads } from './workloads.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(REPO, 'bench/.cache');
const RESULTS = path.join(REPO, 'bench/results');
const CORPUS = path.resolve(REPO, '../shared/corpus');
const VSIX = path.join(REPO, 'dist/workload-studio.vsix');
const THEIR_DEBOUNCE_MS = 200;

function parseArgs(argv) {
  const o = { runs: 9, warmup: 1, warmRuns: 10, warmWarmup: 2, positions: 100, seed: 7, editingWarmup: 10, edits: 25, editWarmup: 3, cycles: 200, theirCycles: 40, settle: 20, activationRuns: 10, requestTimeoutMs: 10_000, minor: 32, package: true, corpus: true, only: undefined, timeoutMs: 60_000, deadlineS: 2400, out: path.join(REPO, 'BENCHMARKS.md') };
  const numeric = { '--runs': 'runs', '--warmup': 'warmup', '--warm-runs': 'warmRuns', '--warm-warmup': 'warmWarmup', '--minor': 'minor', '--positions': 'positions', '--seed': 'seed', '--editing-warmup': 'editingWarmup', '--edits': 'edits', '--cycles': 'cycles', '--their-cycles': 'theirCycles', '--activation-runs': 'activationRuns', '--request-timeout': 'requestTimeoutMs', '--timeout': 'timeoutMs', '--deadline': 'deadlineS' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (numeric[a]) o[numeric[a]] = Number(argv[++i]);
    else if (a === '--no-package') o.package = false;
    else if (a === '--no-corpus') o.corpus = false;
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--only') o.only = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of Object.values(numeric)) if (!Number.isFinite(o[k]) || o[k] < 0) throw new Error(`--${k} needs a non-negative number`);
  if (o.runs < 1 || o.warmRuns < 1 || o.positions < 1) throw new Error('--runs, --warm-runs and --positions need at least 1');
  return o;
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' }).trim();
    return `\`${head}\`${dirty ? ' plus uncommitted changes' : ''}`;
  } catch {
    return 'an unknown commit';
  }
}

/** `npm run package` under the build lock; returns a warning, or undefined when it worked. */
function packageExtension() {
  log('packaging the extension (npm run package, under /tmp/kws-build.lock)…');
  const r = spawnSync('flock', ['/tmp/kws-build.lock', 'npm', 'run', 'package'], { cwd: REPO, encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL' });
  if (r.status === 0) return undefined;
  const why = r.error ? r.error.message : `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' / ')}`;
  return `\`npm run package\` failed (${why}); measured the dist/ and .vsix already present.`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const deadline = setTimeout(() => {
    process.stderr.write(`bench: the whole run exceeded ${options.deadlineS} s; killing the servers\n`);
    killAll();
    process.exit(2);
  }, options.deadlineS * 1000);
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const warnings = [];
  if (options.package) {
    const w = packageExtension();
    if (w) warnings.push(w);
  }
  if (!existsSync(path.join(REPO, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `npm run build` first');

  const theirSchema = await writeTheirSchema(REPO, CACHE, options.minor);
  const codeCache = mkdtempSync(path.join(tmpdir(), 'kws-bench-code-cache-'));
  process.on('exit', () => rmSync(codeCache, { recursive: true, force: true }));
  const servers = [ourServer(REPO, options.minor, codeCache), theirServer(REPO, theirSchema.file)];
  const lspOptions = { cwd: REPO, timeoutMs: options.timeoutMs };
  log(`servers: ${servers.map((s) => `${s.name} ${s.version}`).join(', ')}; schema: Kubernetes 1.${options.minor}, ${theirSchema.kinds} kinds`);

  const sanity = await sanityCheck(servers, path.join(REPO, 'bench/fixtures/sanity.yaml'), lspOptions);
  for (const s of servers) log(`fairness check ${s.name}: wrong type ${sanity[s.id].type ? 'reported' : 'NOT reported'}, unknown field ${sanity[s.id].typo ? 'reported' : 'NOT reported'}`);
  if (!sanity.theirs.passed) throw new Error('yaml-language-server does not validate with the generated schema; the comparison would be meaningless');
  if (!sanity.ours.passed) {
    warnings.push(
      'Not yet comparable: workload-studio reported no `schema/*` finding for the wrong type and/or the unknown field of the fairness check (schema validation has not landed in the server yet), so its times below cover rule findings only while yaml-language-server\'s cover schema validation.',
    );
  }
  for (const w of warnings) log(`WARNING: ${w}`);

  const workloads = defaultWorkloads(CORPUS, CACHE).filter((w) => !options.only || w.id === options.only);
  if (!workloads.length) warnings.push(`The corpus (${CORPUS}) is missing; no validation was measured.`);
  const results = {};
  const measureOptions = { ...lspOptions, runs: options.runs, warmup: options.warmup };
  for (const w of workloads) {
    log(`${w.id}: cold validation (${options.warmup} warm-up + ${options.runs} rounds)…`);
    results[w.id] = { cold: await coldOpen(servers, w, measureOptions) };
    log(`${w.id}: warm validation (${options.warmWarmup} warm-up + ${options.warmRuns} rounds)…`);
    results[w.id].warm = await warmReopen(servers, w, { ...measureOptions, runs: options.warmRuns, warmup: options.warmWarmup });
    log(`${w.id}: completion and hover at ${options.positions} seeded positions (seed ${options.seed}, ${options.editingWarmup} warm-up)…`);
    results[w.id].editing = await editingLatency(servers, w, { ...lspOptions, positions: options.positions, seed: options.seed, warmup: options.editingWarmup, requestTimeoutMs: options.requestTimeoutMs });
    log(`${w.id}: one-character edits at ${options.edits} seeded sites (${options.editWarmup} warm-up)…`);
    results[w.id].change = await changeLatency(servers, w, { ...lspOptions, edits: options.edits, seed: options.seed, warmup: options.editWarmup });
    for (const row of ROWS) log(consoleLine(w.id, results[w.id], row));
  }

  const memory = [];
  const argo = workloads.find((w) => w.id === 'argo-cd');
  if (argo) {
    for (const spec of servers) {
      const cycles = spec.id === 'ours' ? options.cycles : options.theirCycles;
      log(`memory: ${spec.name}, ${cycles} edit/reopen cycles on ${argo.id}…`);
      try {
        const m = await memoryCycles(spec, argo, { ...lspOptions, cycles, settle: Math.min(options.settle, cycles), seed: options.seed });
        memory.push({ server: spec.name, workload: argo.id, settle: Math.min(options.settle, cycles), ...m });
        log(`memory: ${spec.name} after open ${m.afterOpenMiB.toFixed(0)} MiB, settled ${m.settledMiB.toFixed(0)} MiB, last ${m.lastMiB.toFixed(0)} MiB (${m.growthPct.toFixed(1)} %)`);
      } catch (e) {
        memory.push({ server: spec.name, workload: argo.id, error: e.message.split('\n')[0] });
      }
    }
    const ours = servers.find((s) => s.id === 'ours');
    const gcSpec = { ...ours, execArgv: [...(ours.execArgv ?? []), '--expose-gc'] };
    const label = `${ours.name} (forced GC after every cycle, \`--expose-gc\`)`;
    log(`memory: ${label}, ${options.cycles} cycles…`);
    try {
      const m = await memoryCycles(gcSpec, argo, { ...lspOptions, cycles: options.cycles, settle: Math.min(options.settle, options.cycles), seed: options.seed, afterGc: true });
      memory.push({ server: label, workload: argo.id, settle: Math.min(options.settle, options.cycles), ...m });
      log(`memory: after GC, RSS settled ${m.settledMiB.toFixed(0)} MiB, last ${m.lastMiB.toFixed(0)} MiB; live heap settled ${m.heapSettledMiB.toFixed(1)} MiB, last ${m.heapLastMiB.toFixed(1)} MiB`);
    } catch (e) {
      memory.push({ server: label, workload: argo.id, error: e.message.split('\n')[0] });
    }
  }

  log(`activation: ${options.activationRuns} fresh processes…`);
  const activated = activation(REPO, options.activationRuns, 1);

  let vsix;
  try {
    vsix = vsixBreakdown(VSIX);
    log(`vsix: ${(vsix.bytes / 2 ** 20).toFixed(2)} MiB, schemas ${(vsix.parts.schemas.compressed / 2 ** 20).toFixed(2)} MiB compressed`);
  } catch (e) {
    vsix = { error: e.message };
  }
  let corpus;
  if (options.corpus && existsSync(CORPUS)) {
    log('kws check on the whole corpus, and a bare yaml parse of the same files…');
    corpus = await corpusCheck(REPO, CORPUS, CACHE, 300_000);
    if (!corpus.error) log(`kws check: ${corpus.files} files in ${(corpus.kwsMs / 1000).toFixed(1)} s; bare parse ${((corpus.parseMs ?? NaN) / 1000).toFixed(1)} s`);
  }

  const run = {
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    durationMs: performance.now() - started,
    commit: gitCommit(),
    minor: options.minor,
    options,
    machine: machine(),
    servers: servers.map((s) => ({ id: s.id, name: s.name, version: s.version, execArgv: s.execArgv, env: s.env })),
    theirSchema,
    theirDebounceMs: THEIR_DEBOUNCE_MS,
    sanity,
    warnings,
    workloads: workloads.map((w) => ({ id: w.id, title: w.title, documents: w.documents.length, bytes: w.bytes, lines: w.lines })),
    results,
    vsix,
    corpus,
    memory,
    activation: activated,
    corpusPath: path.relative(REPO, CORPUS),
  };
  writeFileSync(options.out, renderMarkdown(run));
  writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(run, null, 2));
  clearTimeout(deadline);
  log(`wrote ${path.relative(REPO, options.out)} in ${(run.durationMs / 1000).toFixed(0)} s`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}
process.on('exit', killAll);

main().catch((e) => {
  killAll();
  process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
  process.exit(1);
});
