/**
 * The LSP measurements. Each takes the server specs and a workload (`{ id, title, documents }`) and returns
 * per-server samples; servers alternate in every round (the first server swaps each round) so that
 * neither always runs on a cooler or warmer machine. Later measurements (didChange, completion, hover,
 * memory over many cycles) follow the same shape: a function of (specs, workload, options) returning
 * `{ [serverId]: { <metric>: number[] , … } }`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LspSession } from './lsp.mjs';

const now = () => performance.now();

/** Specs in the order of round `i`: as given on even rounds, reversed on odd ones. */
function orderOf(specs, i) {
  return i % 2 ? [...specs].reverse() : specs;
}

function countFindings(spec, byUri) {
  const all = [...byUri.values()].flat();
  return { diagnostics: all.length, schema: all.filter(spec.isSchemaFinding).length };
}

function emptySamples(specs, metrics) {
  return Object.fromEntries(specs.map((s) => [s.id, Object.fromEntries(metrics.map((m) => [m, []]))]));
}

/**
 * Opens `bench/fixtures/sanity.yaml` (a Deployment with `replicas: three` and a misspelt
 * `imagePullPolcy`) in a fresh process of each server and reports whether a schema finding starts on
 * each of the two lines.
 */
export async function sanityCheck(specs, fixture, options) {
  const text = readFileSync(fixture, 'utf8');
  const lines = text.split('\n');
  const lineOf = (needle) => lines.findIndex((l) => l.includes(needle));
  const checks = { type: lineOf('replicas: three'), typo: lineOf('imagePullPolcy') };
  const doc = { uri: pathToFileURL(fixture).href, text };
  const out = {};
  for (const spec of specs) {
    const session = await LspSession.start(spec, options);
    try {
      const found = (await session.openAll([doc])).get(doc.uri);
      const schema = found.filter(spec.isSchemaFinding);
      const on = (line) => schema.some((d) => d.range.start.line === line);
      out[spec.id] = {
        type: on(checks.type),
        typo: on(checks.typo),
        passed: on(checks.type) && on(checks.typo),
        schemaFindings: schema.length,
        findings: found.map((d) => ({ line: d.range.start.line + 1, code: d.code ?? null, source: d.source ?? null, message: d.message.split('\n')[0] })),
      };
    } finally {
      await session.shutdown();
    }
  }
  return out;
}

/**
 * Cold validation: per round and server, a fresh process is started and initialized, the workload is
 * opened, and the time from the first didOpen to the complete diagnostics of every document is taken
 * (`openMs`), as well as from spawning the process (`totalMs`) and the server's peak RSS then. A server
 * with a `firstStart()` variant (ours, whose code cache the earlier processes filled) is also started
 * from an empty code cache each round (`firstOpenMs`); for a server without one that is its `openMs`.
 */
export async function coldOpen(specs, workload, options) {
  const samples = emptySamples(specs, ['openMs', 'totalMs', 'peakRssMiB', 'firstOpenMs']);
  const counts = {};
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (const spec of orderOf(specs, round)) {
      const measured = round >= options.warmup;
      const cold = await openOnce(spec, workload, options);
      if (!measured) continue;
      samples[spec.id].openMs.push(cold.openMs);
      samples[spec.id].totalMs.push(cold.totalMs);
      samples[spec.id].peakRssMiB.push(cold.peakRssMiB);
      counts[spec.id] = countFindings(spec, cold.found);
      samples[spec.id].firstOpenMs.push(spec.firstStart ? (await openOnce(spec.firstStart(), workload, options)).openMs : cold.openMs);
    }
  }
  return { samples, counts };
}

async function openOnce(spec, workload, options) {
  const session = await LspSession.start(spec, options);
  try {
    const opened = now();
    const found = await session.openAll(workload.documents);
    const done = now();
    return { found, openMs: done - opened, totalMs: done - session.startedAt, peakRssMiB: session.peakRssMiB() };
  } finally {
    await session.shutdown();
  }
}

/**
 * Warm validation: one process per server stays up; the workload is opened once (not measured), then
 * closed and reopened `warmup + runs` times, servers alternating. `reopenMs` is didOpen → complete
 * diagnostics; `peakRssMiB` is the process's peak RSS after the whole series.
 */
export async function warmReopen(specs, workload, options) {
  const samples = emptySamples(specs, ['reopenMs', 'peakRssMiB']);
  const counts = {};
  const sessions = {};
  try {
    for (const spec of specs) {
      sessions[spec.id] = await LspSession.start(spec, options);
      await sessions[spec.id].openAll(workload.documents);
      await sessions[spec.id].closeAll(workload.documents);
    }
    for (let round = 0; round < options.warmup + options.runs; round++) {
      for (const spec of orderOf(specs, round)) {
        const session = sessions[spec.id];
        const opened = now();
        const found = await session.openAll(workload.documents);
        const done = now();
        await session.closeAll(workload.documents);
        if (round < options.warmup) continue;
        samples[spec.id].reopenMs.push(done - opened);
        counts[spec.id] = countFindings(spec, found);
      }
    }
    for (const spec of specs) samples[spec.id].peakRssMiB.push(sessions[spec.id].peakRssMiB());
  } finally {
    await Promise.all(Object.values(sessions).map((s) => s.shutdown()));
  }
  return { samples, counts };
}
