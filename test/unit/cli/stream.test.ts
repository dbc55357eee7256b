/**
 * `sipls check` and `sipls messages` as streams: worker threads give what one thread gives, errors
 * come before any output, and nothing but output reaches a non-terminal stderr.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTrace } from '../../bench/generate';
import { CLI_MAIN, FIXTURES } from '../../support/paths';
import { fixtureFiles } from '../../support/fixtureFiles';

function sipls(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args], { encoding: 'utf8', input, timeout: 120_000, maxBuffer: 64 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sipls check / messages with worker threads', () => {
  const files = fixtureFiles(FIXTURES);

  for (const args of [['check'], ['check', '--format', 'json'], ['messages'], ['messages', '--json']]) {
    it(`${args.join(' ')}: a pool of workers prints exactly what one thread prints, in input order`, () => {
      const single = sipls([...args, '--jobs', '1', ...files]);
      const pool = sipls([...args, '--jobs', '2', ...files]);
      assert.equal(pool.stderr, '');
      assert.equal(pool.status, single.status);
      assert.ok(single.stdout.length > 1000);
      assert.equal(pool.stdout, single.stdout);
    });
  }
});

describe('sipls check --jobs 2 on one file', () => {
  it('splits its windows between two workers and prints exactly what one thread prints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipls-split-'));
    try {
      // Several windows of SIPp traces with findings of every kind (errors, retransmissions, missing ACKs...).
      const sipp = join(FIXTURES, 'traces', 'sipp');
      const logs = readdirSync(sipp).filter((name) => name.endsWith('_messages.log') || name.endsWith('_errors.log')).map((name) => readFileSync(join(sipp, name), 'utf8'));
      const parts: string[] = [];
      for (let round = 0, size = 0; size < 3_000_000; round++) {
        const part = round % 4 === 3 ? generateTrace('sipp', 20_000, round).text : logs[round % logs.length] ?? '';
        parts.push(part);
        size += part.length;
      }
      const big = join(dir, 'big.log');
      writeFileSync(big, parts.join(''));
      for (const args of [['check'], ['check', '--format', 'json'], ['check', '--min-severity', 'warning', '--rule', 'retransmission=error']]) {
        const single = sipls([...args, '--jobs', '1', big]);
        const split = sipls([...args, '--jobs', '2', big]);
        assert.equal(split.stderr, '');
        assert.equal(split.status, single.status);
        assert.ok(single.stdout.length > 20_000, args.join(' '));
        assert.equal(split.stdout, single.stdout, args.join(' '));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sipls check / messages input errors', () => {
  let dir = '';
  let good = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sipls-stream-'));
    good = join(FIXTURES, 'rfc4475', 'dblreq.dat');
    mkdirSync(join(dir, 'folder'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const command of ['check', 'messages']) {
    it(`${command}: a missing file after a good one stops it with exit 2 and one line, before any output`, () => {
      for (const jobs of ['1', '2']) {
        const { status, stdout, stderr } = sipls([command, '--jobs', jobs, good, join(dir, 'missing.log')]);
        assert.equal(status, 2);
        assert.equal(stdout, '');
        assert.equal(stderr, `sipls: ${join(dir, 'missing.log')}: no such file\n`);
      }
    });

    it(`${command}: a directory is an I/O error (exit 2, one line, no output)`, () => {
      const { status, stdout, stderr } = sipls([command, good, join(dir, 'folder')]);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, `sipls: ${join(dir, 'folder')}: is a directory\n`);
    });

    it(`${command}: --jobs needs a positive number`, () => {
      const { status, stdout, stderr } = sipls([command, '--jobs', '0', good]);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /^sipls: \w+: --jobs needs a positive number, not "0"\n$/);
    });
  }

  it('an unreadable file is an I/O error (exit 2, one line, no output)', (t) => {
    if (process.getuid?.() === 0) return t.skip('root reads every file');
    const locked = join(dir, 'locked.log');
    writeFileSync(locked, 'x', { mode: 0o000 });
    const { status, stdout, stderr } = sipls(['check', good, locked]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `sipls: ${locked}: permission denied\n`);
  });

  it('a multi-megabyte trace: no progress bar when stderr is not a terminal, same output from stdin', () => {
    const big = join(dir, 'big.log');
    const { text, messages } = generateTrace('sipp', 3_000_000, 11);
    writeFileSync(big, text);
    const fromFile = sipls(['messages', '--json', big]);
    assert.equal(fromFile.status, 0);
    assert.equal(fromFile.stderr, '');
    assert.equal(fromFile.stdout.trimEnd().split('\n').length, messages);
    const fromStdin = sipls(['messages', '--json', '-'], text);
    assert.equal(fromStdin.stderr, '');
    assert.equal(fromStdin.stdout, fromFile.stdout);
    const check = sipls(['check', big]);
    assert.equal(check.stderr, '');
    assert.match(check.stdout, new RegExp(`in ${messages} messages, 1 file\\n$`));
    // One file split between two workers prints the same.
    const inWorker = sipls(['check', '--jobs', '2', big]);
    assert.equal(inWorker.stderr, '');
    assert.equal(inWorker.stdout, check.stdout);
  });
});
