/** PrefixLines gives the editor library's positions, while reading the text only as far as asked. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PrefixLines, prefixLines } from '../../../server/src/lsp/prefixLines';
import { TrackedDocument } from '../../../server/src/lsp/trackedDocument';

describe('prefix line index', () => {
  it('agrees with TextDocument.positionAt at every offset, whatever the order offsets are asked in', () => {
    const piece = fc.constantFrom('a', 'bc', '\r\n', '\n', '\r', '\n\r', 'é', '😀', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: -2, max: 200 }), { maxLength: 30 }), (pieces, asked) => {
        const text = pieces.join('');
        const document = TextDocument.create('file:///t.sip', 'sip', 1, text);
        const lines = new PrefixLines(text);
        for (const offset of [...asked, ...Array.from({ length: text.length + 2 }, (_, i) => i)]) assert.deepEqual(lines.positionAt(offset), document.positionAt(offset), `offset ${offset} in ${JSON.stringify(text)}`);
      }),
    );
  });

  it('is made again for a new version of the document', () => {
    const document = TextDocument.create('file:///t.sip', 'sip', 1, 'a\nb\n');
    const first = prefixLines(document);
    assert.equal(prefixLines(document), first);
    TextDocument.update(document, [{ text: 'x\n' }], 2);
    assert.notEqual(prefixLines(document), first);
    assert.deepEqual(prefixLines(document).positionAt(2), { line: 1, character: 0 });
  });

  it("serves the server's own documents from the line starts they keep, through their edits", () => {
    const tracked = new TrackedDocument('file:///t.log', 'sip-log', 1, 'INVITE sip:a SIP/2.0\r\nCall-ID: x\r\n\r\n');
    const expected = TextDocument.create('file:///t.log', 'sip-log', 1, tracked.getText());
    assert.equal(prefixLines(tracked), tracked, 'no scan of a text whose lines are known');
    const edit = { range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, text: 'y\r\nCSeq: 1 INVITE' };
    tracked.update([edit], 2);
    TextDocument.update(expected, [edit], 2);
    const lines = prefixLines(tracked);
    for (let offset = 0; offset <= expected.getText().length; offset++) assert.deepEqual(lines.positionAt(offset), expected.positionAt(offset), `offset ${offset}`);
  });
});
