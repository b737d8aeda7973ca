#!/usr/bin/env node
// Opens a workspace file in code-server (a real VS Code) and saves a PNG of the workbench.
//
//   node scripts/vscode/screenshot.mjs --file deployment.yaml --out shot.png
//        [--workspace DIR] [--extension DIR] [--wait-for CSS_SELECTOR] [--timeout SECONDS]
//
// --file is relative to --workspace (default test/vscode/fixtures/workspace). --extension loads an
// extension folder under development (for example the repo root after `npm run build`).
// --wait-for waits for a selector (e.g. '.squiggly-error') before the shot.
import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openWorkbench, pollUntil, repoRoot, startCodeServer, workbenchUrl } from '../../test/vscode/code-server.mjs';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      out: { type: 'string' },
      workspace: { type: 'string', default: join(repoRoot, 'test/vscode/fixtures/workspace') },
      extension: { type: 'string' },
      'wait-for': { type: 'string' },
      timeout: { type: 'string', default: '120' },
    },
  });
  if (!values.file || !values.out) throw new Error('usage: screenshot.mjs --file PATH --out PNG [options]');
  const workspace = resolve(values.workspace);
  const file = isAbsolute(values.file) ? relative(workspace, values.file) : values.file;
  if (file.startsWith('..')) throw new Error(`--file must lie inside the workspace ${workspace}`);
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
  return {
    ...values, workspace, file, timeout, out: resolve(values.out),
    extension: values.extension && resolve(values.extension),
  };
}

/** Opens `file` (relative to the workspace) through Quick Open and waits for its editor tab. */
export async function openFile(page, file, timeout) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${basename(file)}"]`).waitFor({ timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor({ timeout });
}

/**
 * Waits until the status bar has not shown "Activating Extensions" for four polls in a row,
 * then for up to 5 s until the editor shows syntax-colored tokens (plain-text files have none,
 * so that wait may lapse).
 */
export async function waitForQuietEditor(page, timeout) {
  const activating = page.locator('.statusbar', { hasText: 'Activating Extensions' });
  let quietPolls = 0;
  await pollUntil(async () => {
    quietPolls = (await activating.count()) === 0 ? quietPolls + 1 : 0;
    return quietPolls >= 4;
  }, { deadline: Date.now() + timeout, what: 'extensions to finish activating', intervalMs: 250 });
  await page.locator('.editor-instance .view-line span[class^="mtk"]:not(.mtk1)').first()
    .waitFor({ timeout: Math.min(5000, timeout) })
    .catch(() => {});
}

async function main() {
  const options = parseOptions();
  const deadline = Date.now() + options.timeout * 1000;
  const remaining = () => Math.max(1000, deadline - Date.now());
  const interrupt = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => interrupt.abort(new Error(signal)));
  }
  let server;
  let browser;
  try {
    server = await startCodeServer({ deadline, signal: interrupt.signal });
    const url = workbenchUrl(server, { folder: options.workspace, extensionPath: options.extension });
    const opened = await openWorkbench(url, { deadline, signal: interrupt.signal });
    browser = opened.browser;
    interrupt.signal.addEventListener('abort', () => browser.close().catch(() => {}));
    await openFile(opened.page, options.file, remaining());
    await waitForQuietEditor(opened.page, remaining());
    if (options['wait-for']) await opened.page.locator(options['wait-for']).first().waitFor({ timeout: remaining() });
    await mkdir(dirname(options.out), { recursive: true });
    await opened.page.screenshot({ path: options.out, timeout: remaining() });
    console.log(`saved ${options.out}`);
    return 0;
  } catch (error) {
    console.error(`error: ${interrupt.signal.aborted ? interrupt.signal.reason.message : error.message}`);
    return interrupt.signal.aborted ? 130 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main().catch((error) => {
    console.error(`error: ${error.message}`);
    return 1;
  });
}
