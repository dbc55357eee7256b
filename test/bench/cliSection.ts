/**
 * `sipls check` on a 1 GB SIPp trace, written to a temporary folder and removed afterwards: speed and
 * peak RSS, whatever the command does today. The baseline is `grep -c` of start lines over the same
 * file, the speed of just reading it line by line.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeCommand } from './processes';
import { mb, ms, rate, type Section } from './table';
import { freeBytes, writeTraceFile } from './traceFiles';

const GNU_TIME = '/usr/bin/time';

export interface CheckRun {
  readonly ms: number;
  readonly status: number | null;
  readonly peakRssBytes?: number;
  readonly stderr: string;
}

/** Reads `/usr/bin/time -v`'s report: the wall time, the exit status and the peak resident set. */
export function parseGnuTime(report: string): { peakRssBytes?: number; exitStatus?: number } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  const status = /Exit status: (\d+)/.exec(report);
  return {
    ...(rss ? { peakRssBytes: Number(rss[1]) * 1024 } : {}),
    ...(status ? { exitStatus: Number(status[1]) } : {}),
  };
}

function runCheck(cli: string, file: string): CheckRun {
  const command = [process.execPath, cli, 'check', '--min-severity', 'warning', file];
  if (!existsSync(GNU_TIME)) {
    const result = timeCommand(0, command[0] ?? '', command.slice(1));
    return { ms: result.ms, status: result.status, stderr: result.stderr };
  }
  const result = timeCommand(0, GNU_TIME, ['-v', ...command]);
  const report = parseGnuTime(result.stderr);
  const own = result.stderr.split('\n').filter((line) => !/^\t|^Command exited/.test(line)).join('\n').trim();
  return { ms: result.ms, status: report.exitStatus ?? result.status, stderr: own, ...(report.peakRssBytes !== undefined ? { peakRssBytes: report.peakRssBytes } : {}) };
}

export function cliSection(cli: string, sizeMb: number): Section {
  const title = `\`sipls check\` on a ${sizeMb >= 1000 ? `${sizeMb / 1000} GB` : `${sizeMb} MB`} trace`;
  const bytes = sizeMb * 1e6;
  const base = tmpdir();
  const free = freeBytes(base);
  if (free < bytes * 2) return { title, intro: '', rows: [], notes: [`Skipped: ${base} has ${mb(free)} free, and the trace needs ${mb(bytes)} with room to spare.`] };
  const folder = mkdtempSync(join(base, 'sipls-bench-'));
  try {
    const file = join(folder, 'trace.log');
    const trace = writeTraceFile(file, 'sipp', bytes);
    const grep = timeCommand(0, 'grep', ['-c', '-E', '^(SIP/2\\.0 [0-9]{3} |[A-Z]+ [^ ]+ SIP/2\\.0)', file]);
    const check = runCheck(cli, file);
    const ok = check.status === 0 || check.status === 1;
    const speed = trace.bytes / 1e6 / (check.ms / 1000);
    const grepSpeed = trace.bytes / 1e6 / (grep.ms / 1000);
    const rss = check.peakRssBytes;
    const reason = (check.stderr.split('\n')[0] ?? '').split(file).join('FILE');
    const rows = [
      { figure: `throughput (exit ${check.status})`, budget: '≥ 100 MB/s', measured: ok ? `${rate(speed, 'MB/s')} (${ms(check.ms)})` : `none: stopped after ${ms(check.ms)}`, baseline: `grep -c of start lines: ${rate(grepSpeed, 'MB/s')} (${grep.stdout.trim()} found)`, ...(ok ? { ratio: speed / grepSpeed } : {}), pass: ok && speed >= 100 },
      { figure: 'peak RSS', budget: '≤ 200 MB', measured: rss === undefined ? 'n/a (no /usr/bin/time)' : mb(rss), baseline: `the file: ${mb(trace.bytes)}`, ...(rss === undefined ? {} : { ratio: rss / trace.bytes, pass: ok && rss <= 200e6 }) },
    ];
    const notes: string[] = [];
    if (!ok) {
      notes.push(
        `Not met: the command stopped with exit ${check.status} and \`${reason}\`. ${/string longer/.test(reason) ? 'It reads the whole file into one string before parsing, and V8 cannot hold a string over 2^29 - 24 characters (about 537 MB); peak RSS is the file\'s bytes.' : ''} It would take the streamed reader: split the input at message boundaries in chunks of a few MB, parse and check each chunk, keep only the per-call facts the trace-level checks need, and print findings as they come.`,
      );
    } else {
      if (speed < 100) notes.push(`Throughput is under 100 MB/s: with --min-severity warning the information and hint checks and the trace checks are left out (nothing they report could be shown), and what remains is parsing (about 40%) and the message checks, on one core. It would take the parser at well over 100 MB/s and cheaper checks; --jobs 2 splits one file between two workers, but each window is parsed twice (once to find where to cut), so it pays only on a free second core. With every check on, the same file runs at about 16 MB/s and peaks just over 200 MB RSS (measured by hand, README).`);
      if (rss !== undefined && rss > 200e6) notes.push(`Memory is not flat: peak RSS ${mb(rss)} for ${mb(trace.bytes)}; it would take reading in bounded chunks and dropping each chunk's model once checked.`);
    }
    return {
      title,
      intro: `A ${mb(trace.bytes)} SIPp trace (${trace.messages.toLocaleString('en-US')} messages) written to a temporary folder and removed afterwards; \`node out/server/src/cli/main.js check --min-severity warning FILE\` (the \`sipls\` bin) under \`/usr/bin/time -v\`, pinned to CPU 0; one run.`,
      rows,
      notes,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
