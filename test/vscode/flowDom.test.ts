/**
 * The call-flow ladder in a real VS Code, through the DOM, like a person: open a B2BUA trace from
 * the Explorer, press the editor title button "SIP: Show call flow", click an arrow inside the
 * webview (two iframes deep), and read the editor's new cursor line from the status bar; the
 * clicked arrow then carries the highlight the extension sends back when the cursor moves. Then the
 * toolbar (All calls, group by host) and an edit (the emptied document empties the ladder). Saves
 * client/media/flow-ladder.png (the README picture: the ladder beside the trace) when missing or
 * with UPDATE_SCREENSHOT=1.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CACHE_DIR, REPO_ROOT } from './codeServer';
import { ensureHarness } from './install';
import {
  closeBrowser, killGroup, launchBrowser, reportFailure, startServer, stopServer, workbenchUrl, type BrowserContext, type Locator, type Page,
} from './workbench';

const TRACE = 'test/fixtures/traces/ngrep/b2bua-topoh-x-call-id.log';
const FILE = 'b2bua.siplog';
const SCREENSHOT = join(REPO_ROOT, 'client', 'media', 'flow-ladder.png');
const VIEWPORT = { width: 1920, height: 1000 };

interface FrameLocator {
  frameLocator(selector: string): FrameLocator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator & { selectOption(value: string): Promise<string[]> };
}
interface WorkbenchPage extends Page {
  frameLocator(selector: string): FrameLocator;
  keyboard: Page['keyboard'] & { type(text: string): Promise<void> };
}

/** Runs a workbench command through the command palette, as a person would. */
async function runCommand(page: WorkbenchPage, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').first().waitFor({ timeout: 10_000 });
  await page.keyboard.type(title);
  // The list shows the title without its category.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^[^:]*: /, '') }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** The ladder page: VS Code hosts a webview in an iframe that holds the extension's page in a second one. */
const ladderFrame = (page: WorkbenchPage): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

describe('the call-flow ladder in the VS Code workbench, through the DOM (code-server + Chromium)', () => {
  it('opens from the editor title button, and a click on an arrow moves the editor to its message', { timeout: 10 * 60_000 }, async () => {
    const paths = await ensureHarness(CACHE_DIR);
    const tmp = mkdtempSync(join(tmpdir(), 'sipls-flow-dom-'));
    const workspace = join(tmp, 'workspace');
    mkdirSync(workspace);
    copyFileSync(join(REPO_ROOT, TRACE), join(workspace, FILE));
    const traceLines = readFileSync(join(REPO_ROOT, TRACE), 'utf8').split(/\r?\n/);
    let server: ChildProcess | undefined;
    let context: BrowserContext | undefined;
    let page: WorkbenchPage | undefined;
    let serverLog = (): string => '';
    const killOnExit = (): void => { if (server) killGroup(server, 'SIGKILL'); };
    process.on('exit', killOnExit);
    try {
      const started = await startServer(paths, tmp, { settings: { 'workbench.tips.enabled': false, 'editor.minimap.enabled': false } });
      server = started.server;
      serverLog = started.log;
      context = await launchBrowser(paths, join(tmp, 'chromium-profile'), VIEWPORT);
      page = (context.pages()[0] ?? await context.newPage()) as WorkbenchPage;
      await page.goto(workbenchUrl(started.port, { folder: workspace, extensionDevelopmentPath: REPO_ROOT }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first();
      await row.waitFor({ timeout: 30_000 });
      await row.click();
      await page.locator('#status\\.editor\\.mode', { hasText: 'SIP trace' }).waitFor({ timeout: 30_000 });
      // Room for the ladder: the Explorer goes away (View: Toggle Primary Side Bar Visibility).
      await page.locator('.monaco-editor .view-lines .view-line').first().click();
      await page.keyboard.press('Control+B');

      // The editor title button (contributed for sip and sip-log), found by its icon.
      const button = page.locator('.editor-actions .action-label.codicon-type-hierarchy').first();
      await button.waitFor({ timeout: 30_000 });
      await button.click();

      const ladder = ladderFrame(page);
      await ladder.locator('#ladder svg g.arrow').first().waitFor({ timeout: 30_000 });
      // The 180 Ringing the callee sends: its aria-label names its line; the trace says what is there.
      const arrow = ladder.locator('g.arrow[aria-label^="180 Ringing"]').first();
      const label = await arrow.getAttribute('aria-label') ?? '';
      const line = Number(/, line (\d+)$/.exec(label)?.[1]);
      assert.ok(line > 0, label);
      assert.match(traceLines[line - 1] ?? '', /^SIP\/2\.0 180 Ringing/);
      const index = await arrow.getAttribute('data-index');

      await arrow.locator('rect.hit').click();
      // The status bar shows the active editor's cursor as "Ln N, Col M" (with "(K selected)" after it).
      const selection = page.locator('#status\\.editor\\.selection');
      const expected = new RegExp(`^Ln ${line}, Col \\d+`);
      let status = '';
      for (let waited = 0; waited < 10_000 && !expected.test(status); waited += 250) {
        status = (await selection.innerText({ timeout: 5000 }).catch(() => '')).trim();
        if (!expected.test(status)) await page.waitForTimeout(250);
      }
      assert.match(status, expected, status);
      // The cursor moved into the message, so the extension highlighted its arrow.
      await ladder.locator('g.arrow.highlight').first().waitFor({ timeout: 10_000 });
      assert.equal(await ladder.locator('g.arrow.highlight').first().getAttribute('data-index'), index);

      if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT)) {
        mkdirSync(join(REPO_ROOT, 'client', 'media'), { recursive: true });
        // The ladder gets the larger share of the window (the editor is the active group after the click).
        for (let step = 0; step < 3; step++) await runCommand(page, 'View: Decrease Editor Width');
        await page.waitForTimeout(500);
        await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
        await page.screenshot({ path: SCREENSHOT, type: 'png' });
      }

      // The toolbar: "All calls" and grouping by host come back from the extension as a new state.
      const participants = await ladder.locator('g.participant').count();
      await ladder.locator('#call').selectOption('all');
      await ladder.locator('#call option:checked', { hasText: 'All calls' }).waitFor({ state: 'attached', timeout: 10_000 });
      await ladder.locator('#group-host').click();
      await ladder.locator('#group-host[aria-pressed="true"]').waitFor({ timeout: 10_000 });
      // Every address in this trace is on 127.0.0.1: one host, one column.
      for (let waited = 0; waited < 10_000 && await ladder.locator('g.participant').count() !== 1; waited += 250) await page.waitForTimeout(250);
      assert.equal(await ladder.locator('g.participant').count(), 1, `${participants} columns by address, 1 by host`);
      assert.ok(participants > 1);

      // The view follows edits: empty the document and the ladder says so.
      // (The first visible line may sit under the sticky-scroll header: click the selected one.)
      await page.locator('.monaco-editor .view-lines .view-line', { hasText: /^SIP\/2\.0\s180\s/ }).first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await ladder.locator('#ladder .empty', { hasText: 'No SIP messages' }).waitFor({ timeout: 10_000 });
    } catch (error) {
      await reportFailure(page, serverLog, join(CACHE_DIR, 'flow-dom-test-failure.png'));
      throw error;
    } finally {
      await closeBrowser(context);
      if (server) await stopServer(server);
      process.off('exit', killOnExit);
      rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    }
  });
});
