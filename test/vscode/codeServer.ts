/**
 * Runs an extension test suite (`extensionTestsPath`, a module with `run(): Promise<void>`) inside a
 * real VS Code on a machine that cannot download VS Code: the VS Code server bundled in the npm
 * `code-server` package, run with Node 24, and its web workbench in headless Debian Chromium driven
 * by playwright-core. The workbench takes `extensionDevelopmentPath`/`extensionTestsPath` from the
 * URL `payload` (a built workbench honours it only with `--enable-smoke-test-driver`, which is why
 * the server starts from `server-main.js` and not through code-server's CLI); the extension host
 * calls the suite's `run()` and the workbench reports the result through `codeAutomationExit`.
 *
 * Usage as a script: node out/test/vscode/codeServer.js   (exit code = the suite's)
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateTrace } from '../bench/generate';
import { ensureHarness } from './install';
import { closeBrowser, killGroup, launchBrowser, startServer, stopServer, workbenchUrl, type BrowserContext } from './workbench';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const CACHE_DIR = join(REPO_ROOT, '.vscode-test');
export const SUITE = join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');

/** Marks the suite's own lines in the browser console, which also carries the workbench's noise. */
export const SUITE_TAG = '[sipls-suite]';

/** Files the suite opens, copied into a fresh workspace folder for every run. */
const WORKSPACE_FILES: ReadonlyArray<readonly [string, string]> = [
  ['test/fixtures/rfc4475/mismatch01.dat', 'mismatch01.sip'],
  ['test/fixtures/rfc4475/mismatch01.dat', 'quickfix.sip'],
  ['test/fixtures/traces/sipp/uac-500-mismatched-reason_messages.log', 'uac_messages.log'],
  ['test/fixtures/traces/ngrep/udp-two-calls-byline.log', 'capture.log'],
  ['test/fixtures/traces/sngrep/udp-two-calls-export.txt', 'sngrep-export'],
  ['test/fixtures/traces/asterisk-pjsip/full-log-register-call-options.log', 'asterisk.siplog'],
  ['test/fixtures/webview/script-in-headers.log', 'flow_trace.siplog'],
];

/** The generated trace in the workspace (see makeWorkspace). */
export const MANY_DIALOGS = 'many_dialogs_messages.log';

export interface RunOptions {
  readonly extensionDevelopmentPath?: string;
  readonly extensionTestsPath?: string;
  /** For the run itself, after installing; 3 minutes by default. */
  readonly timeoutMs?: number;
  /** Receives every suite line as it arrives (default: printed to stdout). */
  readonly onLine?: (line: string) => void;
}

export interface RunResult {
  /** The suite's exit code (0 passed, 1 failed), or 124 on a timeout. */
  readonly exitCode: number;
  /** The suite's lines (`ok - …`, `not ok - …`, `N passed, N failed`), one per entry. */
  readonly lines: readonly string[];
  readonly seconds: number;
}

/** Fills `dir` with the files and settings the suite expects in its workspace folder. */
export function makeWorkspace(dir: string): void {
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  for (const [from, to] of WORKSPACE_FILES) copyFileSync(join(REPO_ROOT, from), join(dir, to));
  // A SIPp trace with more dialogs than get CodeLens titles at once: the editor resolves the ones on screen.
  writeFileSync(join(dir, MANY_DIALOGS), generateTrace('sipp', 2_500_000).text);
  // No "Open as SIP trace" prompt for capture.log: the suite switches it with the command.
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'sipls.detectTraces': false }, null, 2));
}

/** The suite's line in a browser console message, without the workbench's `%c` styling. */
function suiteLine(text: string): string | undefined {
  const at = text.indexOf(SUITE_TAG);
  if (at < 0) return undefined;
  return text.slice(at + SUITE_TAG.length).replace(/%c/g, '').replace(/\s+color:\s*[^;]*;?\s*$/g, '').replace(/(?:\s*color:\s*\S*)+\s*$/, '').trim();
}

/** Installs what is missing, runs the suite in a real VS Code and resolves with its exit code. */
export async function runExtensionTests(options: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  const extensionPath = options.extensionDevelopmentPath ?? REPO_ROOT;
  const testsPath = options.extensionTestsPath ?? SUITE;
  const onLine = options.onLine ?? ((line: string) => process.stdout.write(`  ${line}\n`));
  const paths = await ensureHarness(CACHE_DIR);
  const say = (text: string): void => { process.stdout.write(`[vscode-harness ${((Date.now() - started) / 1000).toFixed(1)}s] ${text}\n`); };

  const tmp = mkdtempSync(join(tmpdir(), 'sipls-vscode-'));
  const workspace = join(tmp, 'workspace');
  makeWorkspace(workspace);
  const lines: string[] = [];
  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  const killOnExit = (): void => { if (server) killGroup(server, 'SIGKILL'); };
  process.on('exit', killOnExit);
  try {
    const started_ = await startServer(paths, tmp);
    server = started_.server;
    const port = started_.port;
    say(`VS Code server listening on port ${port}`);
    context = await launchBrowser(paths, join(tmp, 'chromium-profile'));
    const page = context.pages()[0] ?? await context.newPage();
    let finish: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((done) => { finish = done; });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('console', (message) => {
      const line = suiteLine(message.text());
      if (line === undefined) return;
      lines.push(line);
      onLine(line);
    });
    await page.goto(workbenchUrl(port, { folder: workspace, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath }));
    say('workbench loading; the extension host runs the suite');
    const timeoutMs = options.timeoutMs ?? 180_000;
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exitCode, new Promise<number>((done) => { timer = setTimeout(() => done(124), timeoutMs); })]);
    clearTimeout(timer);
    say(code === 124 ? `timed out after ${timeoutMs / 1000} s` : `suite finished, exit code ${code}`);
    if (code !== 0) process.stdout.write(`VS Code server log tail:\n${started_.log().slice(-2000)}\n`);
    return { exitCode: code, lines, seconds: (Date.now() - started) / 1000 };
  } finally {
    await closeBrowser(context);
    if (server) await stopServer(server);
    process.off('exit', killOnExit);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (require.main === module) {
  runExtensionTests().then(
    (result) => { process.exitCode = result.exitCode; },
    (error: unknown) => { process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`); process.exitCode = 2; },
  );
}
