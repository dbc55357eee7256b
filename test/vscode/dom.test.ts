/**
 * DOM-level end-to-end test in a real VS Code, against the extension as users get it: `npm run
 * package` builds the .vsix into a temp folder and the VS Code server bundled in npm `code-server`
 * installs it with `--install-extension` (no development path), then headless Chromium opens the
 * workbench. Like a person: click a SIPp trace in the Explorer, wait for the status bar to name the
 * language, check the grammar's colours, hover the mouse over a `500` status code and read the hover
 * widget; open an ngrep capture (`.log`) and accept the "Open as SIP trace" offer; run "SIP: Explain
 * code…" from the Command Palette and read the card. Saves the hover as client/media/hover-trace.png
 * when that file is missing or UPDATE_SCREENSHOT=1, so ordinary runs leave the repository alone.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CACHE_DIR, REPO_ROOT } from './codeServer';
import { ensureHarness } from './install';
import { packageVsix } from '../tools/package';
import {
  closeBrowser, killGroup, launchBrowser, reportFailure, startServer, stopServer, workbenchUrl, type BrowserContext, type Locator, type Page,
} from './workbench';

const TRACE = 'test/fixtures/traces/sipp/uac-500-mismatched-reason_messages.log';
/** An ngrep capture in a plain `.log`: VS Code opens it as Log, and the extension offers to read it as a SIP trace. */
const CAPTURE = 'test/fixtures/traces/ngrep/udp-two-calls-byline.log';
const SCREENSHOT = join(REPO_ROOT, 'client', 'media', 'hover-trace.png');
const VIEWPORT = { width: 1280, height: 800 };

/** The name the status bar shows for `sip-log`: the first alias in the manifest. */
function traceLanguageName(): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { languages: { id: string; aliases: string[] }[] } };
  const language = manifest.contributes.languages.find((l) => l.id === 'sip-log');
  assert.ok(language, 'package.json contributes sip-log');
  return language.aliases[0];
}

/** The token span (Monaco renders one `span` per coloured token inside a `.view-line`) holding exactly `text`. */
const token = (line: Locator, text: string): Locator => line.locator('span > span', { hasText: new RegExp(`^${text}$`) }).first();

/** Moves the mouse onto the token like a person would and returns the hover widget's text once it mentions `expected`. */
async function hoverText(page: Page, target: Locator, expected: RegExp): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 5 && !expected.test(text); attempt++) {
    const box = await target.boundingBox();
    assert.ok(box, 'the token is on screen');
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    try {
      await hover.waitFor({ state: 'visible', timeout: 5000 });
      for (let waited = 0; waited < 5000 && !expected.test(text); waited += 250) {
        text = await hover.innerText({ timeout: 1000 });
        if (!expected.test(text)) await page.waitForTimeout(250);
      }
    } catch {
      await page.mouse.move(5, VIEWPORT.height - 5); // away, then try again
    }
  }
  return text;
}

/** Brings `line` into view the way a person at the keyboard would: a click in the editor, then Ctrl+End. */
async function scrollTo(page: Page, line: Locator): Promise<void> {
  await page.locator('.monaco-editor .view-lines .view-line').first().click();
  for (let step = 0; step < 20 && await line.count() === 0; step++) {
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(250);
  }
  await line.waitFor({ timeout: 10_000 });
}

/** Opens a file as a person would: a click on its row in the Explorer. */
async function openFromExplorer(page: Page, name: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

/** Runs a command from the Command Palette (F1), as a person would: type its title, wait for it, press Enter. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title, { delay: 10 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** The text of the first element matching `selector` in a webview's frame (webviews live in nested iframes), once it matches `expected`. */
async function textInFrames(page: Page, selector: string, expected: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames().filter((f) => /webview/i.test(f.url()))) {
      const element = frame.locator(selector, { hasText: expected }).first();
      if (await element.count().catch(() => 0) > 0) return element.innerText({ timeout: 2000 });
    }
    if (Date.now() > deadline) throw new Error(`no ${selector} matching ${String(expected)} in any webview`);
    await page.waitForTimeout(250);
  }
}

