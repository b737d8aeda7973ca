/** Renders the results of a run as BENCHMARKS.md and as console lines. */
import { fileURLToPath } from 'node:url';
import { fmt, fmtRatio, fmtSummary, ratio, summarize } from './stats.mjs';
import { CODE_CACHE_ENV } from './servers.mjs';
import { targetsSection } from './targets.mjs';

const TARGET_NOTES = fileURLToPath(new URL('../targets-notes.md', import.meta.url));

const MiB = 2 ** 20;
const mib = (bytes) => `${(bytes / MiB).toFixed(2)} MiB`;

/** Rows of the LSP tables: label, measurement key, metric, unit. Later measurements add rows here. */
export const ROWS = [
  { label: 'Cold: didOpen → complete diagnostics', measurement: 'cold', metric: 'openMs', unit: 'ms' },
  { label: 'Cold: process spawn → complete diagnostics', measurement: 'cold', metric: 'totalMs', unit: 'ms' },
  { label: 'Cold, first start (empty code cache): didOpen → complete diagnostics', measurement: 'cold', metric: 'firstOpenMs', unit: 'ms' },
  { label: 'Cold: server peak RSS after the open', measurement: 'cold', metric: 'peakRssMiB', unit: 'MiB' },
  { label: 'Warm: reopen (didClose + didOpen) → complete diagnostics', measurement: 'warm', metric: 'reopenMs', unit: 'ms' },
  { label: 'Warm: server peak RSS after the series', measurement: 'warm', metric: 'peakRssMiB', unit: 'MiB' },
  { label: 'Completion: request → answer, per position (open file)', measurement: 'editing', metric: 'completionMs', unit: 'ms' },
  { label: 'Hover: request → answer, per position (open file)', measurement: 'editing', metric: 'hoverMs', unit: 'ms' },
  { label: 'Edit: one character typed or deleted (didChange) → complete diagnostics', measurement: 'change', metric: 'changeMs', unit: 'ms' },
];

/** The issue's target for the completion and hover medians. */
export const EDITING_TARGET_MS = 10;

/** One table row's values: summaries of both servers and their ratio. */
export function rowValues(result, row) {
  const samples = result[row.measurement]?.samples;
  const ours = summarize(samples?.ours?.[row.metric] ?? []);
  const theirs = summarize(samples?.theirs?.[row.metric] ?? []);
  return { ours, theirs, ratio: ratio(ours, theirs) };
}

/** A console line for one row. */
export function consoleLine(workloadId, result, row) {
  const v = rowValues(result, row);
  return `${workloadId.padEnd(10)} ${row.label.padEnd(58)} ours ${fmtSummary(v.ours, row.unit).padEnd(28)} theirs ${fmtSummary(v.theirs, row.unit).padEnd(28)} ours/theirs ${fmtRatio(v.ratio)}`;
}

function sanitySection(run) {
  const out = ['## Fairness check', '', `Before measuring, each server opens \`bench/fixtures/sanity.yaml\` (a Deployment with \`replicas: three\` and a misspelt \`imagePullPolcy\`); a schema finding must start on each line.`, ''];
  out.push('| Server | wrong type reported | unknown field reported | findings on the fixture |', '|---|---|---|---|');
  for (const s of run.servers) {
    const r = run.sanity[s.id];
    const yes = (b) => (b ? 'yes' : '**no**');
    out.push(`| ${s.name} | ${yes(r.type)} | ${yes(r.typo)} | ${r.findings.length} (${r.schemaFindings} of them schema findings) |`);
  }
  out.push('');
  for (const w of run.warnings) out.push(`> ⚠ ${w}`, '');
  return out;
}

