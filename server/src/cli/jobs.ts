/**
 * Runs the file jobs of one command, in this thread or in a pool of worker threads, and hands their
 * output to the command in input order whatever order the workers finish in. Several files: each
 * file is one job, streamed by one worker. One file with several workers (`check` only): one worker
 * reads it, cuts its windows and hands them to workers of its own, then merges their findings in
 * order and runs the trace checks (which need the messages in order) itself.
 */
import { Worker } from 'node:worker_threads';
import { BatchChecker, rebuildBatch, type BatchPlace, type CheckedBatch, type FindingStreamOptions } from '../core/stream';
import { runFileJob, type BatchPool, type FileJob, type JobResult } from './fileJob';
import { readChunks } from './input';
import { UsageError } from './io';
import type { BatchRequest } from './worker';

/** What a command does with each file's output; called in input order, `done` after a file's last piece. */
export interface JobConsumer {
  piece(index: number, text: string): void | Promise<void>;
  done(index: number, result: JobResult): void | Promise<void>;
}

export interface RunOptions {
  /** Worker threads to use; 0 runs everything in this thread. */
  readonly workers: number;
  readonly onBytes?: (count: number) => void;
  /** Heap caps per worker (MB); none leaves the heap to V8. */
  readonly heap?: { readonly oldMb: number; readonly youngMb?: number };
}

/**
 * Tells a worker that is done to close its port and end on its own. Workers are terminated only on
 * failure: terminating one while V8 still compiles for it in the background can abort the whole
 * process (a race in Node's platform code), after all the output has been written.
 */
export const CLOSE = { close: true } as const;

/** Marks the worker started by `runJobs` (main.ts starts `serveJobs` when it sees it). */
export const WORKER_ROLE = 'sipls-file-jobs';

/** Messages from a worker to the pool. */
export type WorkerReply =
  | { readonly id: number; readonly type: 'piece'; readonly text: string }
  | { readonly id: number; readonly type: 'bytes'; readonly count: number }
  | { readonly id: number; readonly type: 'done'; readonly result: JobResult }
  | { readonly id: number; readonly type: 'checked'; readonly result: CheckedBatch }
  | { readonly id: number; readonly type: 'fail'; readonly message: string; readonly usage: boolean };

export async function runJobs(jobs: readonly FileJob[], consumer: JobConsumer, options: RunOptions): Promise<void> {
  const [only] = jobs;
  if (only && jobs.length === 1 && only.kind === 'check' && options.workers >= 2) {
    // One file, several workers: a worker reads and cuts it, checks windows and hands others to
    // workers of its own, so that this thread's heap, which nothing caps, stays out of it.
    await runInWorkers([{ ...only, split: { workers: options.workers, ...(options.heap ? { heap: options.heap } : {}) } }], consumer, { ...options, workers: 1, heap: SPLIT_READER_HEAP });
    return;
  }
  if (options.workers <= 0) {
    for (const [index, job] of jobs.entries()) {
      const result = await runFileJob(job, readChunks(job.name), { piece: (text) => consumer.piece(index, text), ...(options.onBytes ? { bytes: options.onBytes } : {}) });
      await consumer.done(index, result);
    }
    return;
  }
  await runInWorkers(jobs, consumer, options);
}

/** Heap caps of the worker that reads a file split between workers: it holds a few windows and the trace checks' state. */
const SPLIT_READER_HEAP = { oldMb: 160, youngMb: 16 };

/** Worker threads that check the batches of one file for the thread reading it, each given to the least busy. */
export class BatchWorkers implements BatchPool {
  private readonly workers: { readonly worker: Worker; busy: number }[] = [];
  private readonly waiting = new Map<number, { resolve: (checked: CheckedBatch) => void; reject: (error: Error) => void; slot: { busy: number } }>();
  private readonly exits: Promise<void>[] = [];
  private next = 0;
  private failure: Error | null = null;
  private broken = false;

  constructor(
    readonly size: number,
    heap: RunOptions['heap'],
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entryScript(), { workerData: { role: WORKER_ROLE }, resourceLimits: heap ? { maxOldGenerationSizeMb: heap.oldMb, ...(heap.youngMb !== undefined ? { maxYoungGenerationSizeMb: heap.youngMb } : {}) } : {} });
      const slot = { worker, busy: 0 };
      this.workers.push(slot);
      this.exits.push(new Promise<void>((resolve) => worker.once('exit', () => resolve())));
      worker.on('message', (reply: WorkerReply) => {
        const request = this.waiting.get(reply.id);
        if (!request) return;
        this.waiting.delete(reply.id);
        request.slot.busy--;
        if (reply.type === 'checked') request.resolve(reply.result);
        else request.reject(new Error(reply.type === 'fail' ? reply.message : `unexpected reply ${reply.type}`));
      });
      worker.on('error', (error: Error & { code?: string }) => this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UsageError(`a worker ran out of memory (a single huge message?); try --jobs 1`) : error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }
  }

  check(place: BatchPlace, options: FindingStreamOptions): Promise<CheckedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
    const id = this.next++;
    slot.busy++;
    return new Promise<CheckedBatch>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot });
      const request: BatchRequest = { id, place, options };
      slot.worker.postMessage(request);
    });
  }

  /** Batches sent and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    if (this.broken) {
      await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
      return;
    }
    for (const { worker } of this.workers) worker.postMessage(CLOSE);
    await Promise.all(this.exits);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.broken = true;
    this.failure = error;
    for (const request of this.waiting.values()) request.reject(error);
    this.waiting.clear();
  }
}

/**
 * The thread reading a split file checks batches too: cutting and merging leave it most of a core,
 * and one thread fewer is one heap fewer. A batch goes to the workers while they have fewer than
 * two each in hand, else it is checked here, at once.
 */
