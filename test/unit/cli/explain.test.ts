/**
 * `sipls explain`: the real binary, spawned as a user would run it, for the representative cases and
 * exit codes; then the same entry point in-process for every registry entry (spawning ~250
 * processes would add nothing but minutes).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { main } from '../../../server/src/cli/main';
import type { CliIo } from '../../../server/src/cli/io';
import { readTsv } from '../../support/tsv';
import { CLI_MAIN } from '../../support/paths';

function sipls(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function inProcess(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const status = main(args, io);
  // explain answers synchronously; only check and messages, which stream their input, return a promise.
  assert.equal(typeof status, 'number');
  return { status: status as number, stdout, stderr };
}

describe('sipls explain (spawned binary)', () => {
  it('prints a card for a status code', () => {
    const { status, stdout, stderr } = sipls('explain', '486');
    assert.equal(status, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(lines[0], '486 Busy Here');
    assert.equal(lines[1], '4xx Client Failure, final');
    assert.match(lines[2] ?? '', /^RFC 3261 §21\.4\.24 {2}https:\/\/www\.rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.24$/);
    assert.match(stdout, /\nWhat to do\n {2}\S/);
    assert.match(stdout, /Retry-After/);
  });

  it('accepts a reason phrase in any case, quoted or not', () => {
    assert.equal(sipls('explain', 'busy here').stdout.split('\n')[0], '486 Busy Here');
    assert.equal(sipls('explain', 'BUSY', 'HERE').stdout.split('\n')[0], '486 Busy Here');
  });

  it('resolves a compact header form to the full header', () => {
    const { status, stdout } = sipls('explain', 'v');
    assert.equal(status, 0);
    assert.equal(stdout.split('\n')[0], 'Via');
    assert.match(stdout, /compact form v/);
    assert.match(stdout, /RFC 3261 §20\.42/);
  });

  it('prints stable JSON with --json', () => {
    const { status, stdout } = sipls('explain', '--json', '401');
    assert.equal(status, 0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of ['kind', 'code', 'name', 'reasonPhrase', 'aliases', 'class', 'final', 'rfc', 'section', 'status', 'description', 'headers', 'compactForm', 'otherMatches']) {
      assert.ok(key in json, `key ${key}`);
    }
    assert.equal(json.kind, 'response-code');
    assert.equal(json.code, 401);
    assert.equal(json.reasonPhrase, 'Unauthorized');
    assert.equal(json.class, '4xx');
    assert.equal(json.final, true);
    assert.equal(json.rfc, 'RFC3261');
    assert.equal(json.section, '21.4.2');
    const headers = json.headers as { header: string; level: string }[];
    assert.ok(headers.some((h) => h.header === 'WWW-Authenticate' && h.level === 'must'));
  });

  it('explains classes, option tags, event packages, warning codes and Q.850 causes', () => {
    assert.equal(sipls('explain', '4xx').stdout.split('\n')[0], '4xx Client Failure');
    assert.equal(sipls('explain', '100rel').stdout.split('\n')[0], '100rel');
    assert.equal(sipls('explain', 'presence').stdout.split('\n')[0], 'presence');
    assert.equal(sipls('explain', '399').stdout.split('\n')[0], '399 Miscellaneous warning');
    const q850 = sipls('explain', 'q850:16');
    assert.equal(q850.status, 0);
    assert.match(q850.stdout.split('\n')[0] ?? '', /^Q\.850 cause 16: Normal call clearing$/i);
  });

  it('exits 1 with suggestions for an unknown topic', () => {
    const { status, stdout, stderr } = sipls('explain', 'INVTE');
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /unknown topic "INVTE"/);
    assert.match(stderr, /Did you mean: .*INVITE/);
  });

  it('says how an unregistered code is treated, and exits 1', () => {
    const { status, stderr } = sipls('explain', '432');
    assert.equal(status, 1);
    assert.match(stderr, /432 is not a registered SIP response code; a receiver treats it as 400/);
    assert.match(stderr, /Did you mean: /);
  });

  it('exits 2 with a one-line reason for bad usage', () => {
    for (const args of [['explain'], ['explain', '--bogus', '486'], ['frobnicate'], []]) {
      const { status, stdout, stderr } = sipls(...args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, `one line for: ${args.join(' ')}`);
      assert.match(stderr, /^sipls: /);
    }
  });

  it('prints help and version', () => {
    assert.match(sipls('--help').stdout, /sipls explain TOPIC/);
    assert.match(sipls('explain', '--help').stdout, /q850:16/);
    assert.match(sipls('--version').stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('sipls explain answers for every registry entry', () => {
  function assertExplains(topic: string, expectedTitle: RegExp): void {
    const { status, stdout, stderr } = inProcess('explain', topic);
    assert.equal(status, 0, `${topic}: ${stderr}`);
    assert.match(stdout.split('\n')[0] ?? '', expectedTitle, topic);
    const json = inProcess('explain', '--json', topic);
    assert.equal(json.status, 0);
    assert.ok((JSON.parse(json.stdout) as { description: string }).description.length > 0, `${topic} JSON description`);
  }
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('all 75 codes', () => {
    for (const row of readTsv('registry/response-codes.tsv')) assertExplains(row.code, new RegExp(`^${row.code} ${escape(row.canonical_reason_phrase)}$`));
  });
  it('all 14 methods', () => {
    for (const row of readTsv('registry/methods.tsv')) assertExplains(row.method, new RegExp(`^${row.method}$`));
  });
  it('all 134 headers and their 19 compact forms', () => {
    for (const row of readTsv('registry/headers.tsv')) {
      assertExplains(row.header_name, new RegExp(`^${escape(row.header_name)}$`));
      if (row.compact_form) assertExplains(row.compact_form, new RegExp(`^${escape(row.header_name)}$`));
    }
  });
  it('all option tags, event packages and warning codes', () => {
    for (const row of readTsv('registry/option-tags.tsv')) assert.equal(inProcess('explain', row.option_tag).status, 0, row.option_tag);
    for (const row of readTsv('registry/event-packages.tsv')) assert.equal(inProcess('explain', row.event_package).status, 0, row.event_package);
    for (const row of readTsv('registry/warning-codes.tsv')) assert.match(inProcess('explain', row.warn_code).stdout, new RegExp(escape(row.warn_text)));
  });
});