describe('the installed .vsix in the VS Code workbench, through the DOM (code-server + Chromium)', () => {
  it('opens a SIPp trace from the Explorer, colours it, hovers a status code, offers "Open as SIP trace" and explains a code', { timeout: 10 * 60_000 }, async () => {
    const paths = await ensureHarness(CACHE_DIR);
    const tmp = mkdtempSync(join(tmpdir(), 'sipls-dom-'));
    const workspace = join(tmp, 'workspace');
    mkdirSync(workspace);
    copyFileSync(join(REPO_ROOT, TRACE), join(workspace, 'uac_messages.log'));
    copyFileSync(join(REPO_ROOT, CAPTURE), join(workspace, 'capture.log'));
    const packaged = await packageVsix({ outDir: tmp, log: () => undefined });
    let server: ChildProcess | undefined;
    let context: BrowserContext | undefined;
    let page: Page | undefined;
    let serverLog = (): string => '';
    const killOnExit = (): void => { if (server) killGroup(server, 'SIGKILL'); };
    process.on('exit', killOnExit);
    try {
      const started = await startServer(paths, tmp, { settings: { 'editor.hover.delay': 200, 'workbench.tips.enabled': false }, vsix: packaged.vsix });
      server = started.server;
      serverLog = started.log;
      // The installed copy, unpacked from the .vsix: bundles only, no sources.
      const installed = readdirSync(join(tmp, 'server-data', 'extensions')).find((name) => name.startsWith('sipls.sipls-'));
      assert.ok(installed, 'the .vsix is installed into the extensions folder');
      const installedDir = join(tmp, 'server-data', 'extensions', installed);
      assert.ok(existsSync(join(installedDir, 'dist', 'extension.js')) && existsSync(join(installedDir, 'dist', 'server.js')));
      assert.ok(!existsSync(join(installedDir, 'client', 'src')), 'sources are not shipped');
      context = await launchBrowser(paths, join(tmp, 'chromium-profile'), VIEWPORT);
      page = context.pages()[0] ?? await context.newPage();
      await page.goto(workbenchUrl(started.port, { folder: workspace }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

      await openFromExplorer(page, 'uac_messages.log');

      // The status bar shows "Plain Text" until the extension's contributions are in: poll for the name.
      const languageName = traceLanguageName();
      await page.locator('#status\\.editor\\.mode', { hasText: languageName }).waitFor({ timeout: 30_000 });
      assert.equal((await page.locator('#status\\.editor\\.mode').innerText()).trim(), languageName);

      // The grammar: a method and a 5xx status code get colour classes of their own. Class mtk1 is the
      // theme's default foreground, which plain text (and an uncoloured token) is drawn with.
      const inviteLine = page.locator('.monaco-editor .view-lines .view-line', { hasText: /^INVITE\ssip:/ }).first();
      const subjectLine = page.locator('.monaco-editor .view-lines .view-line', { hasText: /^Subject:/ }).first();
      // The header value, which the grammar leaves alone: `: Performance Test` is one default-coloured span.
      const plain = subjectLine.locator('span > span', { hasText: /Performance\sTest/ }).first();
      const defaultClass = await plain.getAttribute('class');
      const inviteClass = await token(inviteLine, 'INVITE').getAttribute('class');
      // The 500 response is further down the file.
      const statusLine = page.locator('.monaco-editor .view-lines .view-line', { hasText: /^SIP\/2\.0\s500\s/ }).first();
      await scrollTo(page, statusLine);
      const statusClass = await token(statusLine, '500').getAttribute('class');
      const colours = { defaultClass, inviteClass, statusClass };
      process.stdout.write(`token classes: ${JSON.stringify(colours)}\n`);
      assert.ok(inviteClass?.startsWith('mtk') && statusClass?.startsWith('mtk'), JSON.stringify(colours));
      assert.notEqual(inviteClass, 'mtk1', JSON.stringify(colours));
      assert.notEqual(statusClass, 'mtk1', JSON.stringify(colours));
      assert.notEqual(inviteClass, defaultClass, JSON.stringify(colours));
      assert.notEqual(statusClass, defaultClass, JSON.stringify(colours));

      // The language server's hover on the status code, read from the widget.
      const text = await hoverText(page, token(statusLine, '500'), /500 Server Internal Error/);
      assert.match(text, /500 Server Internal Error/, `hover text: ${JSON.stringify(text)}`);

      if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT)) {
        mkdirSync(join(REPO_ROOT, 'client', 'media'), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, type: 'png' });
      }

      // A plain .log with SIP in it: the extension offers, once, to read it as a SIP trace.
      await page.mouse.move(5, VIEWPORT.height - 5);
      await page.keyboard.press('Escape');
      await openFromExplorer(page, 'capture.log');
      // A headless browser never has window focus, and VS Code shows no toasts then: the offer waits in
      // the notification centre, where a person would find it from the bell.
      const offer = page.locator('.notification-list-item', { hasText: 'capture.log contains SIP messages' }).first();
      for (let attempt = 0; attempt < 20 && await offer.count() === 0; attempt++) {
        await runCommand(page, 'Notifications: Show Notifications');
        await page.waitForTimeout(1000);
      }
      await offer.waitFor({ timeout: 10_000 });
      await offer.locator('.monaco-button', { hasText: 'Open as SIP trace' }).first().click();
      await page.locator('#status\\.editor\\.mode', { hasText: languageName }).waitFor({ timeout: 30_000 });

      // SIP: Explain code… from the Command Palette: type the code, pick it, read the card.
      await runCommand(page, 'SIP: Explain code');
      // The topics come from the server; the list is virtual, so wait for its first row, not for 486's.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '100 Trying' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.type('486', { delay: 20 });
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '486 Busy Here' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: '486 Busy Here' }).first().waitFor({ timeout: 15_000 });
      const card = await textInFrames(page, 'body', /RFC 3261/);
      assert.match(card, /486 Busy Here/);
      assert.match(card, /RFC 3261 §21\.4\.24/);
    } catch (error) {
      await reportFailure(page, serverLog, join(CACHE_DIR, 'dom-test-failure.png'));
      throw error;
    } finally {
      await closeBrowser(context);
      if (server) await stopServer(server);
      process.off('exit', killOnExit);
      rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    }
  });
});
