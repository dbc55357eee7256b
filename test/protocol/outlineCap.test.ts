/**
 * Outline and folding of a document with more entries than an editor should get: the server caps
 * symbols at sipls.outline.maxItems and folding at the lower of that and the client's rangeLimit.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const CALLS = 150;

/** A message file of CALLS calls, each an OPTIONS and its 200 OK: 3 symbols and 4 folding ranges a call. */
function manyCalls(): string {
  const message = (startLine: string, call: number): string =>
    [startLine, 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK' + call, `Call-ID: call-${call}@example.com`, 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', ''].join('\r\n');
  let text = '';
  for (let call = 0; call < CALLS; call++) text += message('OPTIONS sip:example.com SIP/2.0', call) + message('SIP/2.0 200 OK', call);
  return text;
}

const countAll = (symbols: readonly DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + countAll(s.children ?? []), 0);

describe('capped outline and folding over stdio', () => {
  const clients: TestClient[] = [];
  after(async () => {
    for (const client of clients) await client.shutdown();
  });
  const start = async (settings: unknown, capabilities: unknown): Promise<TestClient> => {
    const client = new TestClient();
    clients.push(client);
    await client.initialize(settings, capabilities);
    return client;
  };

  it("honours the client's rangeLimit and sipls.outline.maxItems, and logs a capped folding once", async () => {
    const client = await start({ outline: { maxItems: 100 } }, { textDocument: { foldingRange: { rangeLimit: 10 } } });
    const textDocument = { uri: 'file:///t/many.sip' };
    await client.open(textDocument.uri, manyCalls());
    await client.diagnosticsFor(textDocument.uri);

    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    assert.equal(folds.length, 10);
    assert.deepEqual(folds.slice(0, 2).map((f) => f.startLine), [0, 1], 'the first message and its headers, in document order');
    await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    assert.equal(client.logs.filter((line) => line.includes('folding ranges')).length, 1, client.logs.join('\n'));
    assert.match(client.logs.find((line) => line.includes('folding ranges')) ?? '', /rangeLimit|editor/);

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    assert.ok(countAll(symbols) <= 100);
    const last = symbols.at(-1);
    assert.equal(symbols.length, 34, '33 whole calls of 3 symbols and the summary');
    assert.equal(last?.name, '… 117 more calls not shown');
    assert.equal(last?.kind, SymbolKind.Null);
    assert.match(last?.detail ?? '', /sipls\.outline\.maxItems/);
    // Each call is two messages of six lines: the 34th call starts on line 33 * 12.
    assert.deepEqual(last?.selectionRange.start, { line: 33 * 12, character: 0 }, 'the start line of the first call left out');
  });

  it('follows a change of sipls.outline.maxItems, 0 meaning the default', async () => {
    const client = await start({}, {});
    const textDocument = { uri: 'file:///t/many.sip' };
    await client.open(textDocument.uri, manyCalls());
    await client.diagnosticsFor(textDocument.uri);
    const all = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    assert.equal(all.length, CALLS * 4);
    assert.equal(countAll(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument })), CALLS * 3);

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sipls: { outline: { maxItems: 120 } } } });
    await client.diagnosticsFor(textDocument.uri);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    assert.deepEqual(folds, all.slice(0, 120));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    assert.equal(symbols.at(-1)?.name, '… 111 more calls not shown');
    assert.match(client.logs.join('\n'), /sipls\.outline\.maxItems/);

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sipls: { outline: { maxItems: 0 } } } });
    await client.diagnosticsFor(textDocument.uri);
    assert.equal((await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument })).length, CALLS * 4);
  });
});
