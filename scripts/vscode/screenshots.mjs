#!/usr/bin/env node
// Saves the README's screenshots of the workbench (code-server driven by Debian's Chromium) into
// docs/images/: diagnostics with the Problems panel, a hover on a diagnostic, the Quick Fix menu and
// the rollout CodeLens. Build first (`npm run build`); the repo is loaded as the extension.
//
//   node scripts/vscode/screenshots.mjs [--out docs/images] [--file deployment.yaml] [--timeout SECONDS]
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench, repoRoot, startCodeServer, workbenchUrl } from '../../test/vscode/code-server.mjs';
import { openFile, waitForQuietEditor } from './screenshot.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(repoRoot, 'docs/images') },
    file: { type: 'string', default: 'deployment.yaml' },
    workspace: { type: 'string', default: join(repoRoot, 'test/vscode/fixtures/workspace') },
    timeout: { type: 'string', default: '180' },
  },
});
const timeoutMs = Number(values.timeout) * 1000;
const out = resolve(values.out);
const SQUIGGLE = '.view-overlays .squiggly-error, .view-overlays .squiggly-warning, .view-overlays .squiggly-info';

async function shot(page, name, clip) {
  const path = join(out, name);
  await page.screenshot({ path, clip, timeout: 10_000 });
  console.log(`saved ${path}`);
}

/** The editor area plus the panel, which is what the shots are about. */
async function editorClip(page, withPanel) {
  const part = await page.locator(withPanel ? '.monaco-workbench .part.editor, .monaco-workbench .part.panel' : '.monaco-workbench .part.editor').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).reduce((a, r) => ({ x: Math.min(a.x, r.x), y: Math.min(a.y, r.y), r: Math.max(a.r, r.right), b: Math.max(a.b, r.bottom) }), { x: 1e9, y: 1e9, r: 0, b: 0 }));
  return { x: part.x, y: part.y, width: part.r - part.x, height: part.b - part.y };
}

async function main() {
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1000, deadline - Date.now());
  let server;
  let browser;
  try {
    server = await startCodeServer({ deadline });
    const url = workbenchUrl(server, { folder: resolve(values.workspace), extensionPath: repoRoot });
    const opened = await openWorkbench(url, { deadline, viewport: { width: 1180, height: 720 } });
    browser = opened.browser;
    const { page } = opened;
    await mkdir(out, { recursive: true });
    await openFile(page, values.file, remaining());
    await waitForQuietEditor(page, remaining());
    await page.locator(SQUIGGLE).first().waitFor({ timeout: remaining() });
    await page.locator('.codelens-decoration', { hasText: 'Rollout: status' }).first().waitFor({ timeout: remaining() });

    await shot(page, 'rollout-codelens.png', await editorClip(page, false));

    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: remaining() });
    await shot(page, 'diagnostics.png', await editorClip(page, true));

    await page.keyboard.press('Control+J');
    await page.locator('.monaco-workbench .part.panel').waitFor({ state: 'hidden', timeout: remaining() });
    const squiggle = await page.locator(SQUIGGLE).last().boundingBox();
    await page.mouse.move(squiggle.x + Math.min(20, squiggle.width / 2), squiggle.y + squiggle.height / 2);
    await page.locator('.monaco-hover:not(.hidden) .hover-row').first().waitFor({ timeout: remaining() });
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover:not(.hidden)')]
      .some((e) => getComputedStyle(e.closest('.monaco-resizable-hover') ?? e).opacity === '1'), undefined, { timeout: remaining() });
    await shot(page, 'hover.png', await editorClip(page, false));

    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.mouse.click(squiggle.x + Math.min(8, squiggle.width / 2), squiggle.y + squiggle.height / 2);
    await page.keyboard.press('Control+Period');
    await page.locator('.action-widget').first().waitFor({ timeout: remaining() });
    await shot(page, 'quick-fix.png', await editorClip(page, false));
    return 0;
  } catch (error) {
    console.error(`error: ${error.message}`);
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
}

process.exitCode = await main();
