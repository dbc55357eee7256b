/**
 * The streamed path (bytes in chunks -> DocumentStream -> FindingStream -> rendered lines) gives
 * exactly what the in-memory path gives (whole text -> parseDocument -> validate), on every fixture,
 * with chunks and windows so small that cuts fall everywhere: inside multi-byte UTF-8 characters,
 * between CR and LF, inside start lines and bodies.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { FormatId } from '../../../server/src/core/parser/model';
import { severityRank, validate, type Level, type Severity } from '../../../server/src/core/features/validate';
import { summarize } from '../../../server/src/core/features/summary';
import { LineIndex } from '../../../server/src/core/util/positions';
import { messageJsonLine, messageTextLine, runFileJob, type FileJob } from '../../../server/src/cli/fileJob';
import { DocumentStream } from '../../../server/src/core/stream';
import { generateTrace } from '../../bench/generate';
import { FIXTURES } from '../../support/paths';
import { chunked, fixtureFiles } from '../../support/fixtureFiles';

const CHUNK_SIZES = [1, 7, 64, 4096];

/** What `sipls check` printed before streaming: the whole text parsed and validated at once (every check run, then filtered). */
function inMemoryCheck(name: string, bytes: Uint8Array, levels: Readonly<Record<string, Level>> = {}, minSeverity: Severity = 'hint'): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  const lines = new LineIndex(text, 'lf');
  return validate(text, parseDocument(text), { levels })
    .filter((finding) => severityRank(finding.severity) <= severityRank(minSeverity))
    .map((finding) => {
      const start = lines.positionAt(finding.span.start);
      return `${name}:${start.line + 1}:${start.character + 1}: ${finding.severity} ${finding.code} ${finding.message}\n`;
    })
    .join('');
}


async function streamed(job: FileJob, bytes: Uint8Array, chunk: number): Promise<{ output: string; messages: number; format: FormatId }> {
  let output = '';
  const result = await runFileJob(job, chunked(bytes, chunk), { piece: (text) => void (output += text) });
  return { output, messages: result.messages, format: result.format };
}

/**
 * `sipls messages` output, JSON lines (every field that depends on where the message is: index,
 * line) and, when asked, text lines too (which add the Request-URI).
 */
async function streamedSummaries(bytes: Uint8Array, chunk: number, format: FormatId, withText = true): Promise<string> {
  const text = withText ? await streamed({ kind: 'messages', name: 'x', json: false, header: false, window: chunk, format }, bytes, chunk) : { output: '' };
  const json = await streamed({ kind: 'messages', name: 'x', json: true, header: false, window: chunk, format }, bytes, chunk);
  return text.output + json.output;
}

function expectedSummaries(bytes: Uint8Array, withText = true): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  const summaries = summarize(text, parseDocument(text));
  // The streamed path must print what the in-memory summaries print, line for line.
  const textLines = summaries.map((s) => `${messageTextLine(s)}\n`);
  const jsonLines = summaries.map((s) => `${messageJsonLine(s)}\n`);
  return (withText ? textLines.join('') : '') + jsonLines.join('');
}

