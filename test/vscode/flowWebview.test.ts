/**
 * The call-flow webview in a real browser, without VS Code: the page from the pure HTML builder,
 * the bundled webview script and a flow built by the core from a trace whose 180 carries
 * `<script>alert(1)</script>` as its reason phrase and whose INVITE has an `<img onerror>` in the
 * From display name. Served from 127.0.0.1 to headless Chromium (installed by the VS Code harness),
 * with `acquireVsCodeApi` stubbed to record what the page posts. Checks the arrows' labels and order
 * through the DOM, that the markup in the trace stays text, the tooltip, the click that posts
 * `reveal`, the highlight the extension sends, and that the page breaks none of its own CSP rules.
 * Saves client/media/flow-webview.png when missing or with UPDATE_SCREENSHOT=1.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { flowHtml } from '../../client/src/flow/html';
import type { FlowViewState } from '../../client/src/flow/protocol';
import { buildFlows, renderSvg, type CallFlow } from '../../server/src/core/features/flow';
import { parseDocument } from '../../server/src/core/parser/document';
import { bundle } from '../tools/bundle';
import { CACHE_DIR, REPO_ROOT } from './codeServer';
import { ensureHarness } from './install';
import { closeBrowser, launchBrowser, type BrowserContext, type ConsoleMessage, type Locator, type Page } from './workbench';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'webview', 'script-in-headers.log');
const SCREENSHOT = join(REPO_ROOT, 'client', 'media', 'flow-webview.png');

/** The parts of playwright-core's page this test uses beyond workbench.ts's. */
interface BrowserPage extends Page {
  addInitScript(script: string): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
  on(event: 'console', fn: (message: ConsoleMessage) => void): void;
  on(event: 'dialog', fn: (dialog: { message(): string; dismiss(): Promise<void> }) => void): void;
}
interface HoverLocator extends Locator { hover(options?: { timeout?: number }): Promise<void> }

/** Stands in for VS Code's webview API, and records alerts should any markup from the trace ever run. */
const STUB = `
window.__posted = [];
window.__alerts = [];
window.alert = (text) => { window.__alerts.push(String(text)); };
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), setState: () => undefined, getState: () => undefined });
`;

