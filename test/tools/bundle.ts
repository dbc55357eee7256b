/**
 * Bundles the extension with esbuild: `dist/extension.js` (the VS Code client, `vscode` left to the
 * editor), `dist/server-core.js` (the language server and the `sipls` command, from
 * server/src/cli/main.ts), `dist/server.js` (the server's entry point, which runs the core through a
 * V8 code cache: server/src/launch/withCodeCache.ts) and `dist/flowWebview.js` (the call-flow
 * webview's script, for the browser). The Node files are CommonJS with their dependencies inlined,
 * so the .vsix ships no node_modules and the extension host loads a few files instead of hundreds;
 * the webview's is one self-contained script, so the webview loads nothing remote.
 *
 * Written in TypeScript under test/tools, not as a .mjs script: tsc type-checks it against esbuild's
 * own types, ESLint's TypeScript rules cover it, and the package script, the bundle test and the
 * real-VS-Code test import it as a function. `npm run build` runs it after tsc.
 *
 * Usage: node out/test/tools/bundle.js [OUT_DIR]   (default: dist/ in the repository)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const DIST = join(REPO_ROOT, 'dist');

export interface BundleResult {
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  readonly ms: number;
}

interface Entry {
  readonly in: string;
  readonly out: string;
  readonly browser: boolean;
}

/** The entry points built first, each independent: the file each becomes in the output folder, and where it runs. */
const ENTRIES: readonly Entry[] = [
  { in: join(REPO_ROOT, 'client', 'src', 'extension.ts'), out: 'extension.js', browser: false },
  { in: join(REPO_ROOT, 'server', 'src', 'cli', 'main.ts'), out: 'server-core.js', browser: false },
  // The webview runs in VS Code's Chromium: one IIFE, no module loader, nothing external.
  { in: join(REPO_ROOT, 'client', 'src', 'flow', 'webview', 'main.ts'), out: 'flowWebview.js', browser: true },
];

/** Built last: it carries a hash of the core's content, which names the code cache. */
const SERVER_ENTRY: Entry = { in: join(REPO_ROOT, 'server', 'src', 'launch', 'withCodeCache.ts'), out: 'server.js', browser: false };

function sameContent(path: string, text: Uint8Array): boolean {
  try {
    return Buffer.compare(readFileSync(path), text) === 0;
  } catch {
    return false;
  }
}

/**
 * Builds the bundles into `outDir`. Files are written to a temporary name and renamed, and left alone
 * when unchanged, so a VS Code already running from `outDir` never reads half a file.
 */
export async function bundle(outDir: string = DIST): Promise<BundleResult> {
  const started = Date.now();
  mkdirSync(outDir, { recursive: true });
  const files: { path: string; bytes: number }[] = [];
  const built = await Promise.all(ENTRIES.map(async (entry) => {
    // The core runs inside the entry point's wrapper, where a shebang line would not parse; the entry point has its own.
    const text = await buildEntry(entry, {});
    return { entry, text: entry.out === 'server-core.js' ? withoutShebang(text) : text };
  }));
  const core = built.find((file) => file.entry.out === 'server-core.js');
  if (!core) throw new Error('the server core was not built');
  const coreHash = createHash('sha256').update(core.text).digest('hex').slice(0, 16);
  built.push({ entry: SERVER_ENTRY, text: await buildEntry(SERVER_ENTRY, { SIPLS_CORE_HASH: JSON.stringify(coreHash) }) });
  for (const { entry, text } of built) {
    const path = join(outDir, entry.out);
    if (!sameContent(path, text)) {
      const temporary = join(outDir, `.${basename(path)}.${process.pid}.tmp`);
      writeFileSync(temporary, text);
      renameSync(temporary, path);
    }
    files.push({ path, bytes: text.byteLength });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, ms: Date.now() - started };
}

function withoutShebang(text: Uint8Array): Uint8Array {
  if (text[0] !== 0x23 || text[1] !== 0x21) return text;
  const end = text.indexOf(0x0a);
  return end < 0 ? new Uint8Array(0) : text.subarray(end + 1);
}

async function buildEntry(entry: Entry, define: Record<string, string>): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry.in],
    bundle: true,
    ...(entry.browser
      // VS Code 1.95's Electron 32 runs Chromium 128.
      ? { platform: 'browser' as const, format: 'iife' as const, target: 'chrome120' }
      // The Node inside VS Code 1.95 (Electron 32) is Node 20, like the oldest Node sipls supports.
      : { platform: 'node' as const, format: 'cjs' as const, target: 'node20', external: ['vscode'] }),
    define,
    // Minified: a smaller .vsix and a faster first load; stack traces name the bundle, not the sources.
    minify: true,
    // The entry point's shebang (`#!/usr/bin/env node`) is kept by esbuild, so dist/server.js runs as `sipls` too.
    write: false,
    logLevel: 'warning',
  });
  const text = result.outputFiles[0]?.contents;
  if (!text) throw new Error(`esbuild produced nothing for ${entry.in}`);
  return text;
}

if (require.main === module) {
  bundle(process.argv[2] ? resolve(process.argv[2]) : DIST).then(
    (result) => {
      for (const file of result.files) process.stdout.write(`${file.path}  ${(file.bytes / 1024).toFixed(1)} KB\n`);
      process.stdout.write(`bundled in ${result.ms} ms\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
