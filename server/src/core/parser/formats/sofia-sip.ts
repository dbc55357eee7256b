/**
 * sofia-sip's transport-layer traces (here from its sip-options tool, switched on by environment
 * variables). Both kinds start each message with a stamp line: `send 298 bytes to udp/[127.0.0.1]:5270 at 20:52:46.953271:` (or `recv ... from ...`;
 * the dump says `sent`), naming only the far end, with the wall-clock time and no date.
 * - TPORT_LOG: the message sits between two lines of three spaces and 72 dashes, every line indented
 *   by three spaces and its CR dropped (the empty line closing the headers is just the indent). The
 *   indent is stripped, and each line counts as CRLF on the wire; when the stamp's byte count shows
 *   that the last line had no line break, it counts none. A `*** message truncated at N ***` line
 *   after the closing dashes means the tool cut the message.
 * - TPORT_DUMP: the file opens with `dump started at ...`; each message follows its stamp byte for
 *   byte (CRLF kept, no indent) and ends with a line holding one vertical tab.
 * FreeSWITCH's siptrace prints the same stamps amid its own log records; detection leaves such logs
 * to the freeswitch format.
 */
import { emptyLineTable, pushLine, type MutableLineTable } from '../lines';
import type { LogContext, ParseProblem } from '../model';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport } from './blocks';
import type { TraceFormat } from './types';

const STAMP = /^(send|sent|recv) (\d+) bytes (to|from) (\w+)\/\[([^\]]*)\]:(\d+)\S* at (\d\d:\d\d:\d\d\.\d+):$/;
const DASHES = '-'.repeat(72);
const TRUNCATED = '   *** message truncated';
const VT = 11;

interface Stamp {
  context: LogContext;
  bytes: number;
}

/** A cheap test on the first characters, then the pattern: is this line a stamp? */
function readStamp(text: string, start: number, end: number): Stamp | null {
  if (end - start < 30) return null;
  if (!text.startsWith('send ', start) && !text.startsWith('recv ', start) && !text.startsWith('sent ', start)) return null;
  const m = STAMP.exec(text.slice(start, end));
  if (!m) return null;
  const received = m[3] === 'from';
  const peer = normalizeAddress(m[5], m[6]);
  return {
    bytes: Number(m[2]),
    context: {
      format: 'sofia-sip',
      timestamp: m[7] ?? null,
      direction: received ? 'received' : 'sent',
      transport: normalizeTransport(m[4]),
      src: received ? peer : null,
      dst: received ? null : peer,
      frameSpan: { start, end },
      bodyVerbatim: true,
    },
  };
}

/** The dashes around a logged message: indented by three spaces (some builds print them flush left). */
function isSeparator(text: string, start: number, end: number): boolean {
  const indent = end - start - DASHES.length;
  return (indent === 3 || indent === 0) && text.startsWith(DASHES, start + indent) && (indent === 0 || text.startsWith('   ', start));
}

/** Where the line starting at `start` ends (before CR LF), and where the next one starts. */
interface Line {
  end: number;
  next: number;
}

function lineAt(text: string, start: number, line: Line): Line {
  let lf = text.indexOf('\n', start);
  if (lf === -1) lf = text.length;
  line.end = lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
  line.next = lf + 1;
  return line;
}

/** TPORT_LOG: indented lines up to the closing dashes; returns where reading resumes. */
function readLogged(text: string, from: number, stamp: Stamp, logical: MutableLineTable, problems: ParseProblem[]): number {
  const first = logical.starts.length;
  const line: Line = { end: 0, next: 0 };
  let chars = 0;
  let pos = from;
  while (pos < text.length) {
    lineAt(text, pos, line);
    if (isSeparator(text, pos, line.end)) {
      pos = line.next;
      break;
    }
    if (readStamp(text, pos, line.end)) break;
    const content = text.startsWith('   ', pos) ? pos + 3 : pos;
    pushLine(logical, content, line.end, Math.min(line.next, text.length), 2);
    chars += line.end - content + 2;
    pos = line.next;
  }
  // The tool drops CRs, so every line was counted as CRLF; two bytes too many means the last had
  // none. Characters stand in for bytes (no second pass over the text): SIP text is ASCII.
  const last = logical.starts.length - 1;
  if (last >= first && chars === stamp.bytes + 2) logical.breakBytes[last] = 0;
  if (text.startsWith(TRUNCATED, pos)) {
    lineAt(text, pos, line);
    problems.push({ code: 'log-truncated', message: 'sofia-sip says it cut this message short in the log.', span: { start: pos, end: line.end } });
    pos = line.next;
  }
  return pos;
}