/** Serves `files` (path -> type and body) on 127.0.0.1; `origin` is what the page's policy names. */
function serve(files: Map<string, { type: string; body: string | Buffer }>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const file = files.get((request.url ?? '/').split('?')[0] ?? '/');
    if (!file) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    done({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

describe('the call-flow webview in headless Chromium', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const flows = buildFlows(text, parseDocument(text));
  const flow: CallFlow = flows.calls[0] as CallFlow;
  let tmp = '';
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let page: BrowserPage;
  const consoleLines: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    assert.ok(flow && flow.arrows.length >= 5, 'the fixture holds a call');
    const paths = await ensureHarness(CACHE_DIR);
    tmp = mkdtempSync(join(tmpdir(), 'sipls-flow-webview-'));
    await bundle(join(tmp, 'dist'));
    const state: FlowViewState = {
      documentName: 'script-in-headers.log',
      calls: flows.calls.map((c) => ({ id: c.id, title: c.title, arrows: c.arrows.length })),
      selected: flow.id,
      groupBy: 'address',
      flow,
      svg: renderSvg(flow),
      highlight: null,
    };
    const files = new Map<string, { type: string; body: string | Buffer }>();
    files.set('/flowWebview.js', { type: 'text/javascript', body: readFileSync(join(tmp, 'dist', 'flowWebview.js')) });
    const served = await serve(files);
    server = served.server;
    files.set('/', {
      type: 'text/html; charset=utf-8',
      body: flowHtml({ nonce: randomBytes(16).toString('base64'), cspSource: served.origin, scriptUri: `${served.origin}/flowWebview.js`, state }),
    });
    context = await launchBrowser(paths, join(tmp, 'chromium-profile'), { width: 900, height: 700 });
    page = (context.pages()[0] ?? await context.newPage()) as BrowserPage;
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.addInitScript(STUB);
    await page.goto(`${served.origin}/`);
    await page.locator('#ladder svg g.arrow').first().waitFor({ timeout: 10_000 });
  });

  after(async () => {
    await closeBrowser(context);
    server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  });

  it('draws one arrow per flow arrow, in order, with its label', async () => {
    const arrows = await page.evaluate<{ index: string | null; text: string }[]>(
      `[...document.querySelectorAll('#ladder g.arrow')].map((g) => ({ index: g.getAttribute('data-index'), text: g.textContent }))`);
    assert.deepEqual(arrows.map((a) => a.index), flow.arrows.map((a) => String(a.index)));
    flow.arrows.forEach((arrow, i) => assert.ok(arrows[i]?.text.includes(arrow.label), `arrow ${i}: ${JSON.stringify(arrows[i])} shows ${arrow.label}`));
    assert.match(flow.arrows[0]?.label ?? '', /^INVITE\b/);
  });

  it('fills the call picker with every call and "All calls"', async () => {
    const options = await page.evaluate<string[]>(`[...document.querySelectorAll('#call option')].map((o) => o.value)`);
    assert.deepEqual(options, [...flows.calls.map((c) => c.id), 'all']);
    assert.equal(await page.evaluate<string>(`document.querySelector('#call').value`), flow.id);
  });

  it('shows <script> from a reason phrase as text: no alert, no element', async () => {
    const ringing = flow.arrows.find((a) => a.label.includes('<script>'));
    assert.ok(ringing, 'the 180 keeps its reason phrase in the model');
    const ladderText = await page.evaluate<string>(`document.getElementById('ladder').textContent`);
    assert.ok(ladderText.includes('<script>alert(1)</script>'), ladderText.slice(0, 400));
    assert.equal(await page.evaluate<number>(`document.querySelectorAll('script').length`), 2, 'only the state and the bundled script');
    assert.equal(await page.evaluate<number>(`document.querySelectorAll('img, foreignObject, iframe').length`), 0);
    assert.deepEqual(await page.evaluate<string[]>('window.__alerts'), []);
    assert.deepEqual(dialogs, []);
  });

  it('hovering an arrow shows its start line and key headers as text', async () => {
    const invite = flow.arrows[0];
    assert.ok(invite);
    await (page.locator('#ladder g.arrow[data-index="0"] rect.hit') as HoverLocator).hover();
    await page.locator('#tooltip:not([hidden])').waitFor({ timeout: 5000 });
    const tip = await page.locator('#tooltip').innerText();
    assert.ok(tip.includes(invite.startLine), tip);
    assert.ok(tip.includes('"<img src=x onerror=alert(2)>"'), tip);
    for (const header of invite.keyHeaders) assert.ok(tip.includes(`${header.name}: ${header.value}`), `${header.name} in ${tip}`);
    assert.equal(await page.evaluate<number>(`document.querySelectorAll('#tooltip *:not(div)').length`), 0, 'the tooltip holds text lines only');
    assert.deepEqual(await page.evaluate<string[]>('window.__alerts'), []);
    if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT)) {
      mkdirSync(join(REPO_ROOT, 'client', 'media'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, type: 'png' });
    }
  });

  it('a click on an arrow posts reveal with its start line', async () => {
    const index = flow.arrows.findIndex((a) => a.label.startsWith('180'));
    const arrow = flow.arrows[index];
    assert.ok(arrow);
    // The 180's start line in the fixture, counted here from the text itself.
    const expectedLine = text.split('\n').findIndex((line) => line.startsWith('SIP/2.0 180 '));
    assert.equal(arrow.line, expectedLine);
    await page.locator(`#ladder g.arrow[data-index="${index}"] rect.hit`).click();
    const posted = await page.evaluate<{ type: string; index?: number; line?: number }[]>('window.__posted');
    assert.deepEqual(posted.filter((m) => m.type === 'reveal'), [{ type: 'reveal', index, line: expectedLine }]);
    assert.deepEqual(posted[0], { type: 'ready' });
  });

  it('highlights the arrow the extension names, and only that one', async () => {
    await page.evaluate(`window.postMessage({ type: 'highlight', index: 2 }, '*')`);
    await page.locator('#ladder g.arrow.highlight').first().waitFor({ timeout: 5000 });
    assert.deepEqual(await page.evaluate<(string | null)[]>(`[...document.querySelectorAll('g.arrow.highlight')].map((g) => g.getAttribute('data-index'))`), ['2']);
    await page.evaluate(`window.postMessage({ type: 'highlight', index: null }, '*')`);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate<number>(`document.querySelectorAll('g.arrow.highlight').length`), 0);
  });

  it('breaks none of its own Content-Security-Policy rules', () => {
    assert.deepEqual(consoleLines.filter((line) => /Content Security Policy|Refused to/i.test(line)), []);
  });
});
