/** Size of the packaged extension and how much of it each part takes, read from the .vsix (a zip) itself. */
import { readFileSync } from 'node:fs';

/** Entries of a zip file: `{ name, compressed, size }`, from its central directory. */
export function zipEntries(file) {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), compressed, size });
    at += 46 + nameLength + extra + comment;
  }
  return { bytes: buf.length, entries };
}

/** The .vsix's size and the compressed and unpacked bytes under `extension/schemas/`, the bundles and the rest. */
export function vsixBreakdown(file) {
  const { bytes, entries } = zipEntries(file);
  const parts = { schemas: /^extension\/schemas\//, bundles: /^extension\/dist\//, docs: /^extension\/docs\//, other: /./ };
  const out = Object.fromEntries(Object.keys(parts).map((k) => [k, { files: 0, compressed: 0, size: 0 }]));
  for (const e of entries) {
    const part = Object.keys(parts).find((k) => parts[k].test(e.name));
    out[part].files++;
    out[part].compressed += e.compressed;
    out[part].size += e.size;
  }
  return { bytes, files: entries.length, parts: out };
}
