/** The benchmark's traces: the same bytes on every run, and read back message for message in the right format. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTrace, traceMessages, type BenchFormat } from '../../bench/generate';
import { writeTraceFile } from '../../bench/traceFiles';
import { parseDocument } from '../../../server/src/core/parser/document';
import { validate } from '../../../server/src/core/features/validate';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('benchmark traces', () => {
  for (const format of ['sip', 'sipp', 'generic'] as BenchFormat[]) {
    it(`${format}: deterministic, parsed completely, and clean`, () => {
      const a = generateTrace(format, 200_000, 7);
      assert.equal(sha(a.text), sha(generateTrace(format, 200_000, 7).text), 'same seed, same bytes');
      assert.notEqual(sha(a.text), sha(generateTrace(format, 200_000, 8).text), 'another seed, other bytes');
      const document = parseDocument(a.text);
      assert.equal(document.format, format);
      assert.equal(document.messages.length, a.messages);
      assert.deepEqual(validate(a.text, document).filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    });
  }
});

describe('benchmark trace files', () => {
  it('a trace written to disk in batches is byte for byte the generated string, and parses to its message count', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sipls-trace-test-'));
    try {
      for (const format of ['sip', 'sipp', 'generic'] as BenchFormat[]) {
        const file = join(folder, `${format}.log`);
        // Over 1 MB, so the writer flushes more than one batch.
        const written = writeTraceFile(file, format, 1_200_000, 5);
        const expected = generateTrace(format, 1_200_000, 5);
        const text = readFileSync(file, 'latin1');
        assert.equal(sha(text), sha(expected.text));
        assert.equal(written.bytes, expected.text.length);
        assert.equal(written.messages, expected.messages);
        assert.equal(parseDocument(text).messages.length, written.messages);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('each generated message carries its bare payload inside its framed text', () => {
    for (const format of ['sip', 'sipp', 'generic'] as BenchFormat[]) {
      const messages = [...traceMessages(format, 20_000, 9)];
      assert.ok(messages.length >= 14);
      for (const m of messages) assert.ok(m.framed.includes(m.payload), `${format}: framed text holds the payload`);
      assert.deepEqual(messages.map((m) => m.payload), [...traceMessages('sip', 20_000, 9)].slice(0, messages.length).map((m) => m.payload), 'the same seed gives the same messages in every format');
    }
  });
});
