/**
 * The pieces every real-VS-Code run shares: starting the VS Code server bundled in npm `code-server`
 * (its `server-main.js`, under Node 24, in its own process group), stopping it with everything it
 * spawned, user settings for a quiet workbench, and headless Debian Chromium through playwright-core.
 * Used by the extension test suite runner (codeServer.ts), the DOM-level test (dom.test.ts) and
 * `npm start` (start.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHROMIUM, type HarnessPaths } from './install';

/** The small part of playwright-core's API used here (it is loaded from the cache, not from the repository). */
export interface ConsoleMessage { text(): string }
export interface BoundingBox { x: number; y: number; width: number; height: number }
export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  waitFor(options?: { state?: 'attached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  click(options?: { timeout?: number }): Promise<void>;
  innerText(options?: { timeout?: number }): Promise<string>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  boundingBox(options?: { timeout?: number }): Promise<BoundingBox | null>;
  count(): Promise<number>;
}
export interface Frame {
  url(): string;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
}
export interface Page {
  exposeFunction(name: string, fn: (code: number) => void): Promise<void>;
  on(event: 'console', fn: (message: ConsoleMessage) => void): void;
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  /** The page's frames, webview iframes included. */
  frames(): Frame[];
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; wheel(dx: number, dy: number): Promise<void> };
  screenshot(options: { path?: string; type?: 'png' }): Promise<Buffer>;
  waitForTimeout(ms: number): Promise<void>;
}
export interface BrowserContext { pages(): Page[]; newPage(): Promise<Page>; close(): Promise<void> }
interface Playwright {
  chromium: {
    launchPersistentContext(dir: string, options: {
      executablePath: string; headless: boolean; args: string[]; viewport?: { width: number; height: number };
    }): Promise<BrowserContext>;
  };
}

/** A delay that does not keep the process alive once everything else is done. */
export const delay = (ms: number): Promise<void> => new Promise((done) => { setTimeout(done, ms).unref(); });

/** Kills the server's whole process group (extension host and language server included). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<void>((done) => server.once('exit', () => done()));
    killGroup(server, 'SIGTERM');
    const timer = setTimeout(() => killGroup(server, 'SIGKILL'), 3000);
    await Promise.race([exited, delay(5000)]);
    clearTimeout(timer);
  }
  // Children that outlived their parent still carry the group id.
  try { if (server.pid !== undefined) process.kill(-server.pid, 'SIGKILL'); } catch { /* none left */ }
}

/** User settings for a quiet workbench: no welcome page, trust prompt, telemetry, updates or AI. */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...extra,
  }, null, 2));
}

export interface ServerOptions {
  /** 0 (the default) lets the system choose. */
  readonly port?: number;
  /** Extra user settings on top of the quiet defaults. */
  readonly settings?: Record<string, unknown>;
  /** Extension folders to install by a symlink in the extensions folder (loaded like any installed extension). */
  readonly installed?: readonly string[];
  /** The folder the workbench opens when its address names none. */
  readonly defaultFolder?: string;
  /** A .vsix to install with the server's own `--install-extension` before it starts, as a user would. */
  readonly vsix?: string;
}

/** `publisher.name-version`, the folder name VS Code gives an installed extension. */
export function extensionFolderName(folder: string): string {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

/** `--install-extension` of the VS Code server: unpacks the .vsix into `extensionsDir` the way `code --install-extension` does. */
export function installVsix(paths: HarnessPaths, vsix: string, extensionsDir: string): void {
  const result = spawnSync(join(paths.node24Bin, 'node'), [
    join(paths.vscodeDir, 'out', 'server-main.js'), '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms',
  ], { encoding: 'utf8', timeout: 60_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/.test(output)) throw new Error(`installing ${vsix} failed (${result.status ?? result.signal}):\n${output.slice(-2000)}`);
}

export interface StartedServer {
  readonly server: ChildProcess;
  readonly port: number;
  /** Everything the server printed so far. */
  readonly log: () => string;
}

/**
 * Starts the VS Code server with its data, extensions and sockets (TMPDIR) under `tmp`, which must
 * exist. `--enable-smoke-test-driver` makes the built workbench honour the URL `payload`
 * (extensionDevelopmentPath, extensionTestsPath); see workbenchUrl.
 */
export function startServer(paths: HarnessPaths, tmp: string, options: ServerOptions = {}): Promise<StartedServer> {
  const serverData = join(tmp, 'server-data');
  const userData = join(serverData, 'user-data');
  const extensionsDir = join(serverData, 'extensions');
  mkdirSync(join(tmp, 'tmp'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userData, options.settings);
  for (const folder of options.installed ?? []) symlinkSync(folder, join(extensionsDir, extensionFolderName(folder)), 'dir');
  if (options.vsix) installVsix(paths, options.vsix, extensionsDir);
  const server = spawn(join(paths.node24Bin, 'node'), [
    join(paths.vscodeDir, 'out', 'server-main.js'),
    '--host', '127.0.0.1', '--port', String(options.port ?? 0),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--server-data-dir', serverData, '--user-data-dir', userData, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-workspace-trust',
    ...(options.defaultFolder ? ['--default-folder', options.defaultFolder] : []),
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

export interface WorkbenchTarget {
  /** The folder the workbench opens. */
  readonly folder: string;
  /** Loaded as a development extension (from its folder, no install). */
  readonly extensionDevelopmentPath?: string;
  /** A module with `run(): Promise<void>`; the workbench reports its result through `codeAutomationExit`. */
  readonly extensionTestsPath?: string;
}

/** The workbench address for a folder, with the development extension and tests in the `payload`. */
export function workbenchUrl(port: number, target: WorkbenchTarget): string {
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload: string[][] = [];
  if (target.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  const query = `folder=${encodeURIComponent(target.folder)}${payload.length > 0 ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  return `http://127.0.0.1:${port}/?${query}`;
}

/** Headless Chromium with a fresh profile in `profileDir`. */
export async function launchBrowser(paths: HarnessPaths, profileDir: string, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  const playwright = createRequire(join(paths.modulesDir, 'index.js'))('playwright-core') as Playwright;
  return playwright.chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(viewport ? { viewport } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Closes the browser without waiting forever for a wedged one. */
export async function closeBrowser(context: BrowserContext | undefined): Promise<void> {
  if (context) await Promise.race([context.close().catch(() => undefined), delay(10_000)]);
}

/** What a failed DOM test leaves behind: a screenshot in the cache folder and the server log's tail. */
export async function reportFailure(page: Page | undefined, serverLog: () => string, screenshot: string): Promise<void> {
  if (page) await page.screenshot({ path: screenshot, type: 'png' }).catch(() => undefined);
  process.stdout.write(`VS Code server log tail:\n${serverLog().slice(-2000)}\n(screenshot: ${screenshot})\n`);
}