function workloadSection(run, w) {
  const result = run.results[w.id];
  const out = [`### ${w.title}`, '', `${w.documents} file(s), ${mib(w.bytes)}, ${w.lines.toLocaleString('en-US')} lines.`, ''];
  out.push('| Measurement | workload-studio median (min–max) | yaml-language-server median (min–max) | ours / theirs |', '|---|---|---|---|');
  for (const row of ROWS) {
    const v = rowValues(result, row);
    out.push(`| ${row.label} | ${fmtSummary(v.ours, row.unit)} | ${fmtSummary(v.theirs, row.unit)} | ${fmtRatio(v.ratio)} |`);
  }
  out.push('');
  const c = result.cold?.counts ?? {};
  if (c.ours && c.theirs) {
    out.push(`Diagnostics on the file: workload-studio ${c.ours.diagnostics} (${c.ours.schema} of them \`schema/*\`), yaml-language-server ${c.theirs.diagnostics}.`);
  }
  out.push(...editingNotes(run, result.editing));
  if (result.change) out.push(`One-character edits: ${result.change.sites} sites drawn with seed ${run.options.seed}, one per equal band of the \`key: value\` lines with a plain value of the largest file; at each site a character is typed at the end of the value and then deleted, each a measured round ending when the complete diagnostics of that version have arrived (pulled from workload-studio; the push carrying that version from yaml-language-server). Target: median under 50 ms and at least 20 times faster.`, '');
  const debounce = run.theirDebounceMs;
  const cold = rowValues(result, ROWS.find((r) => r.metric === 'openMs'));
  const warm = rowValues(result, ROWS.find((r) => r.metric === 'reopenMs'));
  if (cold.theirs && warm.theirs) {
    const less = (v) => (v.ours && v.theirs.median > debounce ? fmtRatio(v.ours.median / (v.theirs.median - debounce)) : '–');
    out.push(`yaml-language-server waits a fixed ${debounce} ms before validating an opened document (not configurable); without that wait the ratios would be ${less(cold)} cold and ${less(warm)} warm.`);
  }
  out.push('');
  return out;
}

function editingNotes(run, editing) {
  if (!editing?.positions) return [];
  const p = editing.positions;
  const out = [
    '',
    `Completion and hover: ${p.measured} positions drawn with seed ${p.seed} from the file's \`key:\` lines outside block scalars, one per equal band of those lines (${p.onKeys} inside a key, ${p.measured - p.onKeys} inside a value), the same for both servers; each server has the file open and its diagnostics in before the first request, and the first ${p.warmup} positions are asked once more beforehand as an unrecorded warm-up. Target: median under ${EDITING_TARGET_MS} ms.`,
    '',
  ];
  for (const s of run.servers) {
    const c = editing.counts[s.id];
    if (!c) continue;
    const failed = c.failures ? `; ${c.failures} request(s) failed, first: ${c.firstFailure}` : '';
    out.push(`- ${s.name}: completion items at ${c.completionAnswered} of ${p.measured} positions (${c.completionItems.toLocaleString('en-US')} items in all), a hover at ${c.hoverAnswered}${failed}.`);
  }
  out.push('');
  return out;
}

function memorySection(memory) {
  if (!memory) return [];
  const out = ['## Memory over edit/reopen cycles', '', 'One process per server; the largest file of the workload is opened, then every cycle types and deletes one character (waiting for the diagnostics of each version) and closes and reopens the file (waiting for its diagnostics). RSS is the process\'s `VmRSS`, sampled after every cycle. The cycles after the first 20 are cut into two halves, and growth compares the medians of the halves. Without forced collections RSS is a sawtooth with a period of 10 to 20 cycles (garbage piles up until V8\'s next full collection), so each half also shows its lowest and highest sample: a leak would lift the lows.', ''];
  out.push('| Server | workload | cycles | RSS after the first open | first half: median (low–high) | second half: median (low–high) | peak | growth |', '|---|---|---|---|---|---|---|---|');
  const half = (median, span) => `${fmt(median)} MiB${span ? ` (${fmt(span.min)}–${fmt(span.max)})` : ''}`;
  for (const m of memory) {
    if (m.error) out.push(`| ${m.server} | ${m.workload} | – | not measured: ${m.error} | | | | |`);
    else out.push(`| ${m.server} | ${m.workload} | ${m.cycles} (halves: cycles ${m.halves[0]} and ${m.halves[1]}) | ${fmt(m.afterOpenMiB)} MiB | ${half(m.settledMiB, m.settledSpan)} | ${half(m.lastMiB, m.lastSpan)} | ${fmt(m.peakMiB)} MiB | ${m.growthPct >= 0 ? '+' : ''}${fmt(m.growthPct)} % |`);
  }
  for (const m of memory.filter((x) => x.heapSettledMiB !== undefined)) {
    const growth = ((m.heapLastMiB - m.heapSettledMiB) / m.heapSettledMiB) * 100;
    out.push('', `${m.server}: the live heap after each forced collection was ${fmt(m.heapSettledMiB)} MiB in the first half and ${fmt(m.heapLastMiB)} MiB in the second (${growth >= 0 ? '+' : ''}${fmt(growth)} %); its RSS figures above are taken after that collection. Without a forced collection, RSS mostly measures how much garbage V8 lets accumulate before it collects, which its heap-growing heuristics raise as a process runs.`);
  }
  out.push('', 'Targets: peak under 120 MiB after opening the argo-cd file; no growth over 200 cycles (within 10 %).', '');
  return out;
}

