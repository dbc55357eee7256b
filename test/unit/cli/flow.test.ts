/**
 * `sipls flow`: the real binary. Text and Mermaid output are compared with the files in
 * test/fixtures/flow/expected/; after a deliberate change, regenerate them with
 *   npx tsc -p . && UPDATE_FLOW_EXPECTED=1 node --test out/test/unit/cli/flow.test.js
 * and review the diff.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_MAIN, FIXTURES } from '../../support/paths';

function sipls(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_MAIN, 'flow', ...args], { encoding: 'utf8', input, timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXPECTED = join(FIXTURES, 'flow', 'expected');
const UPDATE = process.env.UPDATE_FLOW_EXPECTED === '1';

/** name → the file and arguments it is drawn from. */
const CASES: Readonly<Record<string, readonly string[]>> = {
  'b2bua-topoh-x-call-id': ['traces/ngrep/b2bua-topoh-x-call-id.log', '--call-id', '!!:Mm4LMBN4zjyfMBN7MGZAOBF*'],
  'uac-unexpected-486': ['traces/sipp/uac-unexpected-486_messages.log', '--call-id', '1-16469@127.0.0.1'],
  'late-offer': ['flow/late-offer.sip'],
};

function compare(name: string, extension: 'txt' | 'mmd', actual: string): void {
  const file = join(EXPECTED, `${name}.${extension}`);
  if (UPDATE) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${file} exists (regenerate with UPDATE_FLOW_EXPECTED=1)`);
  assert.equal(actual, readFileSync(file, 'utf8'));
}

describe('sipls flow', () => {
  for (const [name, [path = '', ...args]] of Object.entries(CASES)) {
    it(`text ladder of ${name} matches ${name}.txt`, () => {
      const { status, stdout, stderr } = sipls([join(FIXTURES, path), ...args]);
      assert.equal(stderr, '');
      assert.equal(status, 0);
      compare(name, 'txt', stdout);
    });
    it(`Mermaid of ${name} matches ${name}.mmd`, () => {
      const { status, stdout } = sipls([join(FIXTURES, path), ...args, '--format', 'mermaid']);
      assert.equal(status, 0);
      compare(name, 'mmd', stdout);
    });
  }

  it('merges the B2BUA legs: either Call-ID selects the same call', () => {
    const file = join(FIXTURES, 'traces/ngrep/b2bua-topoh-x-call-id.log');
    const a = sipls([file, '--call-id', '1-22749@127.0.0.1', '--format', 'json']);
    const b = sipls([file, '--call-id', '!!:Mm4LMBN4zjyfMBN7MGZAOBF*', '--format', 'json']);
    assert.equal(a.stdout, b.stdout);
    const flow = JSON.parse(a.stdout) as { callIds: string[]; arrows: unknown[] };
    assert.deepEqual(flow.callIds, ['1-22749@127.0.0.1', '!!:Mm4LMBN4zjyfMBN7MGZAOBF*']);
    assert.equal(flow.arrows.length, 13);
    const apart = sipls([file, '--merge-header', 'none', '--format', 'json']);
    assert.equal((JSON.parse(apart.stdout) as { calls: unknown[] }).calls.length, 2);
  });

  it('without --call-id: text shows every call, Mermaid the all-calls diagram', () => {
    const file = join(FIXTURES, 'traces/sipp/uac-invite-call_messages.log');
    const text = sipls([file]);
    assert.equal(text.status, 0);
    assert.deepEqual(text.stdout.split('\n').filter((l) => l.startsWith('INVITE ')), ['INVITE 1-15998@127.0.0.1', 'INVITE 2-15998@127.0.0.1', 'INVITE 3-15998@127.0.0.1']);
    const mermaid = sipls([file, '--format', 'mermaid']);
    assert.equal(mermaid.stdout.split('\n').filter((l) => l.startsWith('sequenceDiagram')).length, 1);
    assert.equal(mermaid.stdout.split('\n').filter((l) => /->>|-->>/.test(l)).length, 18);
  });

  it('writes a self-contained SVG with escaped text', () => {
    const { status, stdout } = sipls([join(FIXTURES, 'flow/late-offer.sip'), '--format', 'svg']);
    assert.equal(status, 0);
    assert.match(stdout, /^<svg /);
    assert.doesNotMatch(stdout, /<script/i);
    assert.equal([...stdout.matchAll(/<g class="arrow" data-index="\d+" data-line="\d+"/g)].length, 6);
  });

  it('groups by host', () => {
    const { stdout } = sipls([join(FIXTURES, 'traces/sngrep/tcp-two-calls-export.txt'), '--call-id', '1-17655@127.0.0.1', '--group-by', 'host', '--format', 'json']);
    assert.deepEqual((JSON.parse(stdout) as { participants: { id: string }[] }).participants.map((p) => p.id), ['127.0.0.1']);
  });

  it('reads standard input with -', () => {
    const { status, stdout } = sipls(['-', '--format', 'mermaid'], readFileSync(join(FIXTURES, 'flow/late-offer.sip')));
    assert.equal(status, 0);
    assert.equal(stdout, readFileSync(join(EXPECTED, 'late-offer.mmd'), 'utf8'));
  });

  it('exits 1 for an unknown --call-id and lists the Call-IDs', () => {
    const { status, stdout, stderr } = sipls([join(FIXTURES, 'traces/sipp/uac-invite-call_messages.log'), '--call-id', 'nope']);
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /no call with Call-ID "nope"/);
    assert.deepEqual(stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim()), ['1-15998@127.0.0.1', '2-15998@127.0.0.1', '3-15998@127.0.0.1']);
  });

  it('exits 2 with one line for usage and I/O errors', () => {
    for (const args of [[], ['--format', 'png', 'x'], ['--group-by', 'port', 'x'], ['--bogus', 'x'], ['a', 'b'], [join(FIXTURES, 'nope.sip')], [FIXTURES], ['x', '--call-id']]) {
      const { status, stdout, stderr } = sipls(args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    }
  });

  it('prints nothing for a file without SIP, and survives binary input', () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151) % 256));
    for (const format of ['text', 'mermaid', 'svg']) {
      const { status, stdout } = sipls(['-', '--format', format], binary);
      assert.equal(status, 0);
      assert.equal(stdout, '');
    }
  });
});
