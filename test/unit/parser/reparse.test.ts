/**
 * Incremental re-parsing must be invisible: after every edit of a random sequence (insertions,
 * deletions and replacements, including start lines, blank lines, CRLF, copies of the document's
 * own lines such as frame markers, and multi-byte text), the re-parsed model, the findings that
 * follow it incrementally and the outline equal those of a fresh parse of the same text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/core/parser/document';
import { changedRegion, prepareForEdits, reparseWithChange, type TextChange } from '../../../server/src/core/parser/reparse';
import type { Header, SipDocument, SipMessage } from '../../../server/src/core/parser/model';
import { validate, type ValidateOptions } from '../../../server/src/core/features/validate';
import { revalidate, validateAll, type Validation } from '../../../server/src/core/features/validate/incremental';
import { documentSymbols } from '../../../server/src/core/features/symbols';
import { followReparse, indexOf } from '../../../server/src/core/features/documentIndex';
import { callId, cseqOf, requestUriOf, topVia, viasOf } from '../../../server/src/core/parser/access';
import { FIXTURES } from '../../support/paths';
import { PieceText } from '../../../server/src/core/parser/pieceText';

function plainHeader(header: Header, firstLine: number): unknown {
  const map = header.valueMap;
  const mapped = map ? Array.from({ length: map.length + 1 }, (_, i) => map.start(i)) : null;
  return { name: header.name, canonical: header.canonical, key: header.key, nameSpan: header.nameSpan, colon: header.colon, valueSpan: header.valueSpan, value: header.value, span: header.span, line: header.line - firstLine, mapped };
}

/** Everything a feature can read from a message, with line indexes counted from the message's first line. */
function plainMessage(text: string, message: SipMessage): unknown {
  const { lines, firstLine, lastLine, body } = message;
  const table: number[][] = [];
  for (let i = firstLine; i < lastLine; i++) table.push([lines.starts[i] ?? -1, lines.ends[i] ?? -1, lines.breaks[i] ?? -1, lines.breakBytes[i] ?? -1, lines.glued?.[i] ?? 0]);
  return {
    index: message.index,
    kind: message.kind,
    startLine: JSON.parse(JSON.stringify(message.startLine)) as unknown,
    headers: message.headers.map((header) => plainHeader(header, firstLine)),
    body: body ? { start: body.start, end: body.end, bytes: body.bytes, firstLine: body.firstLine - firstLine, lastLine: body.lastLine - firstLine } : null,
    span: message.span,
    table,
    context: message.context,
    problems: message.problems,
    // Values remembered on the message itself (all Vias, the Request-URI) as well as on its headers.
    values: { callId: callId(message), cseq: JSON.stringify(cseqOf(text, message)), via: JSON.stringify(topVia(text, message)), vias: JSON.stringify(viasOf(text, message)), uri: JSON.stringify(requestUriOf(text, message)) },
  };
}

function plainDocument(text: string, document: SipDocument): unknown {
  return { format: document.format, problems: document.problems, messages: document.messages.map((message) => plainMessage(text, message)) };
}

/** The first few KB, cut at a line's end: enough messages for neighbours on both sides, and a fast suite. */
function head(text: string): string {
  if (text.length <= 6000) return text;
  return text.slice(0, text.indexOf('\n', 6000) + 1 || text.length);
}

/** How many random edit sequences per fixture; REPARSE_RUNS=200 for a deeper search. */
const RUNS = Number(process.env.REPARSE_RUNS ?? 8);

/** The fixtures: the smallest trace of every format, and RFC 4475 messages, alone and joined into one file. */
function fixtures(): { name: string; text: string }[] {
  const list: { name: string; text: string }[] = [];
  const traces = join(FIXTURES, 'traces');
  for (const folder of readdirSync(traces).sort()) {
    const dir = join(traces, folder);
    const files = readdirSync(dir)
      .filter((name) => existsSync(join(dir, `${name}.expected.tsv`)))
      .sort((a, b) => statSync(join(dir, a)).size - statSync(join(dir, b)).size);
    const smallest = files[0];
    if (smallest) list.push({ name: `${folder}/${smallest}`, text: head(readFileSync(join(dir, smallest), 'utf8')) });
  }
  const rfc = join(FIXTURES, 'rfc4475');
  const read = (name: string): string => readFileSync(join(rfc, name), 'utf8');
  list.push({ name: 'rfc4475/dblreq.dat', text: read('dblreq.dat') });
  list.push({ name: 'rfc4475 joined', text: ['wsinv.dat', 'mismatch01.dat', 'ncl.dat', 'insuf.dat', 'lwsdisp.dat', 'dblreq.dat'].filter((name) => existsSync(join(rfc, name))).map(read).join('\r\n') });
  return list;
}