function activationSection(a) {
  if (!a) return [];
  const s = summarize(a.samples.totalMs);
  const out = ['## Extension activation', ''];
  out.push(`\`bench/lib/activationProbe.cjs\` in a fresh Node process per run: loads \`dist/extension.js\` against a stub VS Code API and runs \`activate\` (which starts the language client without waiting for the server). This counts our bundle's load and activation work, not VS Code's extension-host overhead.`, '');
  out.push('| | median (min–max) |', '|---|---|');
  out.push(`| load the bundle + activate | ${fmtSummary(s, 'ms')} |`);
  out.push(`| load the bundle | ${fmtSummary(summarize(a.samples.loadMs), 'ms')} |`);
  out.push(`| \`activate()\` | ${fmtSummary(summarize(a.samples.activateMs), 'ms')} |`);
  out.push('', a.schemaReads.length ? `Schema files read while activating: ${a.schemaReads.join(', ')}.` : 'No schema file was read while activating (the server loads schemas when the first YAML document needs one).');
  if (a.errors.length) out.push('', `Failed runs: ${a.errors.length}, first: ${a.errors[0]}`);
  out.push('', 'Target: under 50 ms.', '');
  return out;
}

function vsixSection(vsix) {
  if (vsix.error) return ['## Package size', '', `Not measured: ${vsix.error}`, ''];
  const p = vsix.parts;
  const pct = (n) => `${((100 * n) / vsix.bytes).toFixed(1)} %`;
  const row = (label, x) => `| ${label} | ${x.files} | ${mib(x.compressed)} (${pct(x.compressed)}) | ${mib(x.size)} |`;
  return [
    '## Package size',
    '',
    `\`dist/workload-studio.vsix\`: **${mib(vsix.bytes)}** (${vsix.bytes.toLocaleString('en-US')} bytes, ${vsix.files} files).`,
    '',
    '| Part | files | compressed in the .vsix | unpacked |',
    '|---|---|---|---|',
    row('`schemas/` (Kubernetes 1.26–1.34 + CRDs)', p.schemas),
    row('`dist/` (extension, server, CLI bundles)', p.bundles),
    row('`docs/` (rule docs)', p.docs),
    row('everything else', p.other),
    '',
  ];
}

function corpusSection(c, corpus) {
  if (!c) return [];
  if (c.error) return ['## `kws check` on the corpus (for information)', '', `Not measured: ${c.error}`, ''];
  const mbps = (ms) => (ms ? fmt(c.bytes / 1e6 / (ms / 1000)) : '–');
  return [
    '## `kws check` on the corpus (for information)',
    '',
    `\`node dist/cli.js check ${corpus} --format json\`: ${c.files} files, ${fmt(c.bytes / 1e6)} MB, ${c.documents?.toLocaleString('en-US') ?? '–'} YAML documents (as \`parseAllDocuments\` counts them), ${c.findings.toLocaleString('en-US')} findings.`,
    '',
    '| | wall time | throughput |',
    '|---|---|---|',
    `| \`kws check\` (whole process: start, read, analyse, print JSON) | ${fmt(c.kwsMs / 1000)} s | ${mbps(c.kwsMs)} MB/s |`,
    `| bare \`yaml.parseAllDocuments\` of the same files (read + parse, in-process) | ${c.parseMs ? fmt(c.parseMs / 1000) : '–'} s | ${mbps(c.parseMs)} MB/s |`,
    '',
    c.parseError ? `Bare parse failed: ${c.parseError}` : '',
  ];
}

