/**
 * A minimal LSP client for protocol tests: it spawns the real server (`sipls --stdio`) and talks
 * JSON-RPC over its stdio, as an editor would. Documents are written with `|` marking the cursor.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { CLI_MAIN } from '../support/paths';

export interface Marked {
  readonly text: string;
  /** Positions of each `|` marker, in order, after the markers are removed. */
  readonly positions: readonly Position[];
  readonly offsets: readonly number[];
}

/** Removes `|` markers and returns where they were (use `\|` for a literal bar). */
export function mark(source: string): Marked {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && source[i + 1] === '|') {
      text += '|';
      i++;
    } else if (c === '|') offsets.push(text.length);
    else text += c;
  }
  return { text, offsets, positions: offsets.map((offset) => positionOf(text, offset)) };
}

export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

export class TestClient {
  private readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];
  readonly logs: string[] = [];
  private version = 1;

  /** `serverMain`: the server to start, out/'s tsc build by default (the bundle test passes dist/server.js). */
  constructor(serverMain: string = CLI_MAIN) {
    this.child = spawn(process.execPath, [serverMain, '--stdio'], { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.listen();
  }

  /** `capabilities`: what the client says it supports (none by default). */
  async initialize(settings: unknown = {}, capabilities: unknown = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions: { settings } });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'sip'): Promise<void> {
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: this.version++, text } });
  }

  async change(uri: string, changes: { range?: { start: Position; end: Position }; text: string }[]): Promise<number> {
    const version = this.version++;
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next diagnostics published for `uri` (optionally for at least `version`). */
  async diagnosticsFor(uri: string, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const published = this.diagnostics.get(uri);
      if (published && (version === undefined || (published.version ?? 0) >= version)) return published.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}
