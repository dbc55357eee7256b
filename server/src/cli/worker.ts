/**
 * The worker-thread side of jobs.ts: runs one file job at a time and posts its output back in
 * pieces (bytes read too, for the progress bar). Errors go back as messages, never as a crash.
 */
import { parentPort } from 'node:worker_threads';
import { runFileJob, type FileJob } from './fileJob';
import { readChunks } from './input';
import { UsageError } from './io';
import type { WorkerReply } from './jobs';

/** Pieces a worker may have in flight before it waits for the main thread to write some (bounded memory). */
export const PIECES_IN_FLIGHT = 8;

export function serveJobs(): void {
  const port = parentPort;
  if (!port) return;
  const send = (reply: WorkerReply): void => port.postMessage(reply);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', (message: { id: number; job: FileJob } | { written: number }) => {
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
    runFileJob(job, readChunks(job.name), { piece, bytes: (count) => send({ id, type: 'bytes', count }) }).then(
      (result) => send({ id, type: 'done', result }),
      (error: unknown) => send({ id, type: 'fail', message: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError }),
    );
  });
}
