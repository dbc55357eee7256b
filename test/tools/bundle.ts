/**
 * Bundles the extension with esbuild: `dist/extension.js` (the VS Code client, `vscode` left to the
 * editor), `dist/server.js` (the language server and the `sipls` command, from server/src/cli/main.ts)
 * and `dist/flowWebview.js` (the call-flow webview's script, for the browser). The first two are
 * CommonJS files with their dependencies inlined, so the .vsix ships no node_modules and the
 * extension host loads two files instead of hundreds; the third is one self-contained script, so
 * the webview loads nothing remote.
 *
 * Written in TypeScript under test/tools, not as a .mjs script: tsc type-checks it against esbuild's
 * own types, ESLint's TypeScript rules cover it, and the package script, the bundle test and the
 * real-VS-Code test import it as a function. `npm run build` runs it after tsc.
 *
 * Usage: node out/test/tools/bundle.js [OUT_DIR]   (default: dist/ in the repository)
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const DIST = join(REPO_ROOT, 'dist');

export interface BundleResult {
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  readonly ms: number;
}

/** The entry points, the file each becomes in the output folder, and where it runs. */
const ENTRIES = [
  { in: join(REPO_ROOT, 'client', 'src', 'extension.ts'), out: 'extension.js', browser: false },
  { in: join(REPO_ROOT, 'server', 'src', 'cli', 'main.ts'), out: 'server.js', browser: false },
  // The webview runs in VS Code's Chromium: one IIFE, no module loader, nothing external.
  { in: join(REPO_ROOT, 'client', 'src', 'flow', 'webview', 'main.ts'), out: 'flowWebview.js', browser: true },
] as const;

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
  await Promise.all(ENTRIES.map(async (entry) => {
    const result = await build({
      entryPoints: [entry.in],
      bundle: true,
      ...(entry.browser
        // VS Code 1.95's Electron 32 runs Chromium 128.
        ? { platform: 'browser' as const, format: 'iife' as const, target: 'chrome120' }
        // The Node inside VS Code 1.95 (Electron 32) is Node 20, like the oldest Node sipls supports.
        : { platform: 'node' as const, format: 'cjs' as const, target: 'node20', external: ['vscode'] }),
      // Minified: a smaller .vsix and a faster first load; stack traces name the bundle, not the sources.
      minify: true,
      // The server's shebang (`#!/usr/bin/env node`) is kept by esbuild, so dist/server.js runs as `sipls` too.
      write: false,
      logLevel: 'warning',
    });
    const text = result.outputFiles[0]?.contents;
    if (!text) throw new Error(`esbuild produced nothing for ${entry.in}`);
    const path = join(outDir, entry.out);
    if (!sameContent(path, text)) {
      const temporary = join(outDir, `.${basename(path)}.${process.pid}.tmp`);
      writeFileSync(temporary, text);
      renameSync(temporary, path);
    }
    files.push({ path, bytes: text.byteLength });
  }));
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, ms: Date.now() - started };
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
