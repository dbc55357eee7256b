/**
 * startLineKind answers for parseStartLine without building the start line: the parser and the
 * scans rely on the two agreeing on every line, in both strengths.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseStartLine, startLineKind } from '../../../server/src/core/parser/startLine';

const piece = fc.constantFrom('INVITE', 'SIP/2.0', 'sip/2.0', 'SIP/1.1', ' ', '\t', 'sip:a@b', '<sip:x>', 'tel:1', 'x', '200', '404 Not Found', ':', '\v', 'é', '/', '.', '2.0', 'SIP/', '1', 'a');

describe('startLineKind', () => {
  it('is the kind of what parseStartLine finds, or null when it finds nothing', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(4), fc.nat(4), (pieces, cutStart, cutEnd) => {
        const line = pieces.join('');
        const text = `xx${line}yy`;
        const start = 2 + Math.min(cutStart, line.length);
        const end = Math.max(start, 2 + line.length - Math.min(cutEnd, line.length));
        for (const strength of ['lenient', 'strict'] as const) {
          assert.equal(startLineKind(text, start, end, strength), parseStartLine(text, start, end, strength)?.kind ?? null, JSON.stringify([text.slice(start, end), strength]));
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the usual lines and trailing white space as parseStartLine does', () => {
    for (const line of ['INVITE sip:a@b SIP/2.0', 'INVITE sip:a@b SIP/2.0 \t', 'INVITE sip:a@b', 'SIP/2.0 200 OK', 'SIP/7.0 200 OK', 'OPTIONS x SIP/2.0', 'BYE sip:a@b SIP/2.0x', ' INVITE sip:a@b SIP/2.0']) {
      for (const strength of ['lenient', 'strict'] as const) {
        assert.equal(startLineKind(line, 0, line.length, strength), parseStartLine(line, 0, line.length, strength)?.kind ?? null, `${line} (${strength})`);
      }
    }
    assert.equal(startLineKind('INVITE sip:a@b SIP/2.0 \t', 0, 24, 'strict'), 'request');
    assert.equal(startLineKind('OPTIONS x SIP/2.0', 0, 17, 'strict'), null);
    assert.equal(startLineKind('OPTIONS x SIP/2.0', 0, 17, 'lenient'), 'request');
  });
});
