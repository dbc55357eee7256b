/**
 * `sipls check`: the validator for CI. One line per finding (FILE:LINE:COL: SEVERITY CHECK-ID
 * message) and a summary, or JSON; exit 1 when any error is found, 2 for usage or I/O problems.
 */
import { checkById, isLevel, type Level, type Severity } from '../core/features/validate';
import { traceChecksRun } from '../core/stream';
import type { FileJob, JobResult } from './fileJob';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { parseJobs, prepare } from './run';

export const CHECK_USAGE = `Usage: sipls check [--format text|json] [--min-severity LEVEL] [--rule ID=LEVEL]... FILE...

Checks SIP message files and trace logs (format detected from the text). FILE may be - for stdin.

Options:
  --format text|json     text (default): FILE:LINE:COL: SEVERITY CHECK-ID message, then a summary
  --min-severity LEVEL   show only findings at LEVEL or above: error, warning, information, hint (default);
                         checks that cannot report at LEVEL are not run
  --rule ID=LEVEL        set a check's level: off, hint, information, warning or error (repeatable)
  --jobs N               worker threads: several files are shared out, one file's windows are (default:
                         one per core for several files over 4 MB; for one file, two over 64 MB when
                         there are two cores and the trace checks are left out, else one over 16 MB)
  -h, --help
Check ids and what they catch: server/CHECKS.md.
Files are streamed (memory stays flat whatever their size); a progress bar shows on stderr when it is a terminal.
Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
`;

interface CheckArgs {
  format: 'text' | 'json';
  minSeverity: Severity;
  levels: Record<string, Level>;
  jobs: number | undefined;
  files: string[];
}

function parseArgs(args: readonly string[]): CheckArgs | null {
  const parsed: CheckArgs = { format: 'text', minSeverity: 'hint', levels: {}, jobs: undefined, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (name: string): string => {
      const inline = arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = args[++i];
      if (next === undefined) throw new UsageError(`check: ${name} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') return null;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const format = value('--format');
      if (format !== 'text' && format !== 'json') throw new UsageError(`check: --format must be text or json, not "${format}"`);
      parsed.format = format;
    } else if (arg === '--min-severity' || arg.startsWith('--min-severity=')) {
      const level = value('--min-severity');
      if (!isLevel(level) || level === 'off') throw new UsageError(`check: --min-severity must be error, warning, information or hint, not "${level}"`);
      parsed.minSeverity = level;
    } else if (arg === '--rule' || arg.startsWith('--rule=')) {
      const rule = value('--rule');
      const [id = '', level = ''] = rule.split('=');
      if (!checkById(id)) throw new UsageError(`check: unknown check id "${id}" in --rule (see server/CHECKS.md)`);
      if (!isLevel(level)) throw new UsageError(`check: --rule ${id} needs a level: off, hint, information, warning or error`);
      parsed.levels[id] = level;
    } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      parsed.jobs = parseJobs('check', value('--jobs'));
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`check: unknown option ${arg}`);
    } else parsed.files.push(arg);
  }
  if (parsed.files.length === 0) throw new UsageError('check: missing FILE (use - for standard input)');
  return parsed;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function runCheck(args: readonly string[], io: CliIo): number | Promise<number> {
  const options = parseArgs(args);
  if (!options) {
    io.stdout(CHECK_USAGE);
    return EXIT_OK;
  }
  // Opens every input now: a missing or unreadable file stops the command before any output.
  // Splitting one file pays only without the trace checks: with them, every message's facts cross
  // to the merging thread and the trace checks run there, and two shared cores gained nothing.
  const splits = !traceChecksRun({ levels: options.levels, minSeverity: options.minSeverity });
  const { inputs, write, run } = prepare(options.files, options.jobs, 'sipls check', io, splits);
  const json = options.format === 'json';
  const jobs: FileJob[] = inputs.map((input) => ({ kind: 'check', name: input.name, output: options.format, minSeverity: options.minSeverity, levels: options.levels }));
  return (async (): Promise<number> => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    let messages = 0;
    // JSON gives each file's message count before its diagnostics: those wait for the end of their file.
    let diagnostics: string[] = [];
    if (json) await write('{"files":[');
    await run(jobs, {
      piece: async (_index, text) => {
        if (json) diagnostics.push(text);
        else await write(text);
      },
      done: async (index, result: JobResult) => {
        for (const severity of Object.keys(counts) as Severity[]) counts[severity] += result.counts[severity];
        messages += result.messages;
        if (!json) return;
        const head = `${index > 0 ? ',' : ''}{"file":${JSON.stringify(inputs[index]?.name ?? '')},"format":${JSON.stringify(result.format)},"messages":${result.messages},"diagnostics":[`;
        await write(`${head}${diagnostics.join(',')}]}`);
        diagnostics = [];
      },
    });
    if (json) await write(']}\n');
    else await write(`${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')} in ${plural(messages, 'message')}, ${plural(inputs.length, 'file')}\n`);
    return counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
  })();
}