export class ReaderAndWorkers implements BatchPool {
  private readonly workers: BatchWorkers | null;
  private readonly checkers = new Map<string, BatchChecker>();

  constructor(
    readonly size: number,
    heap: RunOptions['heap'],
  ) {
    this.workers = size > 1 ? new BatchWorkers(size - 1, heap) : null;
  }

  async check(place: BatchPlace, options: FindingStreamOptions): Promise<CheckedBatch> {
    if (this.workers && this.workers.pending >= 2 * this.workers.size) {
      // Answers that have arrived are only counted once the event loop has run: let it, once.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (this.workers && this.workers.pending < 2 * this.workers.size) return this.workers.check(place, options);
    const key = JSON.stringify(options);
    let checker = this.checkers.get(key);
    if (!checker) this.checkers.set(key, (checker = new BatchChecker(options)));
    return checker.check(rebuildBatch(place));
  }

  async close(): Promise<void> {
    await this.workers?.close();
  }
}

/** The script this process runs: workers start the same file (out/…/main.js or the bundled dist/server.js). */
function entryScript(): string {
  const script = require.main?.filename ?? process.argv[1];
  if (!script) throw new Error('cannot find the sipls script to start workers from');
  return script;
}

function runInWorkers(jobs: readonly FileJob[], consumer: JobConsumer, options: RunOptions): Promise<void> {
  const pending = jobs.map(() => ({ pieces: [] as string[], result: null as JobResult | null, worker: null as Worker | null }));
  let cursor = 0;
  let next = 0;
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    // Output goes out in input order: the current file's pieces at once, later files' when their turn comes.
    const flush = async (): Promise<void> => {
      while (cursor < jobs.length) {
        const slot = pending[cursor];
        if (!slot) break;
        for (const text of slot.pieces.splice(0)) {
          await consumer.piece(cursor, text);
          // Written: the worker may read on (it stops after a few unwritten pieces).
          slot.worker?.postMessage({ written: 1 });
        }
        if (!slot.result) break;
        await consumer.done(cursor, slot.result);
        cursor++;
      }
      if (cursor === jobs.length) {
        for (const worker of workers) worker.postMessage(CLOSE);
        resolve();
      }
    };
    let flushing = Promise.resolve();
    const schedule = (): void => {
      flushing = flushing.then(flush).catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    };
    const feed = (worker: Worker): void => {
      if (next >= jobs.length) return;
      const id = next++;
      const slot = pending[id];
      if (slot) slot.worker = worker;
      worker.postMessage({ id, job: jobs[id] });
    };
    const size = Math.min(options.workers, jobs.length);
    for (let i = 0; i < size; i++) {
      // With a cap, V8 collects garbage before growing the heap: a worker's live data is one window
      // plus the trace checks' bounded state, so memory stays flat (at some cost in CPU time).
      const heap = options.heap;
      const resourceLimits = heap ? { maxOldGenerationSizeMb: heap.oldMb, ...(heap.youngMb !== undefined ? { maxYoungGenerationSizeMb: heap.youngMb } : {}) } : {};
      const worker = new Worker(entryScript(), { workerData: { role: WORKER_ROLE }, resourceLimits });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        const slot = pending[reply.id];
        if (!slot) return;
        if (reply.type === 'bytes') options.onBytes?.(reply.count);
        else if (reply.type === 'piece') {
          slot.pieces.push(reply.text);
          if (reply.id === cursor) schedule();
        } else if (reply.type === 'done') {
          slot.result = reply.result;
          feed(worker);
          schedule();
        } else if (reply.type === 'fail') fail(reply.usage ? new UsageError(reply.message) : new Error(reply.message));
      });
      worker.on('error', (error: Error & { code?: string }) =>
        fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UsageError(`${jobs[cursor]?.name ?? 'input'}: needs more than ${options.heap?.oldMb ?? '?'} MB to read (a single huge message?); try --jobs 1`) : error),
      );
      worker.on('exit', (code) => {
        if (code !== 0 && cursor < jobs.length) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      feed(worker);
    }
  });
}
