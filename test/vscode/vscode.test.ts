/**
 * Runs the extension test suite (test/vscode/suite/index.ts) inside a real VS Code: code-server's
 * VS Code server and headless Chromium, installed on first use into .vscode-test/ (see codeServer.ts).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, runExtensionTests } from './codeServer';

/** The suite registers its tests with top-level `test('…', …)` calls; every one must run. */
const SUITE_TESTS = (readFileSync(join(REPO_ROOT, 'test', 'vscode', 'suite', 'index.ts'), 'utf8').match(/^test\(/gm) ?? []).length;

describe('the extension in a real VS Code (code-server + Chromium)', () => {
  // The first run installs Node 24, code-server and chromium; later runs take about ten seconds.
  it(`passes all ${SUITE_TESTS} extension tests`, { timeout: 10 * 60_000 }, async () => {
    const result = await runExtensionTests();
    const output = result.lines.join('\n');
    assert.equal(result.exitCode, 0, output);
    assert.ok(SUITE_TESTS > 0);
    assert.ok(result.lines.includes(`${SUITE_TESTS} passed, 0 failed`), output);
    // The README quotes this figure (extension activation to server ready).
    const activation = result.lines.find((line) => line.startsWith('activation: '));
    assert.ok(activation, output);
    process.stdout.write(`${activation}\n`);
  });
});
