/** `sipls check`: the real binary on files and stdin; output formats, options, exit codes, bad input. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_MAIN } from '../../support/paths';

function sipls(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_MAIN, 'check', ...args], { encoding: 'utf8', input, timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * One finding of each severity: the message has a body but no Content-Type (warning, line 1),
 * Max-Forwards 0 (hint, line 3), a CSeq method that is not the request's (error, line 7) and an
 * unknown option tag (information, line 8).
 */
const SMALL = [
  'OPTIONS sip:carol@chicago.example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877',
  'Max-Forwards: 0',
  'To: <sip:carol@chicago.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 63104 INVITE',
  'Require: 100-rel',
  'Content-Length: 5',
  '',
  'hello',
].join('\r\n');

const SMALL_DIAGNOSTICS = [
  { line: 1, column: 1, endLine: 1, endColumn: 46, severity: 'warning', code: 'body-without-content-type', message: 'The message has a body but no Content-Type (RFC 3261 §7.4.1).' },
  { line: 3, column: 15, endLine: 3, endColumn: 16, severity: 'hint', code: 'max-forwards-zero', message: 'Max-Forwards is 0: a proxy will not forward this request and answers 483 Too Many Hops.' },
  { line: 7, column: 13, endLine: 7, endColumn: 19, severity: 'error', code: 'cseq-method-mismatch', message: 'CSeq method INVITE does not match the request method OPTIONS (RFC 3261 §8.1.1.5).' },
  {
    line: 8,
    column: 10,
    endLine: 8,
    endColumn: 17,
    severity: 'information',
    code: 'option-tag-unknown',
    message: '"100-rel" is not a registered option tag; a server that does not support it answers 420 Bad Extension. Did you mean 100rel (option tag)?',
  },
];

