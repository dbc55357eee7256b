/**
 * Drives the real language server over stdio for the benchmark, like an editor: spawns it (pinned to
 * one core with taskset when available), and times each exchange from the moment the client hands
 * the message to the pipe until the answer (or the diagnostics for that document version) arrives.
 * Beside that wall time it reads how much CPU the server process used for the exchange, all its
 * threads (JavaScript, garbage collector, I/O) summed from /proc/PID/task/TID/schedstat in
 * nanoseconds: time spent waiting for a core that other work shares is not in it.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface ServerOptions {
  /** The server entry point: dist/server.js (the bundle users run) or out/server/src/cli/main.js. */
  readonly main: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Run on CPU 0 only (`taskset -c 0`), when taskset exists. */
  readonly pinned?: boolean;
  readonly nodeArgs?: readonly string[];
}

let tasksetChecked: boolean | undefined;
export function haveTaskset(): boolean {
  tasksetChecked ??= spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return tasksetChecked;
}

/** Wall time of one exchange and the CPU time the server's main thread spent meanwhile. */
export interface Exchange {
  readonly ms: number;
  readonly cpuMs: number;
}

interface Published {
  readonly version: number;
  readonly count: number;
  readonly at: number;
}

export class BenchServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly connection: ProtocolConnection;
  private readonly published = new Map<string, Published>();
  private readonly waiters: (() => void)[] = [];
  private readonly stderr: string[] = [];
  private nextVersion = 1;
  /** Time from spawning the process to the initialize result. */
  startupMs = Number.NaN;

  constructor(options: ServerOptions) {
    const node = [...(options.nodeArgs ?? []), options.main, '--stdio'];
    const pinned = options.pinned === true && haveTaskset();
    this.child = spawn(pinned ? 'taskset' : process.execPath, pinned ? ['-c', '0', process.execPath, ...node] : node, {
      stdio: 'pipe',
      env: { ...process.env, ...options.env },
    });
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      // The arrival time is taken first, before any bookkeeping.
      const at = performance.now();
      this.published.set(params.uri, { version: params.version ?? 0, count: params.diagnostics.length, at });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  static async start(options: ServerOptions): Promise<BenchServer> {
    const started = performance.now();
    const server = new BenchServer(options);
    await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: {} } });
    server.startupMs = performance.now() - started;
    await server.connection.sendNotification('initialized', {});
    return server;
  }

  /** CPU time of the server process so far, all threads, in milliseconds; NaN where /proc is not available. */
  serverCpuMs(): number {
    try {
      const tasks = `/proc/${this.child.pid}/task`;
      let ns = 0;
      for (const tid of readdirSync(tasks)) {
        try {
          ns += Number(readFileSync(`${tasks}/${tid}/schedstat`, 'utf8').split(' ')[0]);
        } catch {
          // A thread that ended between listing and reading.
        }
      }
      return ns / 1e6;
    } catch {
      return Number.NaN;
    }
  }

  /** Resolves when diagnostics for `version` (or a later one) of `uri` have arrived, with when they arrived. */
  private async diagnosticsAt(uri: string, version: number, timeoutMs: number): Promise<Published> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const published = this.published.get(uri);
      if (published && published.version >= version) return published;
      if (this.child.exitCode !== null) throw new Error(`server exited (${this.child.exitCode}): ${this.stderr.join('').slice(-2000)}`);
      if (performance.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** didOpen, then the diagnostics of that version: milliseconds and the number of diagnostics. */
  async open(uri: string, text: string, languageId: string, timeoutMs = 120_000): Promise<Exchange & { diagnostics: number }> {
    const version = this.nextVersion++;
    const cpu = this.serverCpuMs();
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    const published = await this.diagnosticsAt(uri, version, timeoutMs);
    return { ms: published.at - started, cpuMs: this.serverCpuMs() - cpu, diagnostics: published.count };
  }

  /** One incremental didChange, then the diagnostics of the new version: milliseconds and the number of diagnostics. */
  async change(uri: string, range: { start: Position; end: Position }, text: string, timeoutMs = 120_000): Promise<Exchange & { diagnostics: number }> {
    const version = this.nextVersion++;
    const cpu = this.serverCpuMs();
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const published = await this.diagnosticsAt(uri, version, timeoutMs);
    return { ms: published.at - started, cpuMs: this.serverCpuMs() - cpu, diagnostics: published.count };
  }

  /** A request, its round-trip time and the server CPU it took. */
  async timed<R>(method: string, params: unknown): Promise<Exchange & { result: R }> {
    const cpu = this.serverCpuMs();
    const started = performance.now();
    const result = (await this.connection.sendRequest(method, params)) as R;
    return { ms: performance.now() - started, cpuMs: this.serverCpuMs() - cpu, result };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server is going away either way.
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}