/** TPORT_DUMP: the message as sent, up to the vertical-tab line; returns where reading resumes. */
function readDumped(text: string, from: number, logical: MutableLineTable): number {
  const line: Line = { end: 0, next: 0 };
  let pos = from;
  while (pos < text.length) {
    lineAt(text, pos, line);
    const { end, next } = line;
    if (end > pos && text.charCodeAt(end - 1) === VT) {
      // A message without a final CRLF has the tab glued to its last line.
      if (end - 1 > pos) pushLine(logical, pos, end - 1, end - 1, 0);
      return next;
    }
    if (readStamp(text, pos, end)) return pos;
    pushLine(logical, pos, end, Math.min(next, text.length), next > text.length ? 0 : next - end);
    pos = next;
  }
  return pos;
}

/** Stamp lines are found by one native regex pass; the lines between them are read one by one. */
const STAMP_AT = /(?:^|\n)(?:send|sent|recv) \d+ bytes (?:to|from) /g;

function frames(text: string): Frame[] {
  const logical = emptyLineTable();
  const result: Frame[] = [];
  const line: Line = { end: 0, next: 0 };
  let pos = 0;
  while (pos < text.length) {
    // From just before `pos`, so that a stamp starting right at `pos` is seen through its "\n".
    STAMP_AT.lastIndex = pos > 0 ? pos - 1 : 0;
    const hit = STAMP_AT.exec(text);
    if (!hit) break;
    const start = text.charCodeAt(hit.index) === 10 ? hit.index + 1 : hit.index;
    lineAt(text, start, line);
    const stamp = readStamp(text, start, line.end);
    pos = line.next;
    if (!stamp) continue;
    const from = logical.starts.length;
    const problems: ParseProblem[] = [];
    const afterStamp = line.next;
    lineAt(text, afterStamp, line);
    if (afterStamp < text.length && isSeparator(text, afterStamp, line.end)) {
      pos = readLogged(text, line.next, stamp, logical, problems);
    } else {
      pos = readDumped(text, afterStamp, logical);
    }
    if (logical.starts.length > from) {
      result.push({ lines: logical, from, to: logical.starts.length, context: stamp.context, ...(problems.length > 0 ? { problems } : {}) });
    }
  }
  return result;
}

const LOGGED_STAMP = /^(?:send|recv) \d+ bytes (?:to|from) \w+\/\[[^\]]*\]:\d+\S* at \d\d:\d\d:\d\d\.\d+:\r?\n {3}-{72}\r?$/m;
const DUMPED_STAMP = /^(?:sent|recv) \d+ bytes (?:to|from) \w+\/\[[^\]]*\]:\d+\S* at \d\d:\d\d:\d\d\.\d+:\r?\n(?:SIP\/2\.0 \d|[A-Za-z]+ \S+ SIP\/2\.0\r?$)/m;
/** A FreeSWITCH log record ("2017-06-14 11:02:33.451207 [NOTICE] sofia_reg.c:411 ..."): its own format then. */
const FREESWITCH_RECORD = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} (?:[\d.]+% )?\[[A-Z]+\] [\w.-]+\.c:\d+ /m;

function detect(sample: string): number {
  const logged = LOGGED_STAMP.test(sample);
  if (!logged && !DUMPED_STAMP.test(sample)) return sample.startsWith('dump started at ') ? 40 : 0;
  // FreeSWITCH's siptrace prints these same stamps amid its own records; leave those logs to it.
  return FREESWITCH_RECORD.test(sample) ? 10 : 100;
}

export const SOFIA_SIP_FORMAT: TraceFormat = {
  id: 'sofia-sip',
  label: 'sofia-sip (TPORT_LOG / TPORT_DUMP)',
  detection: 'stamp lines "send 298 bytes to udp/[127.0.0.1]:5270 at 20:52:46.953271:" (recv … from …; "sent" and "dump started at" in a dump)',
  detect,
  frames,
};
