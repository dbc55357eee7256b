/**
 * FreeSWITCH's `sofia global siptrace on`, as it lands in freeswitch.log. mod_sofia hands sofia-sip's
 * transport log to FreeSWITCH's logger without the usual date/level prefix, amid FreeSWITCH's own
 * records (`[uuid ]2024-05-20 10:31:07.131560 99.37% [NOTICE] sofia.c:7089 ...`). Each message
 * starts with sofia's stamp, which names the direction, the size, the far end (always bracketed)
 * and the time of day:
 *   recv 551 bytes from udp/[192.0.2.101]:5060 at 10:30:58.401173:
 * then a line of 72 dashes. With CRs stripped, the message follows in one of two layouts:
 * - sofia-sip 1.13 and later (FreeSWITCH 1.10.7+): flush left, and nothing closes it; a body runs
 *   straight into the next stamp or record. The frame ends where the stamp's byte count runs out
 *   (see readFlush), or at the next stamp or record.
 * - the older bundled sofia-sip: every line indented by three spaces (an empty line is just the
 *   indent), closed by the indented dashes again; `   *** message truncated at N ***` may follow,
 *   which becomes a `log-truncated` problem on the message.
 * Lines are counted as CRLF on the wire (the CRs were stripped); when the count shows the last
 * line had no line break, it counts none.
 */
import { emptyLineTable, pushLine, scanLines, utf8Length, type MutableLineTable } from '../lines';
import type { LogContext, ParseProblem } from '../model';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport } from './blocks';
import { skipAnsiStart } from './decoration';
import type { TraceFormat } from './types';

const STAMP = /^(send|recv) (\d+) bytes (?:to|from) (\w+)\/\[([^\]]*)\]:(\d+)\S* at (\d\d:\d\d:\d\d\.\d+):\s*$/;
const DASHES = '-'.repeat(72);
const INDENT = '   ';
const TRUNCATED = '   *** message truncated';
/** A FreeSWITCH log record: an optional session UUID, the date and time, an optional CPU idle figure, the level. */
const RECORD = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} (?:[\d.]+% )?\[[A-Z]+\] /;
const SAMPLE_RECORD = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} (?:[\d.]+% )?\[[A-Z]+\] [\w.-]+\.c:\d+ /m;
const SAMPLE_STAMP = /^(?:send|recv) \d+ bytes (?:to|from) \w+\/\[[^\]]*\]:\d+\S* at \d\d:\d\d:\d\d\.\d+:\r?\n( {3})?-{72}\r?$/m;

interface Stamp {
  readonly bytes: number;
  readonly context: LogContext;
}

function readStamp(text: string, start: number, end: number): Stamp | null {
  if (end - start < 30 || (!text.startsWith('recv ', start) && !text.startsWith('send ', start))) return null;
  const match = STAMP.exec(text.slice(start, end));
  if (!match) return null;
  const received = match[1] === 'recv';
  const peer = normalizeAddress(match[4], match[5]);
  return {
    bytes: Number(match[2]),
    context: {
      format: 'freeswitch',
      timestamp: match[6] ?? null,
      direction: received ? 'received' : 'sent',
      transport: normalizeTransport(match[3]),
      src: received ? peer : null,
      dst: received ? null : peer,
      frameSpan: { start, end },
      bodyVerbatim: true,
    },
  };
}

/** True for a FreeSWITCH record line (a cheap look at the first characters before the pattern). */
function isRecord(text: string, start: number, end: number): boolean {
  const from = skipAnsiStart(text, start, end);
  const c = text.charCodeAt(from);
  const hex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
  if (!hex || (text.charCodeAt(from + 4) !== 45 /* - */ && text.charCodeAt(from + 8) !== 45)) return false;
  return RECORD.test(text.slice(from, Math.min(end, from + 80)));
}

/** 0 for no separator, else the separator's indent plus one (flush left: 1, indented: 4). */
function separatorAt(text: string, start: number, end: number): number {
  if (end - start === DASHES.length && text.startsWith(DASHES, start)) return 1;
  if (end - start === DASHES.length + 3 && text.startsWith(INDENT, start) && text.startsWith(DASHES, start + 3)) return 4;
  return 0;
}

/** True where the log's own text resumes: the next stamp or a FreeSWITCH record. */
function isStop(text: string, start: number, end: number): boolean {
  return readStamp(text, start, end) !== null || isRecord(text, start, end);
}