/** A message file with multi-byte characters (2, 3 and 4 bytes), invalid bytes and CRLF line ends. */
function unicodeMessage(): Uint8Array {
  const head = [
    'MESSAGE sip:josé@example.com SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776asdhds',
    'Max-Forwards: 70',
    'To: "José Müller 日本" <sip:josé@example.com>',
    'From: "Ünïcødé 😀" <sip:u@example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710@例え.example',
    'CSeq: 1 MESSAGE',
    'Content-Type: text/plain',
    'Content-Length: 20',
    '',
    'héllo 😀 wörld 日本',
  ].join('\r\n');
  const encoded = new TextEncoder().encode(head);
  // Invalid bytes (a lone continuation byte, 0xFF, a cut 3-byte sequence) between the two messages.
  const junk = Uint8Array.from([0x0d, 0x0a, 0x80, 0xff, 0xe6, 0x97, 0x0d, 0x0a]);
  const second = new TextEncoder().encode(['SIP/2.0 200 ÖK', 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776asdhds', 'To: <sip:josé@example.com>;tag=x', 'From: <sip:u@example.com>;tag=1928301774', 'Call-ID: a84b4c76e66710@例え.example', 'CSeq: 1 MESSAGE', 'Content-Length: 0', '', ''].join('\r\n'));
  const out = new Uint8Array(encoded.length + junk.length + second.length);
  out.set(encoded, 0);
  out.set(junk, encoded.length);
  out.set(second, encoded.length + junk.length);
  return out;
}

describe('streamed check and messages equal the in-memory path', () => {
  const files = fixtureFiles(FIXTURES);

  it('covers every fixture directory', () => {
    for (const dir of ['rfc4475', 'rfc5118', 'traces', 'checks']) assert.ok(files.some((file) => relative(FIXTURES, file).startsWith(dir)), dir);
    assert.ok(files.length > 150);
  });

  for (const chunk of CHUNK_SIZES) {
    it(`gives the same findings and messages on every fixture, ${chunk}-byte chunks and windows`, async () => {
      for (const file of files) {
        const bytes = readFileSync(file);
        const name = relative(FIXTURES, file);
        // The format is given so that windows are cut from the first byte (detection waits for 64 KB).
        const format = parseDocument(new TextDecoder().decode(bytes)).format;
        const check = await streamed({ kind: 'check', name, output: 'text', minSeverity: 'hint', levels: {}, window: chunk, format }, bytes, chunk);
        assert.equal(check.output, inMemoryCheck(name, bytes), `${name}, ${chunk}-byte chunks`);
        // (Text lines differ from JSON lines only in rendering: checked with the larger chunks, to keep this quick.)
        assert.equal(await streamedSummaries(bytes, chunk, format, chunk > 1), expectedSummaries(bytes, chunk > 1), `${name}, ${chunk}-byte chunks`);
      }
    });
  }

  // Levels that raise mild checks, lower severe ones and turn some off, so that skipping the checks
  // nobody would see is tried where a configured level decides and where the default does.
  const LEVEL_SETS: readonly Readonly<Record<string, Level>>[] = [
    {},
    { 'via-branch-missing': 'error', 'reason-phrase-empty': 'warning', 'retransmission': 'warning', 'invite-without-final': 'error', 'status-code-unregistered': 'hint', 'content-length-mismatch': 'information', 'header-duplicated': 'off' },
  ];
  for (const chunk of [64, 4096]) {
    it(`gives the same findings with --min-severity and --rule, though checks that cannot reach the threshold do not run (${chunk}-byte chunks)`, async () => {
      let shown = 0;
      for (const file of files) {
        const bytes = readFileSync(file);
        const name = relative(FIXTURES, file);
        const format = parseDocument(new TextDecoder().decode(bytes)).format;
        for (const levels of LEVEL_SETS) {
          for (const minSeverity of ['error', 'warning', 'information'] as const) {
            const check = await streamed({ kind: 'check', name, output: 'text', minSeverity, levels, window: chunk, format }, bytes, chunk);
            const expected = inMemoryCheck(name, bytes, levels, minSeverity);
            assert.equal(check.output, expected, `${name}, --min-severity ${minSeverity}, levels ${JSON.stringify(levels)}`);
            shown += expected.length;
          }
        }
      }
      assert.ok(shown > 0);
    });
  }

  it('decodes multi-byte characters and invalid bytes split across chunks as a whole-file decode does', async () => {
    const bytes = unicodeMessage();
    const expected = inMemoryCheck('u.sip', bytes);
    assert.match(expected, /u\.sip:\d+:\d+: /);
    for (const chunk of [1, 2, 3, 5, 7]) {
      const check = await streamed({ kind: 'check', name: 'u.sip', output: 'text', minSeverity: 'hint', levels: {}, window: chunk, format: 'sip' }, bytes, chunk);
      assert.equal(check.output, expected, `${chunk}-byte chunks`);
      assert.equal(await streamedSummaries(bytes, chunk, 'sip'), expectedSummaries(bytes), `${chunk}-byte chunks`);
    }
  });

  it('detects the format on the first 64 KB like parseDocument, then cuts windows', async () => {
    for (const format of ['sipp', 'generic', 'sip'] as const) {
      const { text } = generateTrace(format, 300_000, 7);
      const bytes = new TextEncoder().encode(text);
      const check = await streamed({ kind: 'check', name: 'g', output: 'text', minSeverity: 'hint', levels: {}, window: 10_000 }, bytes, 4096);
      assert.equal(check.format, parseDocument(text).format);
      assert.equal(check.output, inMemoryCheck('g', bytes));
      assert.equal(check.messages, parseDocument(text).messages.length);
    }
  });
});

describe('DocumentStream memory', () => {
  it('holds back only the unfinished tail: the carry-over stays near one window and a few messages', () => {
    const { text, messages } = generateTrace('sipp', 2_000_000, 3);
    const stream = new DocumentStream({ window: 65_536 });
    let emitted = 0;
    let largest = 0;
    for (let at = 0; at < text.length; at += 65_536) {
      for (const batch of stream.push(text.slice(at, at + 65_536))) emitted += batch.document.messages.length;
      largest = Math.max(largest, stream.carried);
    }
    for (const batch of stream.end()) emitted += batch.document.messages.length;
    assert.equal(emitted, messages);
    // Two windows' worth at most (a window arrives while the last message of the previous one waits).
    assert.ok(largest < 3 * 65_536, `carry-over reached ${largest} characters`);
  });

  it('cuts a long stretch without any message once it passes maxCarry', () => {
    const stream = new DocumentStream({ window: 1000, maxCarry: 10_000, format: 'generic' });
    let largest = 0;
    for (let i = 0; i < 2000; i++) {
      stream.push(`2026-01-01 10:00:00 nothing to see here, line ${i}\n`);
      largest = Math.max(largest, stream.carried);
    }
    assert.ok(largest <= 10_000 + 1000, `carry-over reached ${largest} characters`);
  });
});
