import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { decodeBytes } from '../../server/src/model/decode';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { CORPUS, REPO_ROOT } from '../helpers/paths';
import { runCase } from './harness';
import { caseSeed, mutate, prng, type MutationName } from './mutate';

/** Inputs the fuzzer mutates: the rule and fix fixtures, and corpus manifests under this size. */
export const MAX_INPUT_BYTES = 24 * 1024;

/** One failing case, with everything needed to replay it. */
export interface FuzzFailure {
  seed: number;
  index: number;
  input: string;
  mutations: MutationName[];
  failures: string[];
}

/** What a fuzz run did. */
export interface FuzzReport {
  cases: number;
  inputs: number;
  failures: FuzzFailure[];
  slowestMs: number;
}

let inputs: { name: string; text: string }[] | undefined;

/** The fuzzer's inputs, sorted by name so that a seed means the same cases everywhere. */
export function fuzzInputs(): { name: string; text: string }[] {
  if (inputs) return inputs;
  const roots = [path.join(REPO_ROOT, 'test', 'fixtures', 'rules'), path.join(REPO_ROOT, 'test', 'fixtures', 'fixes'), CORPUS];
  const found: { name: string; text: string }[] = [];
  for (const root of roots) {
    let files: string[];
    try {
      files = readdirSync(root, { recursive: true }).map(String);
    } catch {
      continue;
    }
    for (const rel of files.filter((f) => /\.ya?ml$/i.test(f)).sort()) {
      const full = path.join(root, rel);
      const size = statSync(full).size;
      if (size <= MAX_INPUT_BYTES) found.push({ name: path.relative(REPO_ROOT, full), text: decodeBytes(readFileSync(full)).text });
    }
  }
  return (inputs = found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

/** Runs case `index` of a run seeded `seed`: a mutated input through the whole pipeline. */
export function fuzzCase(seed: number, index: number): { failure: FuzzFailure; cpuMs: number } {
  const r = prng(caseSeed(seed, index));
  const all = fuzzInputs();
  const input = all[Math.floor(r() * all.length)];
  const { text, applied } = mutate(input.text, r);
  const templates = r() < 0.2 ? 'bestEffort' : 'ignore';
  const outcome = runCase({ text, settings: { ...DEFAULT_SETTINGS, templates }, random: { next: r, count: 3 }, fixFindings: 3, fixAll: r() < 0.1 });
  return { failure: { seed, index, input: input.name, mutations: applied, failures: outcome.failures }, cpuMs: outcome.cpuMs };
}

/** Runs `cases` cases from `first` on, collecting failures. */
export function fuzz(options: { seed: number; cases: number; first?: number; onFailure?: (f: FuzzFailure) => void }): FuzzReport {
  const report: FuzzReport = { cases: 0, inputs: fuzzInputs().length, failures: [], slowestMs: 0 };
  const first = options.first ?? 0;
  for (let i = first; i < first + options.cases; i++) {
    const { failure, cpuMs } = fuzzCase(options.seed, i);
    report.cases++;
    report.slowestMs = Math.max(report.slowestMs, cpuMs);
    if (failure.failures.length) {
      report.failures.push(failure);
      options.onFailure?.(failure);
    }
  }
  return report;
}
