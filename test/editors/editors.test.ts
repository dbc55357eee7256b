/**
 * Real LSP clients, headless: Neovim's built-in client and Emacs with eglot open a real trace and
 * must receive diagnostics, a hover with the registry card on a status code, and (Neovim)
 * completion. The Debian packages are installed when missing (as root, the machines here are), and
 * said so; on a machine where that is impossible the test fails rather than pretend.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_MAIN, FIXTURES, REPO_ROOT } from '../support/paths';

function have(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).status === 0;
}

/** Installs Debian packages for a test when the binary is missing; apt-get update only if the first try fails. */
function ensure(binary: string, packages: string[]): void {
  if (have(binary)) return;
  process.stdout.write(`# installing ${packages.join(' ')} with apt-get for the ${binary} editor test\n`);
  const install = (): number | null =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 }).status;
  if (install() !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
    install();
  }
  assert.ok(have(binary), `${binary} is needed by this test and could not be installed (${packages.join(' ')})`);
}

const TRACE = join(FIXTURES, 'traces', 'sipp', 'uac-500-mismatched-reason_messages.log');

/** 0-based line and column of the first occurrence of `needle` in the fixture, plus `shift` columns. */
function place(text: string, needle: string, shift: number): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: (lines[line] ?? '').indexOf(needle) + shift };
}

function run(command: string, args: string[], env: Record<string, string>): { status: number | null; out: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000, cwd: REPO_ROOT });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('real LSP clients', () => {
  const text = readFileSync(TRACE, 'utf8');
  const hover = place(text, 'SIP/2.0 500', 9);

  it('Neovim: diagnostics, hover and completion on a SIPp trace', () => {
    ensure('nvim', ['neovim']);
    const dir = mkdtempSync(join(tmpdir(), 'sipls-nvim-'));
    try {
      const file = join(dir, 'trace.log');
      copyFileSync(TRACE, file);
      // Completion right after "SIP/2.0 " on the 500's status line offers the registered codes.
      const env = { SIPLS: CLI_MAIN, SIP_FILE: file, HOVER_LINE: String(hover.line), HOVER_CHAR: String(hover.character), COMPLETE_LINE: String(hover.line), COMPLETE_CHAR: String(hover.character - 1) };
      const { status, out } = run('nvim', ['--headless', '--clean', '-u', join(REPO_ROOT, 'test', 'editors', 'neovim.lua')], env);
      assert.equal(status, 0, out);
      assert.match(out, /DIAGNOSTIC \d+:\d+ reason-phrase-mismatch "Service Unavailable" is the reason phrase of 503/);
      assert.match(out, /HOVER .*\*\*500 Server Internal Error\*\*/);
      assert.match(out, /COMPLETION \d{3} /);
      assert.match(out, /\nPASS\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Emacs with eglot: diagnostics and hover on the same trace', () => {
    ensure('emacs', ['emacs-nox', 'elpa-eglot']);
    const { status, out } = run('emacs', ['--batch', '-Q', '-l', join(REPO_ROOT, 'test', 'editors', 'eglot.el')], {
      SIPLS: CLI_MAIN,
      SIP_FILE: TRACE,
      HOVER_LINE: String(hover.line),
      HOVER_CHAR: String(hover.character),
    });
    assert.equal(status, 0, out);
    assert.match(out, /DIAGNOSTIC eglot-warning .*reason phrase of 503/);
    assert.match(out, /HOVER .*500 Server Internal Error/);
    assert.match(out, /\nPASS\n/);
  });
});
