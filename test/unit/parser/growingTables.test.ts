/**
 * The tables a long parse fills by appending: a typed line table that grows past its first room and
 * is cut to size, and the header store, whose slots live in chunks. Both must read back exactly what
 * was written, across growth and chunk boundaries, and after trimming.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GrowingLineTable, appendLine, emptyLineTable } from '../../../server/src/core/parser/lines';
import { HeaderStore } from '../../../server/src/core/parser/header';
import { parseDocument } from '../../../server/src/core/parser/document';

describe('the growing typed line table', () => {
  it('keeps every line through growth, drops truncated ones, and is cut to size', () => {
    const growing = new GrowingLineTable(4);
    const plain = emptyLineTable();
    for (let i = 0; i < 1000; i++) {
      appendLine(growing, i * 10, i * 10 + 5, i * 10 + 6, i % 3);
      appendLine(plain, i * 10, i * 10 + 5, i * 10 + 6, i % 3);
    }
    growing.truncate(900);
    const table = growing.finish();
    assert.equal(table.starts.length, 900);
    assert.deepEqual(Array.from(table.starts), plain.starts.slice(0, 900));
    assert.deepEqual(Array.from(table.ends), plain.ends.slice(0, 900));
    assert.deepEqual(Array.from(table.breaks), plain.breaks.slice(0, 900));
    assert.deepEqual(Array.from(table.breakBytes), plain.breakBytes.slice(0, 900));
    // Frames hold the table object while it grows: finish() swaps its arrays in place.
    assert.equal(growing.table, table);
    assert.ok((table.starts as Int32Array).buffer.byteLength <= 4 * (900 * 1.1 + 64));
  });

  it('overwrites truncated lines with the ones pushed after them', () => {
    const growing = new GrowingLineTable(2);
    appendLine(growing, 1, 2, 3, 1);
    appendLine(growing, 4, 5, 6, 1);
    growing.truncate(1);
    appendLine(growing, 7, 8, 9, 2);
    const table = growing.finish();
    assert.deepEqual(Array.from(table.starts), [1, 7]);
    assert.deepEqual(Array.from(table.breakBytes), [1, 2]);
  });
});

describe('the chunked header store', () => {
  it('reads back every slot across chunk boundaries, folds in a later chunk, and keeps them after trim', () => {
    const text = 'Via: a\r\n'.repeat(10);
    const store = new HeaderStore(text);
    const slots = 100_000;
    for (let i = 0; i < slots; i++) store.add(null, i, i, i + 1, -1, i + 2, i + 3, i + 4);
    store.fold(70_000, 0, 3);
    store.trim();
    assert.equal(store.count, slots);
    for (const slot of [0, 255, 256, 32_767, 32_768, 65_535, 65_536, 70_001, slots - 1]) {
      assert.equal(store.field(slot, 0), slot, `name start of ${slot}`);
      assert.equal(store.field(slot, 6), slot, `line of ${slot}`);
      assert.equal(store.field(slot, 5), slot + 4, `end of ${slot}`);
    }
    // The fold moved the value's and the field's end in slot 70,000 only.
    assert.equal(store.field(70_000, 4), 3);
    assert.equal(store.field(70_000, 5), 3);
    assert.equal(store.field(69_999, 5), 69_999 + 4);
    // A store trimmed when empty still takes headers.
    const empty = new HeaderStore(text);
    empty.trim();
    empty.add(null, 0, 0, 3, -1, 5, 6, 6);
    assert.equal(empty.field(0, 1), 3);
  });

  it('gives every message of a trace with more headers and messages than a chunk its own numbers', () => {
    const message = (i: number): string =>
      i % 3 === 0
        ? `SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK${i}\r\nCall-ID: c${i}\r\nCSeq: ${i} OPTIONS\r\nContent-Length: 4\r\n\r\nb${i % 10}\r\n`
        : `OPTIONS sip:u${i}@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK${i}\r\nCall-ID: c${i}\r\nCSeq: ${i} OPTIONS\r\nSubject: first\r\n second ${i}\r\nContent-Length: 0\r\n\r\n`;
    const count = 12_000;
    const parts = Array.from({ length: count }, (_, i) => message(i));
    const text = parts.join('');
    const document = parseDocument(text);
    assert.equal(document.messages.length, count);
    let at = 0;
    let line = 0;
    for (let i = 0; i < count; i++) {
      const found = document.messages[i];
      const part = parts[i] ?? '';
      assert.equal(found?.index, i);
      assert.equal(found?.kind, i % 3 === 0 ? 'response' : 'request', `kind of ${i}`);
      assert.deepEqual(found?.span, { start: at, end: at + part.length }, `span of ${i}`);
      assert.equal(found?.startLine.start, at);
      if (i % 3 === 0) {
        const bodyStart = at + part.length - 4;
        assert.deepEqual(found?.body, { start: bodyStart, end: bodyStart + 4, bytes: 4, firstLine: line + 6, lastLine: line + 7 }, `body of ${i}`);
        assert.equal(found?.lastLine, line + 7);
      } else {
        assert.equal(found?.body, null, `no body in ${i}`);
        assert.equal(found?.headers.find((h) => h.key === 'subject')?.value, `first second ${i}`);
      }
      assert.equal(found?.firstLine, line, `first line of ${i}`);
      assert.equal(found?.firstValue?.('call-id'), `c${i}`);
      assert.equal(found?.headers.find((h) => h.key === 'cseq')?.valueSpan.start, text.indexOf(`CSeq: ${i} OPTIONS`, at) + 6);
      at += part.length;
      line += part.split('\n').length - 1;
    }
  });
});
