import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/<dir>/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shared folder beside the repository (the guide, the corpus); it exists in CI. */
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

/** The real-world manifest corpus. */
export const CORPUS = path.join(SHARED, 'corpus');

/** The built language server and CLI. */
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Skip option for node:test when the shared corpus is absent, saying so clearly. */
export function needsCorpus(): { skip: string | false } {
  return { skip: existsSync(CORPUS) ? false : `skipped: ${CORPUS} is absent (it exists in CI)` };
}
