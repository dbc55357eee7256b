/**
 * What `check` and `messages` share: opening the inputs, choosing between this thread and a worker
 * pool, the progress bar, and writing output as it comes without letting it pile up.
 */
import { availableParallelism } from 'node:os';
import type { FileJob } from './fileJob';
import { openInputs, type InputFile } from './input';
import { runJobs, type JobConsumer } from './jobs';
import { ProgressBar } from './progress';
import { UsageError, type CliIo } from './io';

/** Below this much input, starting workers costs more than it saves (unless --jobs asks for them). */
const POOL_THRESHOLD = 4 << 20;
/** A single file this large is read in one worker whose heap is capped, which keeps memory flat. */
const ISOLATE_THRESHOLD = 16 << 20;
/** A single file this large is checked by two threads when there are two cores (see workersFor). */
const SPLIT_THRESHOLD = 64 << 20;
/**
 * Threads a single file gets by default: every extra thread is another heap (about 30 MB), so the
 * default stops at two, which keeps a 1 GB check under 200 MB RSS; --jobs N asks for more.
 */
const DEFAULT_SPLIT = 2;

/** Parses the value of --jobs. */
export function parseJobs(command: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${command}: --jobs needs a positive number, not "${value}"`);
  return Number(value);
}

/**
 * Worker threads for these inputs (0: this thread): one per core for several files; for a single
 * file, two when it is very large, splitting pays (`splits`) and two cores are free to this process,
 * else one when it is large; none for small inputs, standard input or --jobs 1.
 */
export function workersFor(inputs: readonly InputFile[], jobs: number | undefined, splits = false, cores = availableParallelism()): number {
  if (jobs === 1 || inputs.some((input) => input.name === '-')) return 0;
  const total = inputs.reduce((sum, input) => sum + (input.size ?? 0), 0);
  // One file: --jobs N splits its windows between N threads (check only).
  if (inputs.length === 1) {
    if (jobs !== undefined) return jobs;
    if (splits && total >= SPLIT_THRESHOLD && cores >= 2) return Math.min(cores, DEFAULT_SPLIT);
    return total >= ISOLATE_THRESHOLD ? 1 : 0;
  }
  if (jobs !== undefined) return jobs;
  return total < POOL_THRESHOLD ? 0 : cores;
}

/**
 * Opens the inputs (throwing a UsageError before any output) and returns a function that runs the
 * jobs, with a progress bar on stderr when it is a terminal.
 */
export interface Prepared {
  readonly inputs: readonly InputFile[];
  /** Writes to stdout, erasing the progress bar first and waiting for a slow pipe. */
  readonly write: (text: string) => Promise<void>;
  readonly run: (jobs: readonly FileJob[], consumer: JobConsumer) => Promise<void>;
}

/** `splits`: splitting one file between threads pays off for this command (`check` without the trace checks; see runJobs). */
export function prepare(names: readonly string[], jobs: number | undefined, label: string, io: CliIo, splits = false): Prepared {
  const inputs = openInputs(names);
  const sizes = inputs.map((input) => input.size);
  const total = sizes.every((size) => size !== null) ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0) : null;
  const progress = new ProgressBar({ write: io.stderr, tty: io.stderrColumns !== undefined, ...(io.stderrColumns !== undefined ? { columns: io.stderrColumns } : {}), total, label });
  const workers = workersFor(inputs, jobs, splits);
  // Output and the bar share the terminal: the bar is erased before each write and redrawn on the next read.
  const write = async (text: string): Promise<void> => {
    progress.finish();
    io.stdout(text);
    if (io.drain) await io.drain();
  };
  const run = async (fileJobs: readonly FileJob[], consumer: JobConsumer): Promise<void> => {
    try {
      // One large file: a tight heap keeps RSS flat (about 190 MB). A pool: V8's own sizing (still flat
      // in the file's size, but larger), as a cap costs each worker much more garbage collection.
      // One file split between threads: each of the reader's workers holds a window or two; the
      // reader holds a few windows and the trace checks' state (its own cap is in jobs.ts).
      const heap = inputs.length === 1 ? (workers >= 2 ? { oldMb: 32, youngMb: 8 } : { oldMb: 160, youngMb: 16 }) : undefined;
      await runJobs(fileJobs, consumer, { workers, ...(heap ? { heap } : {}), onBytes: (count) => progress.add(count) });
    } finally {
      progress.finish();
    }
  };
  return { inputs, write, run };
}
