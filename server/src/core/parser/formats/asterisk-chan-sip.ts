/**
 * Asterisk's old SIP channel driver with `sip set debug on` (chan_sip, Asterisk 1.8 to 20). Three
 * framings, each with its own end marker:
 *   <--- SIP read from UDP:192.0.2.101:5060 --->          ... <------------->  (13 dashes)
 *   <--- Reliably Transmitting (NAT) to 192.0.2.101:5060 --->  ... <------------>  (12, a response)
 *   Reliably Transmitting (no NAT) to 198.51.100.20:5060:      ... ---            (a request)
 * Only reads name the transport. A read is printed after chan_sip has cleaned it up (CRs removed,
 * runs of blanks collapsed, the final line break dropped), so its lines are LF-only although the
 * packet had CRLF: they are counted as CRLF here. Sent messages keep their CRLF. The read and
 * response banners start with a newline, which in the `full` log leaves the record's prefix alone
 * on the line above them; the request banner shares the prefixed line.
 */
import type { MutableLineTable } from '../lines';
import type { Direction } from '../model';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport, peerContext } from './blocks';
import { asteriskPrefix, bannerStamp, startsLogRecord } from './asteriskLog';
import { endsWithTrimmed, isLineExactly, scanLfLines } from './logLines';
import type { TraceFormat } from './types';

/** Asterisk 1.4/1.6 printed no transport: `<--- SIP read from 192.0.2.1:5060 --->`. */
const READ = /^<--- SIP read from (?:([A-Za-z]+):)?(\S+) --->\s*$/;
const RESPONSE = /^<--- (?:Reliably )?Transmitting \([^)]*\) to (\S+) --->\s*$/;
const REQUEST = /^(?:Reliably )?Transmitting \([^)]*\) to (\S+?):\s*$/;
const SAMPLE = /<--- SIP read from \S+ --->|<--- (?:Reliably )?Transmitting \([^)]*\) to \S+ --->|(?:Reliably )?Transmitting \((?:no )?NAT\) to \S+:\r?$/m;

const READ_END = '<------------->';
const RESPONSE_END = '<------------>';
const REQUEST_END = '---';

interface Banner {
  readonly at: number;
  readonly direction: Direction;
  readonly transport: string | null;
  readonly peer: string | null;
  /** The line that closes this kind of block. */
  readonly end: string;
}

/** A `<--- ... --->` banner, or a request's `Transmitting (...) to addr:` line (after a prefix or a redrawn prompt). */
function bannerAt(text: string, lines: MutableLineTable, i: number): Banner | null {
  const start = lines.starts[i] ?? 0;
  const end = lines.ends[i] ?? start;
  if (endsWithTrimmed(text, start, end, ' --->')) {
    const line = text.slice(start, end);
    const at = line.lastIndexOf('<--- ');
    if (at === -1) return null;
    const read = READ.exec(line.slice(at));
    if (read) return { at: start + at, direction: 'received', transport: normalizeTransport(read[1]), peer: normalizeAddress(read[2]), end: READ_END };
    const response = RESPONSE.exec(line.slice(at));
    if (response) return { at: start + at, direction: 'sent', transport: null, peer: normalizeAddress(response[1]), end: RESPONSE_END };
    return null;
  }
  if (!endsWithTrimmed(text, start, end, ':')) return null;
  const line = text.slice(start, end);
  let at = line.indexOf('Transmitting (');
  if (at === -1) return null;
  if (line.startsWith('Reliably ', at - 9)) at -= 9;
  // Only a prefix, or the console's redrawn prompt, may come before it.
  const before = start + at;
  if (at > 0 && asteriskPrefix(text, start, before)?.end !== before && !line.startsWith('\x1b[0K', at - 4)) return null;
  const request = REQUEST.exec(line.slice(at));
  if (!request) return null;
  return { at: before, direction: 'sent', transport: null, peer: normalizeAddress(request[1]), end: REQUEST_END };
}

function frames(text: string): Frame[] {
  const lines = scanLfLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  for (let i = 0; i < count; i++) {
    const banner = bannerAt(text, lines, i);
    if (!banner) continue;
    const stamp = bannerStamp(text, lines, i, banner.at);
    let next = i + 1;
    for (; next < count; next++) {
      const start = lines.starts[next] ?? 0;
      const end = lines.ends[next] ?? start;
      if (isLineExactly(text, start, end, banner.end) || startsLogRecord(text, start, end) || bannerAt(text, lines, next)) break;
      // A read lost its CRs to chan_sip's clean-up; on the wire every line ended in CRLF.
      if (banner.direction === 'received' && lines.breakBytes[next] === 1) lines.breakBytes[next] = 2;
    }
    if (next > i + 1) {
      result.push({
        lines,
        from: i + 1,
        to: next,
        context: peerContext('asterisk-chan-sip', { timestamp: stamp.timestamp, direction: banner.direction, transport: banner.transport, peer: banner.peer }, { start: stamp.frameStart, end: lines.ends[i] ?? banner.at }),
      });
    }
    i = next - 1;
  }
  return result;
}

export const ASTERISK_CHAN_SIP_FORMAT: TraceFormat = {
  id: 'asterisk-chan-sip',
  label: 'Asterisk chan_sip debug (sip set debug on)',
  detection: '"<--- SIP read from UDP:ip:port --->", "<--- Transmitting (NAT) to ip:port --->" or "Reliably Transmitting (no NAT) to ip:port:" banners',
  detect: (sample) => (SAMPLE.test(sample) ? 100 : 0),
  frames,
};
