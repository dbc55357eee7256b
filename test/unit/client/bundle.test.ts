/**
 * The esbuild bundles (test/tools/bundle.ts), built into a temporary folder laid out like the
 * installed .vsix (dist/, package.json, server/CHECKS.md): both files exist, the client bundle needs
 * nothing but `vscode` and Node's own modules, and the server bundle answers LSP over stdio, reports
 * the manifest's version and links diagnostics to the CHECKS.md beside it. Also: .vscodeignore ships
 * exactly the bundles, grammars, CHECKS.md and the top-level documents.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestClient } from '../../protocol/client';
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

  it('writes dist/extension.js, dist/flowWebview.js and dist/server.js, with no dependency left outside but vscode', () => {
    assert.deepEqual(result.files.map((f) => f.path), [join(root, 'dist', 'extension.js'), join(root, 'dist', 'flowWebview.js'), join(root, 'dist', 'server.js')]);
    for (const file of result.files) assert.ok(existsSync(file.path) && file.bytes > (file.path.endsWith('flowWebview.js') ? 2000 : 10_000), file.path);
    const client = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
    assert.deepEqual(foreignRequires(client), []);
    assert.match(client, /require\("vscode"\)/);
    assert.deepEqual(foreignRequires(readFileSync(join(root, 'dist', 'server.js'), 'utf8')), []);
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
});

describe('.vscodeignore', () => {
  it('ships the bundles, the grammars, CHECKS.md and the top-level documents, and nothing else', () => {
    const shipped = shippedFiles().filter((file) => !file.startsWith('dist/'));
    assert.deepEqual(shipped.filter((file) => !file.startsWith('syntaxes/')), ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'server/CHECKS.md']);
    assert.ok(shipped.filter((file) => file.startsWith('syntaxes/')).every((file) => file.endsWith('.json')));
    const ignore = readFileSync(join(REPO_ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^\*\*$/m);
    for (const file of ['dist/extension.js', 'dist/flowWebview.js', 'dist/server.js']) assert.match(ignore, new RegExp(`^!${file.replace('.', '\\.')}$`, 'm'));
  });
});
