/**
 * The remaining LSP features over stdio, on a real SIPp trace: completion, outline, folding,
 * definition, references, highlights, hover summaries, settings changes, incremental edits and
 * malformed requests.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionList, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, Location } from 'vscode-languageserver-protocol';
import { FIXTURES } from '../support/paths';
import { positionOf, TestClient } from './client';

const TRACE_URI = 'file:///t/uac_messages.log';
const TRACE = readFileSync(join(FIXTURES, 'traces', 'sipp', 'uac-invite-call_messages.log'), 'utf8');

/** Position of the `nth` occurrence of `needle` in the trace, plus `shift` characters. */
function at(needle: string, shift = 0, nth = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = TRACE.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  return positionOf(TRACE, offset + shift);
}

describe('language features over stdio', () => {
  let client: TestClient;
  const doc = { uri: TRACE_URI };
  before(async () => {
    client = new TestClient();
    await client.initialize();
    await client.open(TRACE_URI, TRACE, 'sip-log');
    await client.diagnosticsFor(TRACE_URI);
  });
  after(async () => client.shutdown());

  it('completes status codes after "SIP/2.0 " and phrases after the code', async () => {
    const codes = await client.request<CompletionList>('textDocument/completion', { textDocument: doc, position: at('SIP/2.0 180', 8) });
    const busy = codes.items.find((item) => item.label === '486 Busy Here');
    assert.ok(busy, 'offers 486 Busy Here');
    assert.equal(codes.items.length, 75);
    assert.match((busy.documentation as { value: string }).value, /\*\*486 Busy Here\*\*/);
    const phrases = await client.request<CompletionList>('textDocument/completion', { textDocument: doc, position: at('SIP/2.0 180 ', 12) });
    assert.equal(phrases.items[0]?.label, 'Ringing');
  });

  it('outlines the trace as a call with its messages', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: doc });
    assert.equal(symbols.length, 3, 'three calls');
    const first = symbols[0];
    assert.equal(first?.name, 'Call 1-15998@127.0.0.1');
    assert.deepEqual(first?.children?.map((c) => c.name), ['INVITE sip:service@127.0.0.1:5070', '180 Ringing (INVITE)', '200 OK (INVITE)', 'ACK sip:service@127.0.0.1:5070', 'BYE sip:service@127.0.0.1:5070', '200 OK (BYE)']);
    assert.deepEqual(first?.children?.[0]?.selectionRange.start, at('INVITE sip:'));
  });

  it('folds every message, header block and body', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: doc });
    const invite = at('INVITE sip:').line;
    assert.ok(folds.some((f) => f.startLine === invite && f.endLine > invite + 10), 'the INVITE message folds');
    assert.ok(folds.some((f) => f.startLine === invite + 1 && f.kind === 'region'), 'its header block folds');
  });

  it('goes from a response to its request, and from ACK to the INVITE', async () => {
    const fromResponse = await client.request<Location[]>('textDocument/definition', { textDocument: doc, position: at('SIP/2.0 180', 9) });
    assert.deepEqual(fromResponse.map((l) => l.range.start), [at('INVITE sip:')]);
    const fromAck = await client.request<Location[]>('textDocument/definition', { textDocument: doc, position: at('ACK sip:', 1) });
    assert.deepEqual(fromAck.map((l) => l.range.start), [at('INVITE sip:')]);
  });

  it('finds every Call-ID of a call and highlights a branch', async () => {
    const references = await client.request<Location[]>('textDocument/references', { textDocument: doc, position: at('Call-ID: 1-15998', 12), context: { includeDeclaration: true } });
    assert.equal(references.length, 6);
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: doc, position: at('branch=z9hG4bK-15998-1-0', 10) });
    assert.equal(highlights.length, 3, 'INVITE, 180 and 200 share the branch');
  });

  it('summarises the call on a Call-ID hover and the transaction on a branch hover', async () => {
    const call = await client.request<Hover>('textDocument/hover', { textDocument: doc, position: at('Call-ID: 1-15998', 12) });
    assert.match((call.contents as { value: string }).value, /INVITE → 180 → 200 → ACK → BYE → 200 \(6 messages/);
    const branch = await client.request<Hover>('textDocument/hover', { textDocument: doc, position: at('branch=z9hG4bK-15998-1-0', 10) });
    assert.match((branch.contents as { value: string }).value, /Transaction INVITE CSeq 1/);
  });

  it('applies incremental edits and republishes for the new version', async () => {
    const uri = 'file:///t/edit.sip';
    await client.open(uri, 'SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>;tag=1\r\nFrom: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n');
    assert.deepEqual((await client.diagnosticsFor(uri)).filter((d) => d.severity === 1), []);
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } }, text: '200' }]);
    const diagnostics = await client.diagnosticsFor(uri, version);
    assert.ok(diagnostics.some((d) => d.code === 'reason-phrase-mismatch'), '200 Busy Here is reported after the edit');
  });

  it('applies a settings change without a restart', async () => {
    const uri = 'file:///t/settings.sip';
    await client.open(uri, 'SIP/2.0 500 Service Unavailable\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>;tag=1\r\nFrom: <sip:c@d>;tag=2\r\nCall-ID: y\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n');
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'reason-phrase-mismatch'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sipls: { checks: { 'reason-phrase-mismatch': 'off' } } } });
    const deadline = Date.now() + 5000;
    let codes: unknown[] = ['reason-phrase-mismatch'];
    while (codes.includes('reason-phrase-mismatch') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      codes = (await client.diagnosticsFor(uri)).map((d) => d.code);
    }
    assert.ok(!codes.includes('reason-phrase-mismatch'), 'the check is off');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sipls: {} } });
  });

  it('survives malformed requests and keeps serving', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: {} }), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri: TRACE_URI }, position: { line: -5, character: 1e9 } }), null);
    await assert.rejects(client.request('sipls/noSuchMethod', {}));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: doc, position: at('SIP/2.0 180', 9) });
    assert.match((hover.contents as { value: string }).value, /180 Ringing/);
  });
});
