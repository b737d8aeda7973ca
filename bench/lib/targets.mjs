/**
 * The targets, judged from the run's own numbers, and the hand-written account of the ones
 * missed (`bench/targets-notes.md`, kept in the repository because no run can say why).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fmt, fmtRatio, summarize } from './stats.mjs';
import { rowValues, ROWS, EDITING_TARGET_MS } from './report.mjs';

const row = (metric, measurement) => ROWS.find((r) => r.metric === metric && r.measurement === measurement);

/** One line of the table: what is asked, what was measured, and whether it holds (undefined: not measured). */
function line(target, measured, met) {
  return `| ${target} | ${measured} | ${met === undefined ? 'not measured' : met ? 'yes' : '**no**'} |`;
}

function speedup(v) {
  return v.ratio ? `${fmt(1 / v.ratio)}×` : '–';
}

function workloadLines(run, w) {
  const r = run.results[w.id];
  if (!r) return [];
  const edit = rowValues(r, row('changeMs', 'change'));
  const cold = rowValues(r, row('openMs', 'cold'));
  const first = rowValues(r, row('firstOpenMs', 'cold'));
  const warm = rowValues(r, row('reopenMs', 'warm'));
  const completion = rowValues(r, row('completionMs', 'editing'));
  const hover = rowValues(r, row('hoverMs', 'editing'));
  const out = [
    line(`${w.id}: cold didOpen at least 3× faster`, `${speedup(cold)} (${fmtRatio(cold.ratio)})`, cold.ratio === undefined ? undefined : cold.ratio <= 1 / 3),
    line(`${w.id}: the same on the very first start (empty code cache)`, `${speedup(first)} (${fmtRatio(first.ratio)})`, first.ratio === undefined ? undefined : first.ratio <= 1 / 3),
    line(`${w.id}: warm reopen at least 4× faster`, `${speedup(warm)} (${fmtRatio(warm.ratio)})`, warm.ratio === undefined ? undefined : warm.ratio <= 1 / 4),
  ];
  if (w.id === 'argo-cd') {
    const peak = rowValues(r, row('peakRssMiB', 'cold'));
    out.unshift(line('argo-cd: one-character edit, median under 50 ms and at least 20× faster', edit.ours ? `${fmt(edit.ours.median)} ms, ${speedup(edit)}` : '–', edit.ours && edit.ratio ? edit.ours.median < 50 && edit.ratio <= 1 / 20 : undefined));
    out.push(
      line(`argo-cd: completion and hover medians under ${EDITING_TARGET_MS} ms`, completion.ours && hover.ours ? `${fmt(completion.ours.median)} / ${fmt(hover.ours.median)} ms` : '–', completion.ours && hover.ours ? completion.ours.median < EDITING_TARGET_MS && hover.ours.median < EDITING_TARGET_MS : undefined),
      line('argo-cd: server peak RSS after the open under 120 MiB', peak.ours ? `${fmt(peak.ours.median)} MiB` : '–', peak.ours ? peak.ours.median < 120 : undefined),
    );
  }
  return out;
}

function memoryLines(memory) {
  const out = [];
  for (const m of memory ?? []) {
    if (m.error || !m.server.startsWith('workload-studio')) continue;
    const gc = m.heapSettledMiB !== undefined;
    out.push(line(`argo-cd: no growth over ${m.cycles} edit/reopen cycles, at most +10 % (RSS${gc ? ' after a forced GC' : ''})`, `${m.growthPct >= 0 ? '+' : ''}${fmt(m.growthPct)} %`, m.growthPct <= 10));
    if (gc) {
      const g = ((m.heapLastMiB - m.heapSettledMiB) / m.heapSettledMiB) * 100;
      out.push(line(`argo-cd: no growth over ${m.cycles} cycles, at most +10 % (live heap after a forced GC)`, `${g >= 0 ? '+' : ''}${fmt(g)} %`, g <= 10));
    }
  }
  return out;
}

/** The "Targets" section of BENCHMARKS.md. */
export function targetsSection(run, notesPath) {
  const activation = run.activation && summarize(run.activation.samples.totalMs);
  const c = run.corpus && !run.corpus.error ? run.corpus : undefined;
  const out = ['## Targets', '', 'Each target of the performance issue, judged from this run\'s medians. Memory growth compares the medians of the two halves of the cycles after the first 20 (see the memory section); a fall is not growth.', '', '| Target | this run | met |', '|---|---|---|'];
  out.push(...run.workloads.flatMap((w) => workloadLines(run, w)), ...memoryLines(run.memory));
  out.push(line('extension activation under 50 ms', activation ? `${fmt(activation.median)} ms` : '–', activation ? activation.median < 50 : undefined));
  out.push(line('`kws check` on the whole corpus under 10 s', c ? `${fmt(c.kwsMs / 1000)} s` : '–', c ? c.kwsMs < 10_000 : undefined));
  out.push('');
  if (existsSync(notesPath)) out.push(readFileSync(notesPath, 'utf8').trim(), '');
  return out;
}