/** The whole BENCHMARKS.md. */
export function renderMarkdown(run) {
  const m = run.machine;
  const [ours, theirs] = run.servers;
  return [
    '# Benchmarks',
    '',
    `Generated by \`${run.command}\` (\`bench/run.mjs\`) on ${run.date}; the whole run took ${fmt(run.durationMs / 1000)} s. Do not edit by hand.`,
    '',
    '## Setup',
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores (\`nproc\`), ${fmt(m.memoryGiB)} GiB memory, ${m.os}; Node ${m.node}. Load average (1 / 5 / 15 min) when the run ended: ${m.loadAverage}; other work on the machine during the run widens the min–max ranges.`,
    `- workload-studio ${ours.version} (\`${[...Object.entries(ours.env ?? {}).map(([k, v]) => `${k}=${k === CODE_CACHE_ENV ? '<the run\'s code cache folder>' : v}`), 'node', ...(ours.execArgv ?? []), 'dist/server.js', '--stdio'].join(' ')}\`, with the Node flags and environment the extension starts it with, built from ${run.commit}), pull diagnostics, target window Kubernetes 1.${run.minor}–1.${run.minor}, default profile.`,
    `- yaml-language-server ${theirs.version} (MIT; \`node_modules/yaml-language-server/bin/yaml-language-server --stdio\`), push diagnostics, schema store and CRD store off, validating with \`bench/.cache/k8s-1.${run.minor}.schema.json\`: generated from our schema store for Kubernetes 1.${run.minor} (${run.theirSchema.kinds} kinds selected by \`if\` apiVersion + kind, ${run.theirSchema.definitions} definitions, quantities as a pattern).`,
    `- Both are driven over stdio by the same client, as an editor would (initialize, initialized, settings answered through \`workspace/configuration\`, didOpen, pull or push diagnostics), one server at a time, alternating and swapping which goes first each round. Cold: ${run.options.warmup} warm-up round(s) then ${run.options.runs} measured, a fresh process each. Like the extension, workload-studio is given a folder for the V8 code caches of its modules (\`server/src/codeCache.ts\`), one per bench run, which its first process of the run fills: the cold rows are what every start after the first sees. The row "first start" starts it once more each round with an empty folder, as on the very first start; yaml-language-server keeps no code cache, so its column there repeats its cold row. Warm: one process per server, the file opened once, then ${run.options.warmWarmup} warm-up and ${run.options.warmRuns} measured close/reopen cycles; workload-studio keeps the models of recently closed documents (up to 2 Mi characters of text in 128 files, \`server/src/service/modelCache.ts\`), so its reopen of an unchanged text reuses the parse and the findings cached on it, where yaml-language-server parses and validates again. Peak RSS is the server process's \`VmHWM\`. Completion and hover: one process per server, the file opened once, then ${run.options.positions} seeded positions (see below), each request bounded by ${fmt(run.options.requestTimeoutMs / 1000)} s.`,
    '',
    ...sanitySection(run),
    ...targetsSection(run, TARGET_NOTES),
    '## Validation',
    '',
    ...run.workloads.flatMap((w) => workloadSection(run, w)),
    ...memorySection(run.memory),
    ...activationSection(run.activation),
    ...vsixSection(run.vsix),
    ...corpusSection(run.corpus, run.corpusPath),
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                 # packages the extension under the build lock, then measures; writes BENCHMARKS.md',
    'npm run bench -- --no-package --runs 3 --warm-runs 5 --no-corpus',
    'npm run bench -- --positions 200 --seed 11   # more or other completion and hover positions',
    'npm run bench -- --edits 50 --cycles 200 --their-cycles 40   # didChange sites and memory cycles',
    'node bench/generateDeployments.mjs --count 300              # the generated workload alone',
    '```',
    '',
    'Raw samples of the last run: `bench/results/latest.json` (git-ignored).',
    '',
  ].join('\n');
}
