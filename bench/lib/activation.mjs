/**
 * Extension activation: `runs` fresh Node processes each load dist/extension.js against a stub VS Code
 * API and run `activate` (activationProbe.cjs). This measures our bundle's load and activation work, not
 * VS Code's own extension-host overhead, and records whether any schema file was read while activating.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'activationProbe.cjs');

/** `{ samples: { totalMs, loadMs, activateMs }, schemaReads, errors }` over `runs` processes after `warmup` unrecorded ones. */
export function activation(repo, runs, warmup) {
  const samples = { totalMs: [], loadMs: [], activateMs: [] };
  const schemaReads = new Set();
  const errors = [];
  for (let i = 0; i < warmup + runs; i++) {
    let r;
    try {
      r = JSON.parse(execFileSync(process.execPath, [PROBE, repo], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (e) {
      r = { error: String(e.stdout || e.message).split('\n').filter((l) => !l.startsWith('/') && l.length < 400).join(' ').slice(0, 300) };
    }
    if (r.error) {
      errors.push(r.error.split('\n')[0]);
      continue;
    }
    if (i < warmup) continue;
    for (const k of Object.keys(samples)) samples[k].push(r[k]);
    for (const f of r.schemaReads) schemaReads.add(f);
  }
  return { samples, schemaReads: [...schemaReads], errors };
}
