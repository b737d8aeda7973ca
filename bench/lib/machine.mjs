/** What the report says about the machine and the software measured. */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? m[1].trim() : os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

/** CPU model, usable cores (`nproc`), memory, OS, Node version and the 1/5/15-minute load average. */
export function machine() {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((x) => x.toFixed(2)).join(' / '),
  };
}
