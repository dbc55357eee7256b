/**
 * sipgrep's output: ngrep's layout adapted to SIP. Per packet a header line
 * "U 2026/11/21 20:54:45.444048 127.0.0.1:5160 -> 127.0.0.1:5170" (always with date and time, no
 * packet number), then one framing line that is empty, or holds the TCP flags (" [AP]"), then the
 * payload line by line with each CR shown as a trailing "." (see grepPackets.ts).
 *
 * By default sipgrep colours its output even into a file: the method, the status code and reason,
 * branch and tag parameters and the Call-ID value are wrapped in ANSI escapes. Codes at either end
 * of a line are left outside the logical line, and the CR dot is looked for inside the closing
 * code. Codes in the middle of a line ("SIP/2.0 ESC[1mESC[33m180 Ringing", "Call-ID:ESC[1mESC[35m 1-...")
 * stay in the text: a logical line is one contiguous span, so the parser sees them.
 */
import { indexWithin, isBlank, scanLines } from '../lines';
import type { Frame } from '../message';
import { skipAnsiStart } from './decoration';
import { bylinePayload, grepHeaderAt, isHashLine, type GrepHeader } from './grepPackets';
import { packetContext } from './sniffer';
import type { TraceFormat } from './types';

const REQUEST_START = /^[A-Z]+ /;

/** The framing line after the header: empty, or the TCP flags. */
function isFlagsLine(text: string, start: number, end: number): boolean {
  if (isBlank(text, start, end)) return true;
  let s = start;
  while (s < end && text.charCodeAt(s) === 32) s++;
  return text.charCodeAt(s) === 91 /* [ */ && text.charCodeAt(end - 1) === 93 /* ] */;
}

interface OpenPacket {
  header: GrepHeader;
  /** First payload line. */
  first: number;
  span: { start: number; end: number };
}

function framesOf(text: string): Frame[] {
  const lines = scanLines(text);
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let open: OpenPacket | null = null;
  const close = (last: number): void => {
    if (!open) return;
    if (last > open.first) frames.push({ lines, from: bylinePayload(text, lines, open.first, last, true), to: last, context: packetContext('sipgrep', open.header.facts, open.span) });
    open = null;
  };
  for (let i = 0; i < count; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    const header = grepHeaderAt(text, start, end);
    if (header) {
      close(i);
      const span = { start, end };
      let first = i + 1;
      if (first < count && isFlagsLine(text, lines.starts[first] ?? 0, lines.ends[first] ?? 0)) {
        span.end = lines.ends[first] ?? end;
        first++;
      }
      open = { header, first, span };
      i = first - 1;
    } else if (open && isHashLine(text, start, end)) close(i);
  }
  close(count);
  return frames;
}

/** A header with a timestamp and no packet number, an empty or flags line, then a (possibly coloured) start line. */
function detect(sample: string): number {
  const lines = scanLines(sample);
  const count = lines.starts.length;
  for (let i = 0; i + 2 < count; i++) {
    const header = grepHeaderAt(sample, lines.starts[i] ?? 0, lines.ends[i] ?? 0);
    if (!header || header.number !== null || header.facts.timestamp === null || header.flags !== null) continue;
    if (!isFlagsLine(sample, lines.starts[i + 1] ?? 0, lines.ends[i + 1] ?? 0)) continue;
    // Colour codes inside the start line defeat a parse: its shape is enough here.
    const start = skipAnsiStart(sample, lines.starts[i + 2] ?? 0, lines.ends[i + 2] ?? 0);
    const end = lines.ends[i + 2] ?? start;
    if (sample.startsWith('SIP/2.0 ', start) || (REQUEST_START.test(sample.slice(start, Math.min(end, start + 32))) && indexWithin(sample, ' SIP/2.0', start, end) !== -1)) return 100;
  }
  return 0;
}

export const SIPGREP_FORMAT: TraceFormat = {
  id: 'sipgrep',
  label: 'sipgrep',
  detection: 'a packet line "U|T date time src:port -> dst:port" (no "#N"), an empty or " [flags]" line, then the payload, often in ANSI colour',
  detect,
  frames: framesOf,
};
