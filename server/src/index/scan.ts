import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { decodeBytes, type DecodedText } from '../model/decode';

/** The YAML file names the index and the CLI look at. */
export const YAML_GLOB = '**/*.{yaml,yml}';

/** Lists the YAML files below a folder, leaving out paths that match any exclude glob. */
export async function listYamlFiles(folder: string, exclude: readonly string[]): Promise<string[]> {
  const files = await glob([YAML_GLOB], {
    cwd: folder,
    absolute: true,
    dot: false,
    followSymbolicLinks: false,
    ignore: [...exclude],
    expandDirectories: false,
  });
  return files.map((f) => path.normalize(f)).sort();
}

/** A matcher for exclude globs against paths relative to a root folder. */
export function excludeMatcher(root: string, exclude: readonly string[]): (file: string) => boolean {
  if (!exclude.length) return () => false;
  const match = picomatch([...exclude], { dot: true });
  return (file) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    return !rel.startsWith('..') && match(rel);
  };
}

/** A file's decoded text, or why it could not be read. */
export type ReadResult = { ok: true; decoded: DecodedText; size: number } | { ok: false; error: string; size?: number };

/** Reads and decodes a file, refusing files larger than `maxSize` bytes. */
export async function readYamlFile(file: string, maxSize = Infinity): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, error: 'not a file' };
    if (stat.size > maxSize) return { ok: false, error: `larger than ${maxSize} bytes`, size: stat.size };
    const bytes = await fs.readFile(file);
    return { ok: true, decoded: decodeBytes(bytes), size: bytes.length };
  } catch (e) {
    return { ok: false, error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}
