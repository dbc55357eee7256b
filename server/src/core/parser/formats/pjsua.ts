/**
 * pjsua's log (pjproject's pj_log with the default decoration): every record starts with the time,
 * the sender right-aligned in 22 columns, a `!` when the logging thread changed, and one dot per
 * indent level. The message logger writes one record per packet:
 *   11:42:03.142           pjsua_core.c  ...TX 544 bytes Request msg REGISTER/cseq=47212 (tdta0x55d1b2c5f8a8) to UDP 192.0.2.10:5060:
 * then the packet as it travelled (CRLF kept), an LF, and `--end msg--`. The frame is everything
 * between the announcement and that closing line (or the next announcement, if a log was cut).
 */
import { scanLines, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport, peerContext } from './blocks';
import { endsWithTrimmed } from './logLines';
import type { TraceFormat } from './types';

const ANNOUNCEMENT = /(?:^|[ .!])(TX|RX) (\d+) bytes (?:Request|Response) msg \S+ \([^)]*\) (?:to|from) ([A-Za-z0-9]+) (\S+):(\d+):\s*$/;
/** The record's time, with the optional date or day name pj_log can add before it. */
const TIME = /^(?:(?:\d{4}-\d\d-\d\d|[A-Z][a-z]{2}) )*\d\d:\d\d:\d\d\.\d+/;
const END = '--end msg--';
const SAMPLE = /(?:TX|RX) \d+ bytes (?:Request|Response) msg \S+ \([^)]*\) (?:to|from) [A-Za-z0-9]+ \S+:\r?$/m;

interface Announcement {
  readonly sent: boolean;
  readonly timestamp: string | null;
  readonly transport: string | null;
  readonly peer: string | null;
}

/** The announcement on line i; only lines ending with ":" reach the pattern. */
function announcementAt(text: string, lines: MutableLineTable, i: number): Announcement | null {
  const start = lines.starts[i] ?? 0;
  const end = lines.ends[i] ?? start;
  if (!endsWithTrimmed(text, start, end, ':')) return null;
  const line = text.slice(start, end);
  const match = ANNOUNCEMENT.exec(line);
  if (!match) return null;
  // pjsip names IPv6 transports "UDP6", "TCP6", "TLS6".
  const type = (match[3] ?? '').replace(/6$/, '');
  return {
    sent: match[1] === 'TX',
    timestamp: TIME.exec(line)?.[0] ?? null,
    transport: normalizeTransport(type),
    peer: normalizeAddress(match[4], match[5]),
  };
}

function frames(text: string): Frame[] {
  const lines = scanLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  for (let i = 0; i < count; i++) {
    const announced = announcementAt(text, lines, i);
    if (!announced) continue;
    let next = i + 1;
    while (next < count && !text.startsWith(END, lines.starts[next] ?? 0) && !announcementAt(text, lines, next)) next++;
    if (next > i + 1) {
      result.push({
        lines,
        from: i + 1,
        to: next,
        context: peerContext(
          'pjsua',
          { timestamp: announced.timestamp, direction: announced.sent ? 'sent' : 'received', transport: announced.transport, peer: announced.peer },
          { start: lines.starts[i] ?? 0, end: lines.ends[i] ?? 0 },
        ),
      });
    }
    i = next - 1;
  }
  return result;
}

function detect(sample: string): number {
  if (!SAMPLE.test(sample)) return 0;
  return sample.includes(END) ? 100 : 90;
}

export const PJSUA_FORMAT: TraceFormat = {
  id: 'pjsua',
  label: 'pjsua / pjproject log',
  detection: '"TX 544 bytes Request msg REGISTER/cseq=47212 (tdta0x…) to UDP 192.0.2.10:5060:" … "--end msg--"',
  detect,
  frames,
};
