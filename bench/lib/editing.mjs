/**
 * Completion and hover latency: a fixed, seeded set of positions on keys and values of a workload's first
 * file, asked of each server once the file is open and its diagnostics have arrived. Every position is a
 * round: both servers answer it, the first server swapping each round, first `textDocument/completion`
 * then `textDocument/hover`. Same shape as the other measurements: `{ samples, counts, positions }`.
 */
import { LspSession } from './lsp.mjs';

const KEY_LINE = /^(\s*(?:-\s+)*)([A-Za-z_][\w./-]*):(?:\s+(\S.*?))?\s*$/;
const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*$/;

/** A small seeded PRNG (mulberry32) so that every run asks at the same positions and edits the same sites. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lines holding `key:` or `key: value` outside block scalars and comments, with their key and value columns. */
export function candidateLines(text) {
  const out = [];
  let scalarIndent = -1;
  text.split('\n').forEach((raw, line) => {
    const l = raw.replace(/\r$/, '');
    const indent = l.length - l.trimStart().length;
    if (scalarIndent >= 0) {
      if (!l.trim() || indent > scalarIndent) return;
      scalarIndent = -1;
    }
    if (BLOCK_SCALAR.test(l)) scalarIndent = indent;
    const m = KEY_LINE.exec(l);
    if (!m || l.trimStart().startsWith('#')) return;
    const keyStart = m[1].length;
    const value = m[3] && !m[3].startsWith('#') && !/^[|>]/.test(m[3]) ? { start: l.indexOf(m[3], keyStart + m[2].length + 1), length: m[3].length } : undefined;
    out.push({ line, key: { start: keyStart, length: m[2].length }, value });
  });
  return out;
}

/**
 * One candidate line from each of `count` equal bands of `lines`, drawn with `next` (a seeded PRNG), and
 * called back with the band's index and the PRNG.
 */
export function drawFromBands(lines, count, next, make) {
  const out = [];
  for (let i = 0; i < count && lines.length; i++) {
    const from = Math.floor((i * lines.length) / count);
    const to = Math.max(from + 1, Math.floor(((i + 1) * lines.length) / count));
    out.push(make(lines[from + Math.floor(next() * (to - from))], i));
  }
  return out;
}

/**
 * `count` positions spread over the text: the candidate lines are cut into `count` equal bands and one
 * line is drawn from each band; even positions sit inside the key, odd ones inside the value (inside the
 * key when the line has no value).
 */
export function pickPositions(text, count, seed) {
  const next = random(seed);
  return drawFromBands(candidateLines(text), count, next, (c, i) => {
    const onValue = i % 2 === 1 && c.value;
    const span = onValue ? c.value : c.key;
    return { line: c.line, character: span.start + Math.floor(next() * span.length), on: onValue ? 'value' : 'key' };
  });
}

const itemsOf = (r) => (Array.isArray(r) ? r : r?.items ?? []);
const textOf = (c) => (typeof c === 'string' ? c : Array.isArray(c) ? c.map(textOf).join('') : c?.value ?? '');
const hasHover = (r) => !!r && textOf(r.contents).trim().length > 0;

/** Times one request; a timeout or error counts as a failure and leaves no sample. */
async function timed(session, method, params, ms) {
  const t = performance.now();
  try {
    const result = await session.request(method, params, ms);
    return { ms: performance.now() - t, result };
  } catch (e) {
    return { error: e.message };
  }
}

/**
 * Completion and hover at `options.positions` seeded positions (`options.seed`) of the workload's first
 * file; the first `options.warmup` of them are asked once before, unrecorded, as a warm-up. Each request
 * is bounded by `options.requestTimeoutMs`.
 */
export async function editingLatency(specs, workload, options) {
  const doc = workload.documents[0];
  const measured = pickPositions(doc.text, options.positions, options.seed);
  const positions = [...measured.slice(0, options.warmup), ...measured];
  const samples = Object.fromEntries(specs.map((s) => [s.id, { completionMs: [], hoverMs: [] }]));
  const counts = Object.fromEntries(specs.map((s) => [s.id, { completionAnswered: 0, completionItems: 0, hoverAnswered: 0, failures: 0, firstFailure: undefined }]));
  const sessions = {};
  try {
    for (const spec of specs) {
      sessions[spec.id] = await LspSession.start(spec, options);
      await sessions[spec.id].openAll([doc]);
    }
    for (const [i, position] of positions.entries()) {
      for (const spec of i % 2 ? [...specs].reverse() : specs) {
        const params = { textDocument: { uri: doc.uri }, position: { line: position.line, character: position.character } };
        const completion = await timed(sessions[spec.id], 'textDocument/completion', params, options.requestTimeoutMs);
        const hover = await timed(sessions[spec.id], 'textDocument/hover', params, options.requestTimeoutMs);
        if (i < Math.min(options.warmup, measured.length)) continue;
        const c = counts[spec.id];
        for (const r of [completion, hover]) if (r.error) (c.failures++, (c.firstFailure ??= r.error));
        if (!completion.error) {
          samples[spec.id].completionMs.push(completion.ms);
          const n = itemsOf(completion.result).length;
          c.completionItems += n;
          if (n) c.completionAnswered++;
        }
        if (!hover.error) {
          samples[spec.id].hoverMs.push(hover.ms);
          if (hasHover(hover.result)) c.hoverAnswered++;
        }
      }
    }
  } finally {
    await Promise.all(Object.values(sessions).map((s) => s.shutdown()));
  }
  const warmup = Math.min(options.warmup, measured.length);
  return { samples, counts, positions: { measured: measured.length, warmup, seed: options.seed, onKeys: measured.filter((p) => p.on === 'key').length, list: measured } };
}