const inserted = (lines: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('', '\r\n', '\n', '\r\n\r\n', '\n\n', ' ', ':', 'x', 'INVITE sip:bob@example.com SIP/2.0\r\n', 'SIP/2.0 200 OK\r\n', 'Content-Length: 4\r\n', 'Call-ID: edited@host\r\n', 'Replaces: edited@host;to-tag=1;from-tag=2\r\n', 'é€😀', '\t folded\r\n'),
    fc.constantFrom(...lines).map((line) => `${line}\n`),
    fc.string({ maxLength: 12 }),
  );

/** An edit as a position (a random offset, or the start of a random line), a length to remove and text to put there. */
function edit(lines: readonly string[]): fc.Arbitrary<{ at: number; lineStart: boolean; remove: number; text: string }> {
  return fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), lineStart: fc.boolean(), remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 80 })), text: inserted(lines) });
}

function toChange(text: string, e: { at: number; lineStart: boolean; remove: number; text: string }): TextChange {
  let start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  if (e.lineStart) start = text.lastIndexOf('\n', start - 1) + 1;
  const end = Math.min(text.length, start + e.remove);
  return { start, end, text: e.text };
}

const apply = (text: string, change: TextChange): string => text.slice(0, change.start) + change.text + text.slice(change.end);

describe('incremental re-parse', () => {
  const list = fixtures();
  it('has fixtures of many formats', () => assert.ok(list.length >= 15, `${list.length} fixtures`));

  it('combines a run of changes into the region they cover', () => {
    const text = 'abcdefghij';
    const changes: TextChange[] = [{ start: 2, end: 4, text: 'XYZ' }, { start: 8, end: 9, text: '' }, { start: 0, end: 1, text: '12' }];
    const after = changes.reduce(apply, text);
    const region = changedRegion(changes);
    assert.ok(region);
    assert.equal(text.slice(0, region.start) + after.slice(region.start, region.newEnd) + text.slice(region.oldEnd), after);
  });

  for (const { name, text: original } of list) {
    it(`matches a fresh parse after every edit: ${name}`, () => {
      const lines = original.split('\n').filter((line) => line.trim() !== '').slice(0, 200);
      const options = { maxPerCheck: 3 };
      fc.assert(
        fc.property(fc.array(edit(lines), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), fc.boolean(), (edits, batch, inPieces, prepared) => {
          let text = original;
          // The server hands its text over in pieces (PieceText), or as one string.
          let pieces = PieceText.of(original);
          let document = parseDocument(text);
          let validation: Validation = validateAll(text, document, options);
          indexOf(text, document);
          // As the server does in idle time after opening a long trace: the views are made before the first edit.
          if (inPieces && prepared) {
            prepareForEdits(document);
            compare(text, document, validation, options);
          }
          // Either one change per step, or all of them in one step (an editor's multi-cursor edit).
          const steps = batch ? [edits] : edits.map((e) => [e]);
          for (const step of steps) {
            const changes: TextChange[] = [];
            let next = text;
            let nextPieces = pieces;
            for (const e of step) {
              const change = toChange(next, e);
              changes.push(change);
              next = apply(next, change);
              nextPieces = nextPieces.edit(change.start, change.end, change.text);
            }
            const result = reparseWithChange(document, inPieces ? pieces : text, changes, inPieces ? nextPieces : next, { reuseViews: inPieces });
            followReparse(document, result.document, result.change);
            text = next;
            pieces = nextPieces;
            document = result.document;
            validation = revalidate(validation, inPieces ? pieces : text, document, result.change, options, { previousDiscarded: inPieces });
            // Not in a transient pass: header values read here are remembered on the views, and the
            // next re-parse that reuses the views must forget them (their offsets are this version's).
            compare(text, document, validation, options);
          }
        }),
        { numRuns: RUNS, seed: 7 },
      );
    });
  }
});

/** The re-parsed document, its findings, symbols and index against a fresh parse of the same text. */
function compare(text: string, document: SipDocument, validation: Validation, options: ValidateOptions): void {
  const fresh = parseDocument(text);
  assert.deepStrictEqual(plainDocument(text, document), plainDocument(text, fresh));
  assert.deepStrictEqual(validation.findings, validate(text, fresh, options));
  assert.deepStrictEqual(documentSymbols(text, document), documentSymbols(text, fresh));
  const index = indexOf(text, document);
  const freshIndex = indexOf(text, fresh);
  for (let at = 0; at <= text.length; at += Math.max(1, Math.floor(text.length / 97))) assert.equal(index.messageAt(at), freshIndex.messageAt(at), `messageAt(${at})`);
  assert.deepStrictEqual([index.callIds, [...index.calls], index.times, index.transactions, index.dialogs, index.mentioningMessages()], [freshIndex.callIds, [...freshIndex.calls], freshIndex.times, freshIndex.transactions, freshIndex.dialogs, freshIndex.mentioningMessages()]);
}
