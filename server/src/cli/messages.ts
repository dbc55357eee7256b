/**
 * `sipls messages [--json] FILE…|-`: one line per SIP message found, with where it is, what it is,
 * and what the log said around it. Text for people, JSON lines (fixed keys) for scripts.
 */
import { parseDocument } from '../core/parser/document';
import { summarize, type MessageSummary } from '../core/features/summary';
import { readInput } from './input';
import { EXIT_OK, UsageError, type CliIo } from './io';

export const MESSAGES_USAGE = `Usage: sipls messages [--json] FILE...

Lists every SIP message in SIP message files and trace logs (format detected from the text).
FILE may be - for standard input.

Options:
  --json    one JSON object per line with the keys index, line, kind, method, code, reason,
            callId, cseq, timestamp, direction, src, dst, transport, format (null when absent)
  -h, --help
Exit codes: 0 success (also when no message is found), 2 usage or I/O error.
`;

const JSON_KEYS = ['index', 'line', 'kind', 'method', 'code', 'reason', 'callId', 'cseq', 'timestamp', 'direction', 'src', 'dst', 'transport', 'format'] as const;

function jsonLine(summary: MessageSummary): string {
  return JSON.stringify(Object.fromEntries(JSON_KEYS.map((key) => [key, summary[key]])));
}

function textLine(s: MessageSummary): string {
  const what = s.kind === 'request' ? `${s.method ?? '?'} ${s.requestUri ?? ''}`.trim() : `${s.code ?? '?'} ${s.reason ?? ''}`.trim();
  const parts = [`#${s.index}`, `line ${s.line}`, what];
  if (s.callId) parts.push(`Call-ID ${s.callId}`);
  if (s.cseq) parts.push(`CSeq ${s.cseq}`);
  if (s.timestamp) parts.push(s.timestamp);
  const route = [s.direction, s.src || s.dst ? `${s.src ?? '?'} -> ${s.dst ?? '?'}` : null, s.transport].filter(Boolean).join(' ');
  if (route) parts.push(route);
  parts.push(`[${s.format}]`);
  return parts.join('  ');
}

export function runMessages(args: readonly string[], io: CliIo): number {
  let json = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      io.stdout(MESSAGES_USAGE);
      return EXIT_OK;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`messages: unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('messages: missing FILE (use - for standard input)');
  // Read everything first: a missing file is reported before any output, not half-way through.
  const inputs = files.map(readInput);
  for (const input of inputs) {
    const summaries = summarize(input.text, parseDocument(input.text));
    if (!json && inputs.length > 1 && summaries.length > 0) io.stdout(`==> ${input.name} <==\n`);
    for (const summary of summaries) io.stdout((json ? jsonLine(summary) : textLine(summary)) + '\n');
  }
  return EXIT_OK;
}