/** The older layout: indented lines up to the closing dashes, then maybe the truncation notice; returns the next physical line. */
function readIndented(text: string, physical: MutableLineTable, first: number, stamp: Stamp, logical: MutableLineTable, problems: ParseProblem[]): number {
  const count = physical.starts.length;
  const from = logical.starts.length;
  let left = stamp.bytes;
  let i = first;
  for (; i < count; i++) {
    const start = physical.starts[i] ?? 0;
    const end = physical.ends[i] ?? start;
    if (separatorAt(text, start, end) === 4) {
      i++;
      break;
    }
    if (isStop(text, start, end)) break;
    const content = text.startsWith(INDENT, start) ? start + 3 : start;
    pushLine(logical, content, end, physical.breaks[i] ?? end, 2);
    left -= utf8Length(text, content, end) + 2;
  }
  // Two bytes over: the message's last line had no line break.
  const last = logical.starts.length - 1;
  if (left === -2 && last >= from) logical.breakBytes[last] = 0;
  if (i < count && text.startsWith(TRUNCATED, physical.starts[i] ?? 0)) {
    problems.push({ code: 'log-truncated', message: 'sofia-sip says it cut this message short in the log.', span: { start: physical.starts[i] ?? 0, end: physical.ends[i] ?? 0 } });
    i++;
  }
  return i;
}

interface SizeEnd {
  readonly next: number;
  /** The count ran out at the last line's text: it had no line break. */
  readonly bare: boolean;
}

/** Where `bytes` run out over lines [from, to) when each line break counts `perBreak` bytes; null unless exactly at a line's end. */
function sizeEnd(text: string, physical: MutableLineTable, from: number, to: number, bytes: number, perBreak: number): SizeEnd | null {
  let left = bytes;
  for (let i = from; i < to; i++) {
    left -= utf8Length(text, physical.starts[i] ?? 0, physical.ends[i] ?? 0);
    if (left === 0) return { next: i + 1, bare: true };
    left -= perBreak;
    if (left === 0) return { next: i + 1, bare: false };
    if (left < 0) return null;
  }
  return null;
}

/**
 * The current layout: flush-left lines and no closing line. The announced size says where the
 * message ends, counted with CRLF line breaks (the CRs were stripped) or, for a peer that sent bare
 * LFs, with LF ones; the reading that ends right before the next stamp or record wins, and CRLF
 * otherwise. Returns the next physical line.
 */
function readFlush(text: string, physical: MutableLineTable, first: number, stamp: Stamp, logical: MutableLineTable): number {
  const count = physical.starts.length;
  let guard = first;
  while (guard < count && !isStop(text, physical.starts[guard] ?? 0, physical.ends[guard] ?? 0)) guard++;
  const crlf = sizeEnd(text, physical, first, guard, stamp.bytes, 2);
  const lf = crlf?.next === guard ? null : sizeEnd(text, physical, first, guard, stamp.bytes, 1);
  const chosen = crlf?.next === guard ? crlf : lf?.next === guard ? lf : crlf;
  const perBreak = chosen !== null && chosen === lf ? 1 : 2;
  const to = chosen?.next ?? guard;
  for (let i = first; i < to; i++) {
    const end = physical.ends[i] ?? 0;
    pushLine(logical, physical.starts[i] ?? 0, end, physical.breaks[i] ?? end, i === to - 1 && chosen?.bare ? 0 : perBreak);
  }
  return guard;
}

function frames(text: string): Frame[] {
  const physical = scanLines(text);
  const logical = emptyLineTable();
  const result: Frame[] = [];
  const count = physical.starts.length;
  for (let i = 0; i < count; ) {
    const stamp = readStamp(text, physical.starts[i] ?? 0, physical.ends[i] ?? 0);
    const separator = stamp && i + 1 < count ? separatorAt(text, physical.starts[i + 1] ?? 0, physical.ends[i + 1] ?? 0) : 0;
    if (!stamp || separator === 0) {
      i++;
      continue;
    }
    const from = logical.starts.length;
    const problems: ParseProblem[] = [];
    i = separator === 4 ? readIndented(text, physical, i + 2, stamp, logical, problems) : readFlush(text, physical, i + 2, stamp, logical);
    if (logical.starts.length > from) {
      result.push({ lines: logical, from, to: logical.starts.length, context: stamp.context, ...(problems.length > 0 ? { problems } : {}) });
    }
  }
  return result;
}

function detect(sample: string): number {
  const stamp = SAMPLE_STAMP.exec(sample);
  if (!stamp) return 0;
  if (SAMPLE_RECORD.test(sample)) return 100;
  // Without FreeSWITCH's own records, indented blocks are plain sofia-sip; flush-left ones are
  // sofia-sip 1.13's, which FreeSWITCH is by far the main user of.
  return stamp[1] === undefined ? 60 : 0;
}

export const FREESWITCH_FORMAT: TraceFormat = {
  id: 'freeswitch',
  label: 'FreeSWITCH siptrace (freeswitch.log)',
  detection: 'sofia stamps "recv 551 bytes from udp/[192.0.2.101]:5060 at 10:30:58.401173:" + 72 dashes, amid "2024-05-20 10:30:58.395021 [NOTICE] file.c:line" records',
  detect,
  frames,
};
