#!/usr/bin/env node
/**
 * The `sipls` command. Each subcommand is a function over the core; this file only dispatches,
 * maps errors to exit codes, and keeps any exception from escaping as a stack trace.
 */
import { CHECK_USAGE, runCheck } from './check';
import { EXPLAIN_USAGE, runExplain } from './explain';
import { FLOW_USAGE, runFlow } from './flow';
import { MESSAGES_USAGE, runMessages } from './messages';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { WORKER_ROLE } from './jobs';
import { serveJobs } from './worker';
import { INSTALL_ROOT } from '../installRoot';
import { isMainThread, workerData } from 'node:worker_threads';

/** The version in package.json, the one source of truth for it (found from out/ or dist/ alike). */
const VERSION = INSTALL_ROOT.version;

const USAGE = `sipls ${VERSION}: SIP language support for editors and CI

Usage:
  sipls explain TOPIC [--json]   explain a code, phrase, method, header, option tag, event, warning or Q.850 cause
  sipls messages [--json] FILE…  list the SIP messages in message files and trace logs
  sipls check [options] FILE…    check messages and traces (exit 1 on errors); see sipls check --help
  sipls flow FILE [options]      draw the call flow as a text ladder, Mermaid, SVG or JSON
  sipls --stdio                  run the language server over stdio (--node-ipc for VS Code)
  sipls --version
  sipls --help

Run 'sipls COMMAND --help' for details.
`;

/** Arguments that start the language server instead of a command (vscode-languageclient passes --node-ipc). */
const SERVER_FLAGS = new Set(['--stdio', '--node-ipc', '--socket', '--pipe']);

/** A usage or I/O error becomes one line on stderr and exit code 2; anything else is a bug and propagates. */
function usageFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`sipls: ${error.message}\n`);
    return EXIT_USAGE;
  }
  throw error;
}

/** The exit code; a promise of it for commands that stream their input (check, messages). */
export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'explain':
        return runExplain(rest, io);
      case 'messages':
      case 'check': {
        const result = command === 'check' ? runCheck(rest, io) : runMessages(rest, io);
        return typeof result === 'number' ? result : result.catch((error: unknown) => usageFailure(error, io));
      }
      case 'flow':
        return runFlow(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout(command !== 'help' ? USAGE : ({ explain: EXPLAIN_USAGE, messages: MESSAGES_USAGE, check: CHECK_USAGE, flow: FLOW_USAGE } as Record<string, string>)[rest[0] ?? ''] ?? USAGE);
        return EXIT_OK;
      case '-v':
      case '--version':
        io.stdout(`${VERSION}\n`);
        return EXIT_OK;
      case undefined:
        throw new UsageError('missing command (try: sipls explain 486, or sipls --help)');
      default:
        throw new UsageError(`unknown command "${command}" (try: sipls --help)`);
    }
  } catch (error) {
    return usageFailure(error, io);
  }
}

if (!isMainThread) {
  // A worker of `check` or `messages` started from this same script (see jobs.ts).
  if ((workerData as { role?: string } | null)?.role === WORKER_ROLE) serveJobs();
} else if (require.main === module && process.argv.slice(2).some((arg) => SERVER_FLAGS.has(arg.split('=')[0] ?? ''))) {
  // Loaded only here, so that `sipls explain` never pays for the LSP libraries.
  // A plain require keeps this lazy and synchronous (a dynamic import() would go through the ESM loader).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../lsp/server') as typeof import('../lsp/server')).startServer();
} else if (require.main === module) {
  // `sipls messages big.log | head` closes the pipe early: stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
    ...(process.stderr.isTTY ? { stderrColumns: process.stderr.columns } : {}),
    // Streamed output waits for a slow reader instead of queueing in memory.
    drain: () => (process.stdout.writableNeedDrain ? new Promise<void>((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
  };
  // A bug, not a user error: one line on stderr and exit 2, never a stack dump in a CI log.
  const internalError = (error: unknown): void => {
    process.stderr.write(`sipls: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  };
  try {
    const code = main(process.argv.slice(2), io);
    if (typeof code === 'number') process.exitCode = code;
    else code.then((value) => (process.exitCode = value), internalError);
  } catch (error) {
    internalError(error);
  }
}
