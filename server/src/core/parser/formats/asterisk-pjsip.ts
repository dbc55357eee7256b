/**
 * Asterisk's PJSIP packet logger (`pjsip set logger on`, res_pjsip_logger). Every packet gets a
 * banner naming the direction, the kind, the exact size and the far end with its transport:
 *   <--- Received SIP request (625 bytes) from UDP:192.0.2.101:5060 --->
 *   <--- Transmitting SIP response (477 bytes) to WSS:203.0.113.45:52114 --->
 * then the packet exactly as on the wire (CRLF kept) and one extra LF. In the `full` log the banner
 * shares the record's prefixed line (or follows a line holding only the prefix); on the remote
 * console it may follow the redrawn prompt on the same line. Verbose lines come right after a
 * message with nothing in between, so the frame ends where the announced byte count runs out, or
 * earlier at the next banner or log record when the log does not hold the bytes it announced.
 */
import { utf8Length, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport, peerContext } from './blocks';
import { bannerStamp, startsLogRecord } from './asteriskLog';
import { endsWithTrimmed, scanLfLines } from './logLines';
import type { TraceFormat } from './types';

const BANNER = /^<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) ([A-Za-z]+):(\S+) --->\s*$/;
const SAMPLE_BANNER = /<--- (?:Received|Transmitting) SIP (?:request|response) \(\d+ bytes\) (?:from|to) [A-Za-z]+:\S+ --->/;

interface Banner {
  readonly at: number;
  readonly received: boolean;
  readonly bytes: number;
  readonly transport: string | null;
  readonly peer: string | null;
}

/** The banner on line i, if the line is one (it ends with `--->`, checked before any regex). */
function bannerAt(text: string, lines: MutableLineTable, i: number): Banner | null {
  const start = lines.starts[i] ?? 0;
  const end = lines.ends[i] ?? start;
  if (!endsWithTrimmed(text, start, end, ' --->')) return null;
  const line = text.slice(start, end);
  const at = line.lastIndexOf('<--- ');
  if (at === -1) return null;
  const match = BANNER.exec(line.slice(at));
  if (!match) return null;
  return {
    at: start + at,
    received: match[1] === 'Received',
    bytes: Number(match[2]),
    transport: normalizeTransport(match[3]),
    peer: normalizeAddress(match[4]),
  };
}

function frames(text: string): Frame[] {
  const lines = scanLfLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  for (let i = 0; i < count; i++) {
    const banner = bannerAt(text, lines, i);
    if (!banner) continue;
    const stamp = bannerStamp(text, lines, i, banner.at);
    // The message: until the announced size is used up, or the log's own text resumes.
    let next = i + 1;
    let left = banner.bytes;
    while (next < count && left > 0) {
      const start = lines.starts[next] ?? 0;
      const end = lines.ends[next] ?? start;
      if (startsLogRecord(text, start, end) || bannerAt(text, lines, next)) break;
      left -= utf8Length(text, start, end);
      if (left <= 0) {
        // The count ends with the line's text: the LF after it is the logger's, not the message's.
        if (left === 0) lines.breakBytes[next] = 0;
        next++;
        break;
      }
      left -= lines.breakBytes[next] ?? 0;
      next++;
    }
    if (next > i + 1) {
      result.push({
        lines,
        from: i + 1,
        to: next,
        context: peerContext(
          'asterisk-pjsip',
          { timestamp: stamp.timestamp, direction: banner.received ? 'received' : 'sent', transport: banner.transport, peer: banner.peer },
          { start: stamp.frameStart, end: lines.ends[i] ?? banner.at },
        ),
      });
    }
    i = next - 1;
  }
  return result;
}

export const ASTERISK_PJSIP_FORMAT: TraceFormat = {
  id: 'asterisk-pjsip',
  label: 'Asterisk PJSIP logger (pjsip set logger)',
  detection: 'banners "<--- Received SIP request (625 bytes) from UDP:192.0.2.101:5060 --->" / "<--- Transmitting SIP response (N bytes) to …"',
  detect: (sample) => (SAMPLE_BANNER.test(sample) ? 100 : 0),
  frames,
};
