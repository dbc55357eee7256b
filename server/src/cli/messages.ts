/**
 * `sipls messages [--json] FILE…|-`: one line per SIP message found, with where it is, what it is,
 * and what the log said around it. Text for people, JSON lines (fixed keys) for scripts.
 */
import type { FileJob } from './fileJob';
import { EXIT_OK, UsageError, type CliIo } from './io';
import { parseJobs, prepare } from './run';

export const MESSAGES_USAGE = `Usage: sipls messages [--json] FILE...

Lists every SIP message in SIP message files and trace logs (format detected from the text).
FILE may be - for standard input.

Options:
  --json    one JSON object per line with the keys index, line, kind, method, code, reason,
            callId, cseq, timestamp, direction, src, dst, transport, format (null when absent)
  --jobs N  worker threads for several files (default: one per core for inputs over 4 MB)
  -h, --help
Files are streamed (memory stays flat whatever their size); a progress bar shows on stderr when it is a terminal.
Exit codes: 0 success (also when no message is found), 2 usage or I/O error.
`;

export function runMessages(args: readonly string[], io: CliIo): number | Promise<number> {
  let json = false;
  let jobs: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      io.stdout(MESSAGES_USAGE);
      return EXIT_OK;
    } else if (arg === '--jobs') jobs = parseJobs('messages', args[++i] ?? '');
    else if (arg.startsWith('--jobs=')) jobs = parseJobs('messages', arg.slice('--jobs='.length));
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`messages: unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('messages: missing FILE (use - for standard input)');
  // Opens every input now: a missing file is reported before any output, not half-way through.
  const { inputs, write, run } = prepare(files, jobs, 'sipls messages', io);
  const fileJobs: FileJob[] = inputs.map((input) => ({ kind: 'messages', name: input.name, json, header: !json && inputs.length > 1 }));
  return run(fileJobs, { piece: (_index, text) => write(text), done: () => undefined }).then(() => EXIT_OK);
}
