/**
 * A keystroke in a large trace must not join the edited text into one string (a copy of the whole
 * text): re-parsing and re-validating an edit inside a message read only pieces of the text, and
 * still find what a fresh validation of the whole text finds.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { reparseWithChange } from '../../../server/src/core/parser/reparse';
import { PieceText } from '../../../server/src/core/parser/pieceText';
import type { TextSource } from '../../../server/src/core/parser/textSource';
import { validate } from '../../../server/src/core/features/validate';
import { revalidate, validateAll } from '../../../server/src/core/features/validate/incremental';
import { FIXTURES } from '../../support/paths';

/** A text that can be sliced but fails the test if anything asks for all of it. */
function unjoinable(text: PieceText): TextSource {
  return {
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    toString: () => assert.fail('the whole text was joined'),
  };
}

const TRACE = readFileSync(join(FIXTURES, 'traces', 'sipp', 'uac-500-mismatched-reason_messages.log'), 'utf8');
const OPTIONS = { maxPerCheck: 100 };

describe('keystrokes without the whole text', () => {
  for (const reuseViews of [false, true]) {
    it(`re-parses and re-validates edits from pieces of the text${reuseViews ? ', reusing message views' : ''}`, () => {
      let pieces = PieceText.of(TRACE);
      let document = parseDocument(TRACE);
      let validation = validateAll(TRACE, document, OPTIONS);
      let current = TRACE;
      let edits = 0;
      for (const target of ['Call-ID: ', 'CSeq: ', 'Via: SIP/2.0/UDP ', 'Reason: ', 'Max-Forwards: ']) {
        for (let at = current.indexOf(target); at >= 0 && edits < 40; at = current.indexOf(target, at + 1), edits++) {
          // A letter typed at the start of the header's value.
          const start = at + target.length;
          const next = pieces.edit(start, start, 'x');
          const result = reparseWithChange(document, unjoinable(pieces), [{ start, end: start, text: 'x' }], unjoinable(next), { reuseViews });
          validation = revalidate(validation, unjoinable(next), result.document, result.change, OPTIONS, { previousDiscarded: reuseViews });
          pieces = next;
          document = result.document;
          current = current.slice(0, start) + 'x' + current.slice(start);
        }
      }
      assert.ok(edits > 10, `${edits} edits`);
      assert.equal(pieces.toString(), current);
      assert.deepStrictEqual(validation.findings, validate(current, parseDocument(current), OPTIONS));
    });
  }
});
