/**
 * `opensips-cli -x trace`: opensips-cli receives the proxy's HEP stream and prints each packet as a
 * coloured header line and the payload as it travelled (CRLF kept), plus one LF:
 *   ESC[1;34m1718021455.48213ESC[0mESC[1;36m UDP/SIP 192.0.2.101:5060 -> 192.0.2.5:5060ESC[0m
 * The colour codes are printed even into a file, and are accepted with or without them. The time
 * is HEP seconds, a dot, and the microseconds without zero padding (`.502` is 502 µs), so it is
 * kept exactly as written. No direction is printed: the proxy's own hops are told apart only by
 * their addresses. A packet runs to the next header line.
 */
import { scanLines, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { normalizeTransport } from './blocks';
import type { TraceFormat } from './types';

// The colour codes start with the ESC control character; matching it is the point.
// eslint-disable-next-line no-control-regex
const HEADER = /^(?:\x1b\[[\d;]*m)*(\d{9,11}\.\d+)(?:\x1b\[[\d;]*m)* ([A-Za-z]+)\/SIP (\S+) -> (\S+?)(?:\x1b\[[\d;]*m)*\s*$/;
// eslint-disable-next-line no-control-regex
const SAMPLE = /^(?:\x1b\[[\d;]*m)*\d{9,11}\.\d+(?:\x1b\[[\d;]*m)* (?:UDP|TCP|TLS|SCTP|WSS?)\/SIP \S+ -> \S+/m;

/** HEP prints "ip:port" with the port after the last colon; an IPv6 address gets brackets. */
function address(value: string | undefined): string | null {
  if (!value) return null;
  if (value.startsWith('[')) return value;
  const colon = value.lastIndexOf(':');
  if (colon <= 0) return value;
  const host = value.slice(0, colon);
  return host.includes(':') ? `[${host}]${value.slice(colon)}` : value;
}

/** A header line starts with ESC (coloured) or the epoch's first digit; only those reach the pattern. */
function headerAt(text: string, lines: MutableLineTable, i: number): RegExpExecArray | null {
  const start = lines.starts[i] ?? 0;
  const c = text.charCodeAt(start);
  if (c !== 27 && (c < 49 || c > 57)) return null;
  return HEADER.exec(text.slice(start, Math.min(lines.ends[i] ?? start, start + 200)));
}

function frames(text: string): Frame[] {
  const lines = scanLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  let open: { from: number; match: RegExpExecArray; line: number } | null = null;
  const close = (to: number): void => {
    if (!open || to <= open.from) return;
    const { match, line } = open;
    result.push({
      lines,
      from: open.from,
      to,
      context: {
        format: 'opensips',
        timestamp: match[1] ?? null,
        direction: null,
        transport: normalizeTransport(match[2]),
        src: address(match[3]),
        dst: address(match[4]),
        frameSpan: { start: lines.starts[line] ?? 0, end: lines.ends[line] ?? 0 },
        bodyVerbatim: true,
      },
    });
  };
  for (let i = 0; i < count; i++) {
    const match = headerAt(text, lines, i);
    if (!match) continue;
    close(i);
    open = { from: i + 1, match, line: i };
  }
  close(count);
  return result;
}

export const OPENSIPS_FORMAT: TraceFormat = {
  id: 'opensips',
  label: 'OpenSIPS opensips-cli trace',
  detection: 'coloured header lines "1718021455.48213 UDP/SIP 192.0.2.101:5060 -> 192.0.2.5:5060" (HEP time, proto/SIP, src -> dst)',
  detect: (sample) => (SAMPLE.test(sample) ? 100 : 0),
  frames,
};
