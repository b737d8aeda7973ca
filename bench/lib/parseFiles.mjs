/**
 * Child process of the corpus measurement: reads the files listed (one path a line) in the file named by
 * argv[2], parses each with `yaml`'s `parseAllDocuments` and prints `{ ms, bytes, files, documents }`.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const started = performance.now();
let bytes = 0;
let documents = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  const docs = parseAllDocuments(text);
  documents += Array.isArray(docs) ? docs.length : 0;
}
console.log(JSON.stringify({ ms: performance.now() - started, bytes, files: files.length, documents }));
