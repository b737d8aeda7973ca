// Runs the seeded mutation fuzzer (test/fuzz) over the rule fixtures and the corpus. Build first
// (npm run fuzz does): node scripts/fuzz.mjs --cases N --seed S [--first I]. Exits 1 when a case fails.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { fuzz } = require('../out/test/fuzz/run.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? undefined : Number(process.argv[i + 1]);
  if (value !== undefined && !Number.isSafeInteger(value)) {
    console.error(`fuzz: --${name} needs an integer`);
    process.exit(2);
  }
  return value ?? fallback;
};
const cases = arg('cases', 2000);
const seed = arg('seed', 20261125);
const first = arg('first', 0);

const started = Date.now();
const report = fuzz({
  seed,
  cases,
  first,
  onFailure: (f) => console.log(`FAIL seed ${f.seed} case ${f.index} (${f.input}; ${f.mutations.join(', ')}):\n  ${f.failures.join('\n  ')}`),
});
console.log(`fuzz: ${report.cases} cases (seed ${seed}, from ${first}) over ${report.inputs} inputs in ${Date.now() - started} ms; slowest ${Math.round(report.slowestMs)} ms of CPU; ${report.failures.length} failed`);
process.exit(report.failures.length ? 1 : 0);
