/** `sipls messages`: the real binary on real files, stdin, bad paths and binary input. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_MAIN, FIXTURES } from '../../support/paths';

function sipls(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_MAIN, 'messages', ...args], { encoding: 'utf8', input, timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DBLREQ = join(FIXTURES, 'rfc4475', 'dblreq.dat');
const KEYS = ['index', 'line', 'kind', 'method', 'code', 'reason', 'callId', 'cseq', 'timestamp', 'direction', 'src', 'dst', 'transport', 'format'];

describe('sipls messages', () => {
  it('prints one line per message with its line number, what it is, Call-ID and CSeq', () => {
    const { status, stdout } = sipls([DBLREQ]);
    assert.equal(status, 0);
    assert.deepEqual(stdout.trimEnd().split('\n'), [
      '#0  line 1  REGISTER sip:example.com  Call-ID dblreq.0ha0isndaksdj99sdfafnl3lk233412  CSeq 8 REGISTER  [sip]',
      '#1  line 12  INVITE sip:joe@example.com  Call-ID dblreq.0ha0isnda977644900765@192.0.2.15  CSeq 8 INVITE  [sip]',
    ]);
  });

  it('prints JSON lines with exactly the documented keys, null when absent', () => {
    const { status, stdout } = sipls(['--json', DBLREQ]);
    assert.equal(status, 0);
    const rows = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(rows.length, 2);
    for (const row of rows) assert.deepEqual(Object.keys(row), KEYS);
    assert.deepEqual(rows[0], {
      index: 0, line: 1, kind: 'request', method: 'REGISTER', code: null, reason: null,
      callId: 'dblreq.0ha0isndaksdj99sdfafnl3lk233412', cseq: '8 REGISTER', timestamp: null,
      direction: null, src: null, dst: null, transport: null, format: 'sip',
    });
  });

  it('reads standard input with -', () => {
    const { status, stdout } = sipls(['--json', '-'], 'SIP/2.0 486 Busy Here\r\nCall-ID: x\r\nCSeq: 5 INVITE\r\n\r\n');
    assert.equal(status, 0);
    const row = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual([row.kind, row.code, row.reason, row.method, row.cseq], ['response', 486, 'Busy Here', 'INVITE', '5 INVITE']);
  });

  it('prints nothing and exits 0 for a file without SIP, and survives binary input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipls-'));
    try {
      writeFileSync(join(dir, 'empty.log'), 'nothing to see here\n');
      const binary = Buffer.alloc(200_000);
      for (let i = 0; i < binary.length; i++) binary[i] = (i * 2654435761) >>> 24;
      writeFileSync(join(dir, 'binary.bin'), binary);
      assert.deepEqual(sipls([join(dir, 'empty.log')]), { status: 0, stdout: '', stderr: '' });
      const result = sipls([join(dir, 'binary.bin')]);
      assert.equal(result.status, 0);
      assert.equal(result.stderr, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line for a missing file, a directory or a bad option, before printing anything', () => {
    for (const args of [['/nonexistent/x.log'], [FIXTURES], ['--bogus', DBLREQ], [], [DBLREQ, '/nonexistent/y.log']]) {
      const { status, stdout, stderr } = sipls(args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      assert.match(stderr, /^sipls: .+\n$/);
    }
  });
});
