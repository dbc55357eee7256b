/**
 * The worker-thread side of jobs.ts: runs one file job at a time and posts its output back in
 * pieces (bytes read too, for the progress bar), or checks the batches of a file the main thread
 * reads (one file split between workers). Errors go back as messages, never as a crash.
 */
import { parentPort } from 'node:worker_threads';
import { BatchChecker, rebuildBatch, type BatchPlace, type FindingStreamOptions } from '../core/stream';
import { runFileJob, type FileJob } from './fileJob';
import { readChunks } from './input';
import { UsageError } from './io';
import { CLOSE, ReaderAndWorkers, type WorkerReply } from './jobs';

/** Pieces a worker may have in flight before it waits for the main thread to write some (bounded memory). */
export const PIECES_IN_FLIGHT = 8;

/** A batch to check, from the main thread (see BatchWorkers in jobs.ts). */
export interface BatchRequest {
  readonly id: number;
  readonly place: BatchPlace;
  readonly options: FindingStreamOptions;
}

export function serveJobs(): void {
  const port = parentPort;
  if (!port) return;
  const send = (reply: WorkerReply): void => port.postMessage(reply);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  // One checker per set of options (a pool serves a single job, so in practice one).
  const checkers = new Map<string, BatchChecker>();
  port.on('message', (message: { id: number; job: FileJob } | { written: number } | BatchRequest | typeof CLOSE) => {
    if ('close' in message) {
      // Nothing is left to do: with the port closed the thread ends once its pool (if any) has.
      port.close();
      return;
    }
    if ('place' in message) {
      const key = JSON.stringify(message.options);
      let checker = checkers.get(key);
      if (!checker) checkers.set(key, (checker = new BatchChecker(message.options)));
      try {
        send({ id: message.id, type: 'checked', result: checker.check(rebuildBatch(message.place)) });
      } catch (error) {
        send({ id: message.id, type: 'fail', message: error instanceof Error ? error.message : String(error), usage: false });
      }
      return;
    }
    if ('written' in message) {
      inFlight -= message.written;
      wake?.();
      wake = null;
      return;
    }
    const { id, job } = message;
    const piece = async (text: string): Promise<void> => {
      send({ id, type: 'piece', text });
      inFlight++;
      while (inFlight >= PIECES_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    };
    const pool = job.split ? new ReaderAndWorkers(job.split.workers, job.split.heap) : undefined;
    runFileJob(job, readChunks(job.name), { piece, bytes: (count) => send({ id, type: 'bytes', count }) }, pool)
      .finally(() => pool?.close())
      .then(
        (result) => send({ id, type: 'done', result }),
        (error: unknown) => send({ id, type: 'fail', message: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError }),
      );
  });
}
