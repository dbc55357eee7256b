/**
 * sipsak's verbose output (`sipsak -vvv`, stdout and stderr together). sipsak's own lines end in LF;
 * the messages it prints keep their CRLFs, which is what tells them apart. Around each message:
 * - `New message with Via-Line:`: a dump of the request as composed, before anything is sent (it
 *   says nothing about where it goes, so it gets no direction);
 * - `request:`: the request as sent; the transport and destination come on the line AFTER the
 *   message (`send to: UDP:127.0.0.1:5270`), so they are filled in once the message is read;
 * - `received from: UDP:127.0.0.1:5270`: a reply follows, possibly after `authorizing` and
 *   `received:` lines (digest case) or TCP's completeness checks.
 * A message starts at a start line at the beginning of a CRLF line and runs over the CRLF lines
 * that follow (plus a last LF line when a body lacked its final CRLF). The closing summary repeats
 * the status line indented and with LF only; it is not a message and is never taken for one. There
 * are no timestamps.
 */
import { isBlank, scanLines } from '../lines';
import type { LogContext } from '../model';
import type { Frame } from '../message';
import { parseStartLine } from '../startLine';
import { normalizeAddress, normalizeTransport } from './blocks';
import type { TraceFormat } from './types';

type Context = { -readonly [K in keyof LogContext]: LogContext[K] };

/** "UDP:127.0.0.1:5270", as sipsak names the far end. */
const PEER = /^(\w+):(.+):(\d+)\s*$/;
const REQUEST = 'request:';
const RECEIVED_FROM = 'received from: ';
const SEND_TO = 'send to: ';
const COMPOSED = 'New message with Via-Line:';

function context(frameSpan: LogContext['frameSpan']): Context {
  return { format: 'sipsak', timestamp: null, direction: null, transport: null, src: null, dst: null, frameSpan, bodyVerbatim: true };
}

function peer(line: string): { transport: string | null; address: string | null } {
  const m = PEER.exec(line);
  return m ? { transport: normalizeTransport(m[1]), address: normalizeAddress(m[2], m[3]) } : { transport: null, address: null };
}

function frames(text: string): Frame[] {
  const lines = scanLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  /** What the last announcing line said about the next message. */
  let pending: Context | null = null;
  /** A sent request still waiting for its "send to:" line. */
  let awaiting: Context | null = null;
  for (let i = 0; i < count; ) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    const crlf = lines.breakBytes[i] === 2;
    if (crlf && end - start >= 11 && (text.startsWith('SIP/2.0 ', start) || text.startsWith(' SIP/2.0', end - 8)) && parseStartLine(text, start, end, 'strict')) {
      let j = i + 1;
      let inBody = false;
      while (j < count && lines.breakBytes[j] === 2) {
        if (isBlank(text, lines.starts[j] ?? 0, lines.ends[j] ?? 0)) inBody = true;
        j++;
      }
      // A body without a final CRLF: its last line carries sipsak's own LF, which was not on the wire.
      const lastBlank = isBlank(text, lines.starts[j - 1] ?? 0, lines.ends[j - 1] ?? 0);
      if (inBody && !lastBlank && j < count && !isBlank(text, lines.starts[j] ?? 0, lines.ends[j] ?? 0)) {
        lines.breakBytes[j] = 0;
        j++;
      }
      const ctx = pending ?? context(null);
      result.push({ lines, from: i, to: j, context: ctx });
      awaiting = ctx.direction === 'sent' ? ctx : null;
      pending = null;
      i = j;
      continue;
    }
    const c = text.charCodeAt(start);
    if (c === 114 /* r */ || c === 115 /* s */ || c === 78 /* N */) {
      const span = { start, end };
      if (text.startsWith(REQUEST, start) && end - start === REQUEST.length) {
        pending = { ...context(span), direction: 'sent' };
      } else if (text.startsWith(RECEIVED_FROM, start)) {
        const from = peer(text.slice(start + RECEIVED_FROM.length, end));
        pending = { ...context(span), direction: 'received', transport: from.transport, src: from.address };
      } else if (text.startsWith(COMPOSED, start)) {
        pending = null;
        awaiting = null;
      } else if (awaiting && text.startsWith(SEND_TO, start)) {
        const to = peer(text.slice(start + SEND_TO.length, end));
        awaiting.transport = to.transport;
        awaiting.dst = to.address;
        awaiting = null;
      }
    }
    i++;
  }
  return result;
}

const MARKERS = /^(?:New message with Via-Line:|our Via-Line: Via: SIP\/2\.0\/)/m;
const PEER_LINES = /^(?:send to|received from): (?:UDP|TCP|TLS|SCTP):\S+:\d+\r?$/m;

function detect(sample: string): number {
  if (MARKERS.test(sample)) return 100;
  return PEER_LINES.test(sample) ? 80 : 0;
}

export const SIPSAK_FORMAT: TraceFormat = {
  id: 'sipsak',
  label: 'sipsak (-vvv output)',
  detection: '"New message with Via-Line:" / "our Via-Line:" lines, "send to: UDP:host:port" after a request and "received from: UDP:host:port" before a reply',
  detect,
  frames,
};