/** A message no check has anything to say about. */
const CLEAN = [
  'OPTIONS sip:carol@chicago.example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877',
  'Max-Forwards: 70',
  'To: <sip:carol@chicago.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 63104 OPTIONS',
  'Accept: application/sdp',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

/** Only a warning (and information): the phrase of 503 on a 500. */
const WARNING_ONLY = [
  'SIP/2.0 500 Service Unavailable',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877;received=192.0.2.101',
  'To: <sip:carol@chicago.example.com>;tag=93810874',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 63104 OPTIONS',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

const LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) ([a-z0-9-]+) (.+)$/;
const SUMMARY = /^(\d+) errors?, (\d+) warnings?, (\d+) information, (\d+) hints? in (\d+) messages?, (\d+) files?$/;

/** The summary line's numbers: errors, warnings, information, hints, messages, files. */
function summaryOf(stdout: string): number[] {
  const lines = stdout.trimEnd().split('\n');
  const match = SUMMARY.exec(lines[lines.length - 1] ?? '');
  assert.ok(match, `summary line in ${JSON.stringify(stdout)}`);
  return match.slice(1).map(Number);
}

interface JsonReport {
  files: { file: string; format: string; messages: number; diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[] }[];
}

describe('sipls check', () => {
  let dir = '';
  let small = '';
  let clean = '';
  let warningOnly = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sipls-check-'));
    small = join(dir, 'small.sip');
    clean = join(dir, 'clean.sip');
    warningOnly = join(dir, 'warning.sip');
    writeFileSync(small, SMALL);
    writeFileSync(clean, CLEAN);
    writeFileSync(warningOnly, WARNING_ONLY);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints FILE:LINE:COL: SEVERITY CHECK-ID message (1-based), in order, then a one-line summary; exit 1 on errors', () => {
    const { status, stdout, stderr } = sipls([small]);
    assert.equal(status, 1);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.slice(0, -1),
      SMALL_DIAGNOSTICS.map((d) => `${small}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`),
    );
    for (const line of lines.slice(0, -1)) assert.match(line, LINE);
    assert.deepEqual(summaryOf(stdout), [1, 1, 1, 1, 1, 1]);
    assert.ok(stdout.endsWith('\n'));
  });

  it('prints JSON with the documented shape and exact values', () => {
    const { status, stdout, stderr } = sipls(['--format', 'json', small]);
    assert.equal(status, 1);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout) as JsonReport;
    assert.deepEqual(report, { files: [{ file: small, format: 'sip', messages: 1, diagnostics: SMALL_DIAGNOSTICS }] });
    assert.deepEqual(Object.keys(report.files[0] ?? {}), ['file', 'format', 'messages', 'diagnostics']);
    assert.deepEqual(Object.keys(report.files[0]?.diagnostics[0] ?? {}), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.equal(stdout.trimEnd().split('\n').length, 1, 'one line of JSON');
    // --format=json is the same.
    assert.deepEqual(JSON.parse(sipls(['--format=json', small]).stdout), report);
  });

  it('exits 0 with only the summary for a clean file, and 0 for warnings without errors', () => {
    const ok = sipls([clean]);
    assert.equal(ok.status, 0);
    assert.equal(ok.stderr, '');
    assert.equal(ok.stdout.split('\n').length, 2, 'only the summary');
    assert.deepEqual(summaryOf(ok.stdout), [0, 0, 0, 0, 1, 1]);

    const warned = sipls([warningOnly]);
    assert.equal(warned.status, 0);
    assert.match(warned.stdout, / warning reason-phrase-mismatch /);
    assert.equal(summaryOf(warned.stdout)[0], 0);
    assert.ok((summaryOf(warned.stdout)[1] ?? 0) >= 1);

    const json = sipls(['--format', 'json', clean]);
    assert.equal(json.status, 0);
    assert.deepEqual(JSON.parse(json.stdout), { files: [{ file: clean, format: 'sip', messages: 1, diagnostics: [] }] });
  });

  it('checks several files, one block of lines per file and one summary for all', () => {
    const { status, stdout } = sipls([clean, small, warningOnly]);
    assert.equal(status, 1);
    const lines = stdout.trimEnd().split('\n');
    const files = lines.slice(0, -1).map((line) => LINE.exec(line)?.[1]);
    assert.deepEqual([...new Set(files)], [small, warningOnly]);
    assert.deepEqual(summaryOf(stdout).slice(4), [3, 3]);
    const json = JSON.parse(sipls(['--format', 'json', clean, small]).stdout) as JsonReport;
    assert.deepEqual(json.files.map((f) => [f.file, f.diagnostics.length]), [[clean, 0], [small, 4]]);
  });

  it('--rule ID=off removes that check, --rule ID=LEVEL changes its severity and the exit code', () => {
    const off = sipls(['--rule', 'cseq-method-mismatch=off', small]);
    assert.equal(off.status, 0);
    assert.doesNotMatch(off.stdout, /cseq-method-mismatch/);
    assert.deepEqual(summaryOf(off.stdout), [0, 1, 1, 1, 1, 1]);

    const inline = sipls(['--rule=cseq-method-mismatch=off', '--rule', 'option-tag-unknown=off', small]);
    assert.equal(inline.status, 0);
    assert.doesNotMatch(inline.stdout, /cseq-method-mismatch|option-tag-unknown/);

    const raised = sipls(['--rule', 'reason-phrase-mismatch=error', warningOnly]);
    assert.equal(raised.status, 1);
    assert.match(raised.stdout, /:1:13: error reason-phrase-mismatch /);

    const lowered = sipls(['--rule', 'cseq-method-mismatch=hint', small]);
    assert.equal(lowered.status, 0);
    assert.match(lowered.stdout, /:7:13: hint cseq-method-mismatch /);
  });

  it('--min-severity hides milder findings from the lines and the counts', () => {
    const warning = sipls(['--min-severity', 'warning', small]);
    assert.equal(warning.status, 1);
    assert.deepEqual(warning.stdout.trimEnd().split('\n').slice(0, -1).map((line) => LINE.exec(line)?.slice(4, 6).join(' ')), ['warning body-without-content-type', 'error cseq-method-mismatch']);
    assert.deepEqual(summaryOf(warning.stdout), [1, 1, 0, 0, 1, 1]);

    const error = JSON.parse(sipls(['--format', 'json', '--min-severity=error', small]).stdout) as JsonReport;
    assert.deepEqual(error.files[0]?.diagnostics.map((d) => d.code), ['cseq-method-mismatch']);

    const information = sipls(['--min-severity', 'information', small]);
    assert.doesNotMatch(information.stdout, / hint /);
    assert.deepEqual(summaryOf(information.stdout), [1, 1, 1, 0, 1, 1]);
  });

  it('reads standard input with -', () => {
    const { status, stdout, stderr } = sipls(['-'], SMALL);
    assert.equal(status, 1);
    assert.equal(stderr, '');
    assert.match(stdout, /^-:7:13: error cseq-method-mismatch /m);
    const json = JSON.parse(sipls(['--format', 'json', '-'], CLEAN).stdout) as JsonReport;
    assert.deepEqual(json, { files: [{ file: '-', format: 'sip', messages: 1, diagnostics: [] }] });
  });

  it('survives binary input and text without SIP', () => {
    const binary = Buffer.alloc(100_000);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 2654435761) >>> 24;
    const path = join(dir, 'binary.bin');
    writeFileSync(path, binary);
    for (const args of [[path], ['--format', 'json', path]]) {
      const result = sipls(args);
      assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}`);
      assert.equal(result.stderr, '');
    }
    const fromStdin = sipls(['-'], binary);
    assert.ok(fromStdin.status === 0 || fromStdin.status === 1);
    assert.equal(fromStdin.stderr, '');
    assert.match(fromStdin.stdout.trimEnd().split('\n').pop() ?? '', SUMMARY);

    const prose = sipls(['-'], 'nothing to see here\n');
    assert.equal(prose.status, 0);
    assert.deepEqual(summaryOf(prose.stdout), [0, 0, 0, 0, 0, 1]);
  });

  it('exits 2 with one line on stderr and nothing on stdout for usage and I/O errors', () => {
    const cases: [string[], RegExp][] = [
      [['/nonexistent/x.sip'], /no such file/],
      [[dir], /is a directory/],
      [[small, '/nonexistent/y.sip'], /no such file/],
      [['--bogus', small], /unknown option --bogus/],
      [[], /missing FILE/],
      [['--rule', 'no-such-check=off', small], /unknown check id "no-such-check"/],
      [['--rule', 'cseq-method-mismatch=loud', small], /needs a level/],
      [['--rule', 'cseq-method-mismatch', small], /needs a level/],
      [['--rule'], /--rule needs a value/],
      [['--min-severity', 'off', small], /--min-severity must be/],
      [['--min-severity', 'fatal', small], /--min-severity must be/],
      [['--format', 'xml', small], /--format must be text or json/],
    ];
    for (const [args, reason] of cases) {
      const { status, stdout, stderr } = sipls(args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      assert.match(stderr, /^sipls: [^\n]+\n$/, args.join(' '));
      assert.match(stderr, reason, args.join(' '));
    }
  });

  it('prints its usage with --help and exits 0', () => {
    const { status, stdout } = sipls(['--help']);
    assert.equal(status, 0);
    assert.match(stdout, /^Usage: sipls check /);
  });
});
