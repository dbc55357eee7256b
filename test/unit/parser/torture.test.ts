/**
 * RFC 4475 and RFC 5118 torture messages (vendored in test/fixtures): every file parses, and its
 * parts land where the RFC puts them. `parts.tsv` beside each folder lists, per file, the message
 * count, the method or status code, the Request-URI or reason phrase, Call-ID, CSeq, the number of
 * Via values and the body size in bytes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { callId, cseqOf, viasOf } from '../../../server/src/core/parser/access';
import { readTsv } from '../../support/tsv';
import { FIXTURES } from '../../support/paths';

const decoder = new TextDecoder('utf-8');

function check(folder: string): void {
  const rows = readTsv(`${folder}/parts.tsv`);
  const index = readTsv(`${folder}/index.tsv`);
  assert.deepEqual(rows.map((r) => r.file), index.map((r) => r.file), 'parts.tsv covers every file of index.tsv');
  for (const row of rows) {
    const text = decoder.decode(readFileSync(join(FIXTURES, folder, row.file ?? '')));
    const document = parseDocument(text);
    assert.equal(document.format, 'sip', row.file);
    assert.equal(document.messages.length, Number(row.messages), `${row.file}: messages`);
    const message = document.messages[0];
    assert.ok(message, row.file);
    const start = message.startLine;
    assert.equal(start.kind === 'request' ? start.method.text : start.code.text, row.start, `${row.file}: method/code`);
    assert.equal(start.kind === 'request' ? start.uri.text : start.reason.text, row.uri_or_reason, `${row.file}: URI/reason`);
    // Ranges point at the characters they name.
    if (start.kind === 'request') assert.equal(text.slice(start.method.start, start.method.end), row.start);
    assert.equal(callId(message) ?? '-', row.call_id, `${row.file}: Call-ID`);
    const cseq = cseqOf(text, message);
    assert.equal(cseq ? `${cseq.number.text} ${cseq.method?.text ?? ''}` : '-', row.cseq, `${row.file}: CSeq`);
    assert.equal(viasOf(text, message).length, Number(row.vias), `${row.file}: Via values`);
    assert.equal(message.body?.bytes ?? 0, Number(row.body_bytes), `${row.file}: body bytes`);
  }
}

describe('torture messages', () => {
  it('RFC 4475: every message parses with its parts in place', () => check('rfc4475'));
  it('RFC 5118: every message parses with its parts in place', () => check('rfc5118'));

  it('reads dblreq.dat as a file: the REGISTER, then the trailing INVITE as a second message', () => {
    // A UDP receiver would ignore the octets after Content-Length: 0; a file holds two messages.
    const text = decoder.decode(readFileSync(join(FIXTURES, 'rfc4475', 'dblreq.dat')));
    const [register, invite] = parseDocument(text).messages;
    assert.equal(register?.startLine.kind === 'request' && register.startLine.method.text, 'REGISTER');
    assert.equal(register?.body, null);
    assert.equal(invite?.startLine.kind === 'request' && invite.startLine.method.text, 'INVITE');
    assert.equal(text.slice(invite?.span.start, invite?.span.start === undefined ? 0 : invite.span.start + 6), 'INVITE');
  });

  it('keeps the raw NUL byte inside intmeth.dat\'s display name', () => {
    const text = decoder.decode(readFileSync(join(FIXTURES, 'rfc4475', 'intmeth.dat')));
    const to = parseDocument(text).messages[0]?.headers.find((h) => h.key === 'to');
    assert.ok(to?.value.includes('\u0000'));
  });
});
