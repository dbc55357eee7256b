/**
 * The worker-thread side of jobs.ts: runs one file job at a time and posts its output back in
 * pieces (bytes read too, for the progress bar). Errors go back as messages, never as a crash.
 */
import { parentPort } from 'node:worker_threads';
import { runFileJob, type FileJob } from './fileJob';
import { readChunks } from './input';
import { UsageError } from './io';
import type { WorkerReply } from './jobs';

export function serveJobs(): void {
  const port = parentPort;
  if (!port) return;
  const send = (reply: WorkerReply): void => port.postMessage(reply);
  port.on('message', ({ id, job }: { id: number; job: FileJob }) => {
    runFileJob(job, readChunks(job.name), { piece: (text) => send({ id, type: 'piece', text }), bytes: (count) => send({ id, type: 'bytes', count }) }).then(
      (result) => send({ id, type: 'done', result }),
      (error: unknown) => send({ id, type: 'fail', message: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError }),
    );
  });
}
