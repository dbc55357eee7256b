/** The language server over stdio: lifecycle, diagnostics, hover, code actions and robustness. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { mark, TestClient } from './client';

const RESPONSE = [
  'SIP/2.0 500 Service Unavailable',
  'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds',
  'To: <sip:bob@example.com>;tag=a6c85cf',
  'From: <sip:alice@example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@192.0.2.1',
  'CSeq: 314159 INVITE',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

function applyEdits(text: string, edits: readonly TextEdit[], offsetOf: (line: number, character: number) => number): string {
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start.line, b.range.start.character) - offsetOf(a.range.start.line, a.range.start.character));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offsetOf(edit.range.start.line, edit.range.start.character)) + edit.newText + out.slice(offsetOf(edit.range.end.line, edit.range.end.character));
  return out;
}

function offsetIn(text: string): (line: number, character: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (line, character) => (starts[line] ?? text.length) + character;
}

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const result = (await client.initialize()) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.equal(result.serverInfo.name, 'sipls');
    assert.equal(result.capabilities.hoverProvider, true);
  });
  after(async () => client.shutdown());

  it('publishes diagnostics with the check id and a link to its documentation', async () => {
    await client.open('file:///t/response.sip', RESPONSE);
    const diagnostics = await client.diagnosticsFor('file:///t/response.sip');
    const mismatch = diagnostics.find((d) => d.code === 'reason-phrase-mismatch');
    assert.ok(mismatch, JSON.stringify(diagnostics));
    assert.equal(mismatch.severity, 2);
    assert.deepEqual(mismatch.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 31 } });
    assert.match(mismatch.codeDescription?.href ?? '', /^file:\/\/.*CHECKS\.md#reason-phrase-mismatch$/);
    assert.equal(mismatch.source, 'sipls');
  });

  it('hovers a status code with its registry card', async () => {
    const { text, positions } = mark(RESPONSE.replace('SIP/2.0 500', 'SIP/2.0 5|00'));
    await client.open('file:///t/hover.sip', text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///t/hover.sip' }, position: positions[0] });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*500 Server Internal Error\*\*/);
    assert.match(value, /rfc3261#section-21\.5\.1/);
    assert.deepEqual(hover.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } });
  });

  it('offers the canonical-phrase fix and applies it to a clean message', async () => {
    const uri = 'file:///t/fix.sip';
    await client.open(uri, RESPONSE);
    const diagnostics = await client.diagnosticsFor(uri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } },
      context: { diagnostics },
    });
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.ok(fix?.edit?.changes);
    const fixed = applyEdits(RESPONSE, fix.edit.changes[uri] ?? [], offsetIn(RESPONSE));
    assert.equal(fixed.split('\r\n')[0], 'SIP/2.0 500 Server Internal Error');
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.diagnosticsFor(uri, version);
    assert.deepEqual(after.filter((d) => d.code === 'reason-phrase-mismatch'), []);
  });

  it('answers requests for unknown documents and bad positions without failing', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///nope.sip' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    const far = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///t/response.sip' }, position: { line: 999, character: 999 } });
    assert.equal(far, null);
  });

  it('clears diagnostics when a document closes', async () => {
    await client.open('file:///t/close.sip', RESPONSE);
    assert.ok((await client.diagnosticsFor('file:///t/close.sip')).length > 0);
    await client.close('file:///t/close.sip');
    assert.deepEqual(await client.diagnosticsFor('file:///t/close.sip'), []);
  });

  /** Opens `text`, asks for code actions at `position`, applies the one titled like `title`, returns the new text. */
  async function applyAction(uri: string, text: string, position: { line: number; character: number }, title: RegExp): Promise<string> {
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } });
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action?.edit?.changes, `an action matching ${title} among ${actions.map((a) => a.title).join(' | ')}`);
    return applyEdits(text, action.edit.changes[uri] ?? [], offsetIn(text));
  }

  it('fixes the CSeq method, the Content-Length and a missing header, and expands a compact name', async () => {
    const request = ['OPTIONS sip:bob@example.com SIP/2.0', 'v: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1', 'Max-Forwards: 70', 'To: <sip:bob@example.com>', 'From: <sip:a@example.com>;tag=1', 'Call-ID: q1', 'CSeq: 1 INVITE', 'Content-Type: text/plain', 'Content-Length: 9', '', 'hi', ''].join('\r\n');
    const cseq = await applyAction('file:///t/a1.sip', request, { line: 6, character: 9 }, /CSeq method to OPTIONS/);
    assert.match(cseq, /\r\nCSeq: 1 OPTIONS\r\n/);
    const length = await applyAction('file:///t/a2.sip', request, { line: 8, character: 16 }, /Content-Length to 4/);
    assert.match(length, /\r\nContent-Length: 4\r\n/);
    const expanded = await applyAction('file:///t/a3.sip', request, { line: 1, character: 0 }, /Expand "v" to Via/);
    assert.match(expanded, /\r\nVia: SIP\/2\.0\/UDP/);
    const noCallId = request.replace('Call-ID: q1\r\n', '');
    const added = await applyAction('file:///t/a4.sip', noCallId, { line: 0, character: 2 }, /Add a Call-ID header/);
    assert.match(added, /^OPTIONS sip:bob@example\.com SIP\/2\.0\r\nCall-ID: sipls-call-id@example\.com\r\nv: /);
    await client.open('file:///t/a5.sip', added);
    assert.deepEqual((await client.diagnosticsFor('file:///t/a5.sip')).filter((d) => d.code === 'mandatory-header-missing'), []);
  });

  it('explains SIP codes in log text, and not other numbers', async () => {
    const { text, positions } = mark('2026-01-01 app: Got SIP response 4|86 "Busy Here" from 192.0.2.7:50|60 after 4|00 ms\n');
    await client.open('file:///t/app.log', text, 'sip-log');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///t/app.log' }, position: positions[0] });
    assert.match((hover.contents as { value: string }).value, /\*\*486 Busy Here\*\*/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///t/app.log' }, position: positions[1] }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///t/app.log' }, position: positions[2] }), null);
  });

  it('answers the explain requests the VS Code command uses', async () => {
    const topics = await client.request<{ topic: string; label: string }[]>('sipls/topics', {});
    assert.ok(topics.some((t) => t.topic === '486' && t.label === '486 Busy Here'));
    assert.ok(topics.some((t) => t.topic === 'Via' && t.label === 'Via (v)'));
    const card = await client.request<{ title: string; markdown: string }>('sipls/explain', { topic: 'busy here' });
    assert.equal(card.title, '486 Busy Here');
    assert.match(card.markdown, /rfc3261#section-21\.4\.24/);
    assert.equal(await client.request('sipls/explain', { topic: 'no such thing' }), null);
  });
});
