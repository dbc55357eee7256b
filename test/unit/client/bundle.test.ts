/**
 * The esbuild bundles (test/tools/bundle.ts), built into a temporary folder laid out like the
 * installed .vsix (dist/, package.json, server/CHECKS.md): the files exist, the client bundle needs
 * nothing but `vscode` and Node's own modules, and the server bundle answers LSP over stdio, reports
 * the manifest's version and links diagnostics to the CHECKS.md beside it. Its entry point writes a
 * V8 code cache where SIPLS_CODE_CACHE_DIR says, uses it on the next start, and survives a broken
 * one. Also: .vscodeignore ships exactly the bundles, grammars, CHECKS.md and the top-level documents.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchServer } from '../../bench/lspDriver';
import { TestClient } from '../../protocol/client';
import { CODE_CACHE_ENV, type CodeCacheState } from '../../../server/src/launch/codeCacheEnv';
import { CODE_CACHE_REQUEST, MEMORY_REQUEST } from '../../../server/src/lsp/debug';
import { REPO_ROOT } from '../../support/paths';
import { bundle, type BundleResult } from '../../tools/bundle';
import { shippedFiles } from '../../tools/package';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Every `require("…")` in a bundle that is not `vscode` or a Node built-in. */
function foreignRequires(code: string): string[] {
  const names = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].filter((name) => name !== 'vscode' && !name.startsWith('node:') && !builtinModules.includes(name));
}

describe('esbuild bundles', () => {
  let root = '';
  let result: BundleResult;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'sipls-bundle-'));
    result = await bundle(join(root, 'dist'));
    copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
    mkdirSync(join(root, 'server'));
    copyFileSync(join(REPO_ROOT, 'server', 'CHECKS.md'), join(root, 'server', 'CHECKS.md'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes dist/extension.js, dist/flowWebview.js, dist/server-core.js and dist/server.js, with no dependency left outside but vscode', () => {
    assert.deepEqual(result.files.map((f) => f.path), ['extension.js', 'flowWebview.js', 'server-core.js', 'server.js'].map((name) => join(root, 'dist', name)));
    for (const file of result.files) assert.ok(existsSync(file.path) && file.bytes > (file.path.endsWith('flowWebview.js') || file.path.endsWith('server.js') ? 500 : 10_000), file.path);
    const client = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
    assert.deepEqual(foreignRequires(client), []);
    assert.match(client, /require\("vscode"\)/);
    assert.deepEqual(foreignRequires(readFileSync(join(root, 'dist', 'server.js'), 'utf8')), []);
    assert.deepEqual(foreignRequires(readFileSync(join(root, 'dist', 'server-core.js'), 'utf8')), []);
    // The entry point names the cache by the core's hash, which the bundler writes into it.
    assert.match(readFileSync(join(root, 'dist', 'server.js'), 'utf8'), /^#!\/usr\/bin\/env node\n[^]*server-core-[0-9a-f]{16}-v8-/);
    assert.notEqual(readFileSync(join(root, 'dist', 'server-core.js'), 'utf8').slice(0, 2), '#!');
    // The webview script loads nothing: no require, no import, no address but the SVG namespace name.
    const webview = readFileSync(join(root, 'dist', 'flowWebview.js'), 'utf8');
    assert.doesNotMatch(webview, /\brequire\(|\bimport\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('runs the sipls command from the bundle, with the version from package.json', () => {
    const run = spawnSync(process.execPath, [join(root, 'dist', 'server.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), VERSION);
  });

  it('answers initialize over stdio and links diagnostics to the CHECKS.md it ships with', { timeout: 30_000 }, async () => {
    const client = new TestClient(join(root, 'dist', 'server.js'));
    try {
      const init = (await client.initialize()) as { serverInfo?: { name: string; version: string }; capabilities: { hoverProvider?: unknown } };
      assert.deepEqual(init.serverInfo, { name: 'sipls', version: VERSION });
      assert.ok(init.capabilities.hoverProvider);
      const uri = 'file:///bundle/mismatch.sip';
      await client.open(uri, 'OPTIONS sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:bob@example.com>\r\nFrom: <sip:a@example.com>;tag=1\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n');
      const diagnostics = await client.diagnosticsFor(uri);
      const mismatch = diagnostics.find((d) => d.code === 'cseq-method-mismatch');
      assert.ok(mismatch, JSON.stringify(diagnostics));
      const href = mismatch.codeDescription?.href ?? '';
      assert.equal(fileURLToPath(href.replace(/#.*$/, '')), join(root, 'server', 'CHECKS.md'));
    } finally {
      await client.shutdown();
    }
  });
  it('writes the V8 code cache into SIPLS_CODE_CACHE_DIR, uses it on the next start, and starts from a broken one', { timeout: 60_000 }, async () => {
    const cacheDir = join(root, 'code-cache');
    const message = 'OPTIONS sip:bob@example.com SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\n';
    const start = async (expected: CodeCacheState, body?: (server: BenchServer) => Promise<void>): Promise<void> => {
      const server = await BenchServer.start({ main: join(root, 'dist', 'server.js'), env: { [CODE_CACHE_ENV]: cacheDir, SIPLS_DEBUG_REQUESTS: '1', SIPLS_DIAGNOSTICS_DEBOUNCE_MS: '0' } });
      try {
        assert.equal(await server.request<CodeCacheState>(CODE_CACHE_REQUEST, {}), expected);
        // The code from the cache runs as the compiled code does: the same findings for a broken message.
        assert.ok((await server.open('file:///bundle/cached.sip', message, 'sip')).diagnostics > 0);
        await body?.(server);
      } finally {
        await server.stop();
      }
    };
    const cacheFiles = (): string[] => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);
    const written = async (server: BenchServer): Promise<void> => {
      // The benchmark's memory request comes first: the collection it exposes must not change the
      // flags V8 stamps the cache with, or the next start would reject it.
      await server.request(MEMORY_REQUEST, {});
      // Written a few seconds after start-up, not during it.
      let state = await server.request<CodeCacheState>(CODE_CACHE_REQUEST, {});
      for (let waited = 0; state !== 'written' && waited < 20_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        state = await server.request<CodeCacheState>(CODE_CACHE_REQUEST, {});
      }
      assert.equal(state, 'written');
      assert.equal(cacheFiles().length, 1, 'one file, replaced in place');
    };
    await start('missing', written);
    const [file] = cacheFiles();
    assert.match(file ?? '', new RegExp(`^server-core-[0-9a-f]{16}-v8-${process.versions.v8.replace(/\./g, '\\.')}-${process.arch}\\.cache$`));
    await start('used');
    writeFileSync(join(cacheDir, file ?? ''), Buffer.alloc(4096, 7));
    await start('rejected', written);
    await start('used');
  });
});

describe('.vscodeignore', () => {
  it('ships the bundles, the grammars, CHECKS.md and the top-level documents, and nothing else', () => {
    const shipped = shippedFiles().filter((file) => !file.startsWith('dist/'));
    assert.deepEqual(shipped.filter((file) => !file.startsWith('syntaxes/')), ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'server/CHECKS.md']);
    assert.ok(shipped.filter((file) => file.startsWith('syntaxes/')).every((file) => file.endsWith('.json')));
    const ignore = readFileSync(join(REPO_ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^\*\*$/m);
    for (const file of ['dist/extension.js', 'dist/flowWebview.js', 'dist/server.js', 'dist/server-core.js']) assert.match(ignore, new RegExp(`^!${file.replace('.', '\\.')}$`, 'm'));
  });
});
