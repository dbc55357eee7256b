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
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, ensureHarness, type HarnessPaths } from './install';

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
];

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

/** The small part of playwright-core's API used here (it is loaded from the cache, not from the repository). */
interface ConsoleMessage { text(): string }
interface Page {
  exposeFunction(name: string, fn: (code: number) => void): Promise<void>;
  on(event: 'console', fn: (message: ConsoleMessage) => void): void;
  goto(url: string): Promise<unknown>;
}
interface BrowserContext { pages(): Page[]; newPage(): Promise<Page>; close(): Promise<void> }
interface Playwright {
  chromium: { launchPersistentContext(dir: string, options: { executablePath: string; headless: boolean; args: string[] }): Promise<BrowserContext> };
}

/** Fills `dir` with the files and settings the suite expects in its workspace folder. */
export function makeWorkspace(dir: string): void {
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  for (const [from, to] of WORKSPACE_FILES) copyFileSync(join(REPO_ROOT, from), join(dir, to));
  // No "Open as SIP trace" prompt for capture.log: the suite switches it with the command.
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'sipls.detectTraces': false }, null, 2));
}

function writeUserSettings(userDataDir: string): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
  }, null, 2));
}

/** A delay that does not keep the process alive once everything else is done. */
const delay = (ms: number): Promise<void> => new Promise((done) => { setTimeout(done, ms).unref(); });

/** Kills the server's whole process group (extension host and language server included). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  killGroup(server, 'SIGTERM');
  const timer = setTimeout(() => killGroup(server, 'SIGKILL'), 3000);
  await Promise.race([exited, delay(5000)]);
  clearTimeout(timer);
  // Children that outlived their parent still carry the group id.
  try { if (server.pid !== undefined) process.kill(-server.pid, 'SIGKILL'); } catch { /* none left */ }
}

function startServer(paths: HarnessPaths, tmp: string): Promise<{ server: ChildProcess; port: number; log: () => string }> {
  const serverData = join(tmp, 'server-data');
  const userData = join(serverData, 'user-data');
  writeUserSettings(userData);
  const server = spawn(join(paths.node24Bin, 'node'), [
    join(paths.vscodeDir, 'out', 'server-main.js'),
    '--host', '127.0.0.1', '--port', '0',
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--server-data-dir', serverData, '--user-data-dir', userData, '--extensions-dir', join(serverData, 'extensions'),
    '--disable-telemetry', '--disable-workspace-trust',
  ], {
    // TMPDIR keeps the server's sockets out of the system temp folder; detached gives it its own process group.
    env: { ...process.env, PATH: `${paths.node24Bin}:${process.env.PATH ?? ''}`, TMPDIR: join(tmp, 'tmp') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the VS Code server did not start within 60 s:\n${log.slice(-3000)}`)), 60_000);
    const onData = (d: Buffer): void => {
      log += d.toString();
      const m = /Extension host agent listening on (\d+)/.exec(log);
      if (m) { clearTimeout(timer); done({ server, port: Number(m[1]), log: () => log }); }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('error', (e) => { clearTimeout(timer); fail(e); });
    server.on('exit', (code) => { clearTimeout(timer); fail(new Error(`the VS Code server exited (${code}):\n${log.slice(-3000)}`)); });
  });
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
  mkdirSync(join(tmp, 'tmp'));
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
    const playwright = createRequire(join(paths.modulesDir, 'index.js'))('playwright-core') as Playwright;
    context = await playwright.chromium.launchPersistentContext(join(tmp, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
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
    const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(testsPath)]];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    say('workbench loading; the extension host runs the suite');
    const timeoutMs = options.timeoutMs ?? 180_000;
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exitCode, new Promise<number>((done) => { timer = setTimeout(() => done(124), timeoutMs); })]);
    clearTimeout(timer);
    say(code === 124 ? `timed out after ${timeoutMs / 1000} s` : `suite finished, exit code ${code}`);
    if (code !== 0) process.stdout.write(`VS Code server log tail:\n${started_.log().slice(-2000)}\n`);
    return { exitCode: code, lines, seconds: (Date.now() - started) / 1000 };
  } finally {
    if (context) await Promise.race([context.close().catch(() => undefined), delay(10_000)]);
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
