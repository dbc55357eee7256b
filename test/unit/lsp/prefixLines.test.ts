/** PrefixLines gives the editor library's positions, while reading the text only as far as asked. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PrefixLines, prefixLines } from '../../../server/src/lsp/prefixLines';

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
});
