/**
 * Runs the extension test suite in desktop VS Code through @vscode/test-electron, on machines that
 * can download VS Code (`npm run test:electron`). Offline, `npm test` runs the same suite through
 * code-server and Chromium instead (test/vscode/vscode.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { makeWorkspace, REPO_ROOT, SUITE } from './codeServer';
import { bundle } from '../tools/bundle';

async function main(): Promise<void> {
  await bundle(); // the manifest's main is dist/extension.js
  const workspace = mkdtempSync(join(tmpdir(), 'sipls-electron-'));
  try {
    makeWorkspace(workspace);
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
