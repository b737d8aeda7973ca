/**
 * Editing the open file: the latency of a one-character edit (`didChange`) until the complete
 * diagnostics of the new version arrive, and the server's memory over many edit/reopen cycles. Same
 * shape as the other measurements: `{ samples, counts, … }`, servers alternating every round.
 */
import { candidateLines, drawFromBands, random } from './editing.mjs';
import { LspSession } from './lsp.mjs';

/**
 * `count` edit sites spread over the text: a line with a plain scalar value is drawn from each of `count`
 * equal bands of such lines; the edit types one character at the end of the value (as a user typing
 * into a value), and the next round deletes it again.
 */
export function pickEdits(text, count, seed) {
  const lines = text.split('\n');
  const plain = candidateLines(text).filter((c) => c.value && !/^["'[{&*!]/.test(lines[c.line].slice(c.value.start)));
  return drawFromBands(plain, count, random(seed), (c) => ({ line: c.line, character: c.value.start + c.value.length }));
}

/** The workload's largest file, where edits cost the most. */
function largest(workload) {
  return workload.documents.reduce((a, b) => (b.text.length > a.text.length ? b : a));
}

/** Applies a one-line edit (insert `x` or delete the character before `character`) to a session's document and waits for its complete diagnostics. */
async function edit(session, uri, version, site, insert) {
  const from = session.publishes.length;
  const range = insert
    ? { start: site, end: site }
    : { start: site, end: { line: site.line, character: site.character + 1 } };
  const started = performance.now();
  session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
  let diagnostics;
  if (session.spec.diagnostics === 'pull') diagnostics = (await session.request('textDocument/diagnostic', { textDocument: { uri } })).items;
  else diagnostics = (await session.nextPublish(uri, from, (p) => p.version === undefined || p.version === version)).diagnostics;
  return { ms: performance.now() - started, diagnostics };
}

/**
 * One-character edits at `options.edits` seeded sites of the workload's first file (the others stay
 * open beside it): every site is typed into and then restored, each a measured round; the first
 * `options.warmup` rounds are not recorded.
 */
export async function changeLatency(specs, workload, options) {
  const doc = largest(workload);
  const sites = pickEdits(doc.text, options.edits, options.seed);
  const samples = Object.fromEntries(specs.map((s) => [s.id, { changeMs: [] }]));
  const counts = {};
  const sessions = {};
  const versions = {};
  try {
    for (const spec of specs) {
      sessions[spec.id] = await LspSession.start(spec, options);
      await sessions[spec.id].openAll(workload.documents);
      versions[spec.id] = 1;
    }
    const rounds = [...sites.slice(0, options.warmup), ...sites];
    for (const [i, site] of rounds.entries()) {
      for (const spec of i % 2 ? [...specs].reverse() : specs) {
        for (const insert of [true, false]) {
          const s = sessions[spec.id];
          const r = await edit(s, doc.uri, ++versions[spec.id], site, insert);
          if (i < Math.min(options.warmup, sites.length)) continue;
          samples[spec.id].changeMs.push(r.ms);
          counts[spec.id] = { diagnostics: r.diagnostics.length };
        }
      }
    }
  } finally {
    await Promise.all(Object.values(sessions).map((s) => s.shutdown()));
  }
  return { samples, counts, sites: sites.length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** The first and the second half of `a` (the middle sample goes to neither when the length is odd). */
function halves(a) {
  const n = Math.floor(a.length / 2);
  return [a.slice(0, n), a.slice(a.length - n)];
}

/**
 * Memory over `cycles` edit/reopen cycles of the workload's first file: one edit (typed and restored)
 * with its diagnostics, then close and reopen with diagnostics. Records the server's RSS after the first
 * open and after every cycle (`series`). The cycles after `settle` are cut into two halves; `growthPct` compares the
 * medians of the halves (`settledMiB`, `lastMiB`), and each half's lowest and highest sample are kept too.
 * Halves, not a few cycles at each end: without forced collections RSS is a sawtooth of 10 to 20 cycles
 * (garbage piles up until the next full collection), so a short window mostly says where in a tooth it fell.
 * With `afterGc` (our server started with `--expose-gc`), every cycle ends with a forced collection and the
 * live heap is recorded.
 */
export async function memoryCycles(spec, workload, options) {
  const doc = largest(workload);
  const sites = pickEdits(doc.text, Math.max(1, options.cycles), options.seed);
  const session = await LspSession.start(spec, options);
  try {
    await session.openAll([doc]);
    const afterOpen = session.rssMiB();
    const rss = [];
    const heap = [];
    let version = 1;
    for (let i = 0; i < options.cycles; i++) {
      await edit(session, doc.uri, ++version, sites[i % sites.length], true);
      await edit(session, doc.uri, ++version, sites[i % sites.length], false);
      await session.closeAll([doc]);
      await session.openAll([doc]);
      version = 1;
      if (options.afterGc) heap.push((await session.request('workloadStudio/debugStats', { gc: true })).heapUsed / 2 ** 20);
      rss.push(session.rssMiB());
    }
    const settle = Math.min(options.settle, options.cycles - 2);
    const [first, second] = halves(rss.slice(settle));
    const [settledMiB, lastMiB] = [median(first), median(second)];
    const span = (a) => ({ min: Math.min(...a), max: Math.max(...a) });
    const [heapFirst, heapSecond] = halves(heap.slice(settle));
    const heapFigures = heap.length ? { heapSettledMiB: median(heapFirst), heapLastMiB: median(heapSecond) } : {};
    return {
      cycles: options.cycles,
      halves: [`${settle + 1}–${settle + first.length}`, `${options.cycles - second.length + 1}–${options.cycles}`],
      afterOpenMiB: afterOpen,
      settledMiB,
      lastMiB,
      settledSpan: span(first),
      lastSpan: span(second),
      peakMiB: session.peakRssMiB(),
      growthPct: ((lastMiB - settledMiB) / settledMiB) * 100,
      ...heapFigures,
      series: rss,
    };
  } finally {
    await session.shutdown();
  }
}
