/**
 * AudioCodes Mediant SBC/gateway syslog, as rsyslog stores it. Each syslog packet is one physical
 * line: rsyslog's own date and host, the SBC's `[S=seq] [SID=mac:boot:session]`, then the SBC's
 * internal log lines `(N 1534192) text`, with every CR and LF escaped as `#015` / `#012`, and the
 * packet's own time at the end: ` [Time:04-03@10:14:53.402]`. A SIP message follows an announcement
 *   ---- Incoming SIP Message from 198.51.100.50:5060 to SIPInterface #1 (ITSP) UDP TO(#2) ----
 *   ---- Outgoing SIP Message to 203.0.113.40:6743 from SIPInterface #2 (Teams) TLS TO(#41) SocketID(112) ----
 * which names the peer and the transport (the SBC's own address is not printed), and runs to the
 * packet's time stamp or the next internal line. When a long packet is split, the announcement can
 * end one packet and the message start the next packet of the same session: the announcement then
 * waits for it. The timestamp is the SBC's `[Time:...]` of the packet that carries the announcement.
 */
import { emptyLineTable, indexWithin, lastIndexWithin, scanLines, type MutableLineTable } from '../lines';
import type { LogContext } from '../model';
import type { Frame } from '../message';
import { parseStartLine } from '../startLine';
import { normalizeAddress, normalizeTransport } from './blocks';
import { escapedBreakIn, pushEscapedLines, type EscapedBreak } from './decoration';
import type { TraceFormat } from './types';

const INCOMING = '---- Incoming SIP Message from ';
const OUTGOING = '---- Outgoing SIP Message to ';
/** The rest of an announcement after its first words: peer, interface, transport. */
const ANNOUNCEMENT = /^(\S+) (?:to|from) SIPInterface #\d+ \([^)]*\) ([A-Za-z]+) /;
const SID = '[SID=';
const TIME = ' [Time:';
/** An internal log line inside a packet: `(N  1534193) `. */
const INTERNAL = /^\(N +\d+\) /;

/** The session id of a packet line (`[SID=7d3e91:46:30412]`), or null when the line is not one. */
function sessionOf(text: string, start: number, end: number): { sid: string; payload: number } | null {
  const at = indexWithin(text, SID, start, Math.min(end, start + 160));
  if (at === -1) return null;
  const close = indexWithin(text, ']', at, Math.min(end, at + 80));
  if (close === -1) return null;
  let payload = close + 1;
  while (payload < end && text.charCodeAt(payload) === 32) payload++;
  return { sid: text.slice(at + SID.length, close), payload };
}

/** The packet's own time, `[Time:04-03@10:14:53.402]`, and where it starts. */
function packetTime(text: string, start: number, end: number): { at: number; stamp: string | null } {
  const at = lastIndexWithin(text, TIME, start, end);
  if (at === -1) return { at: end, stamp: null };
  const close = indexWithin(text, ']', at, end);
  return { at, stamp: close === -1 ? null : text.slice(at + TIME.length, close) };
}

/**
 * The announcements of one packet, in order. Each kind's next position is searched for only once it
 * has been passed, so a packet is scanned about twice however many announcements it holds.
 */
class Announcements {
  private incoming = -2;
  private outgoing = -2;

  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  /** The first announcement at or after `from`, or null. */
  next(from: number): { at: number; incoming: boolean } | null {
    if (this.incoming !== -1 && this.incoming < from) this.incoming = indexWithin(this.text, INCOMING, from, this.to);
    if (this.outgoing !== -1 && this.outgoing < from) this.outgoing = indexWithin(this.text, OUTGOING, from, this.to);
    const { incoming, outgoing } = this;
    if (incoming === -1 && outgoing === -1) return null;
    if (outgoing === -1 || (incoming !== -1 && incoming < outgoing)) return { at: incoming, incoming: true };
    return { at: outgoing, incoming: false };
  }
}

/** Where the message that starts at `from` ends: the next internal log line, or the packet's time. */
function messageEnd(text: string, from: number, to: number, escape: EscapedBreak): number {
  let at = indexWithin(text, escape + '(N ', from, to);
  while (at !== -1 && !INTERNAL.test(text.slice(at + escape.length, Math.min(to, at + escape.length + 16)))) {
    at = indexWithin(text, escape + '(N ', at + escape.length, to);
  }
  return at === -1 ? to : at + escape.length;
}

function frames(text: string): Frame[] {
  const physical = scanLines(text);
  const logical: MutableLineTable = emptyLineTable();
  const result: Frame[] = [];
  // Announcements still waiting for their message, by session id.
  const pending = new Map<string, LogContext>();
  const push = (from: number, to: number, escape: EscapedBreak, context: LogContext): void => {
    const first = logical.starts.length;
    pushEscapedLines(text, from, to, escape, logical, to, 0);
    if (logical.starts.length > first) result.push({ lines: logical, from: first, to: logical.starts.length, context });
  };
  for (let i = 0; i < physical.starts.length; i++) {
    const start = physical.starts[i] ?? 0;
    const end = physical.ends[i] ?? start;
    const session = sessionOf(text, start, end);
    if (!session) continue;
    const time = packetTime(text, session.payload, end);
    const escape = escapedBreakIn(text, session.payload, end) ?? '#015#012';
    // The message of an announcement that ended the previous packet of this session.
    const waiting = pending.get(session.sid);
    if (waiting) {
      pending.delete(session.sid);
      const firstBreak = indexWithin(text, escape, session.payload, time.at);
      if (parseStartLine(text, session.payload, firstBreak === -1 ? time.at : firstBreak, 'strict')) {
        push(session.payload, messageEnd(text, session.payload, time.at, escape), escape, waiting);
      }
    }
    let from = session.payload;
    const announcements = new Announcements(text, time.at);
    for (let found = announcements.next(from); found; found = announcements.next(from)) {
      const wordsEnd = found.at + (found.incoming ? INCOMING.length : OUTGOING.length);
      const close = indexWithin(text, ' ----', wordsEnd, time.at);
      const said = ANNOUNCEMENT.exec(text.slice(wordsEnd, close === -1 ? time.at : close + 1));
      from = close === -1 ? time.at : close + 5;
      if (!said) continue;
      const peer = normalizeAddress(said[1]);
      const context: LogContext = {
        format: 'audiocodes',
        timestamp: time.stamp,
        direction: found.incoming ? 'received' : 'sent',
        transport: normalizeTransport(said[2]),
        src: found.incoming ? peer : null,
        dst: found.incoming ? null : peer,
        frameSpan: { start: found.at, end: from },
        bodyVerbatim: true,
      };
      // The message starts after the announcement's own escaped line break.
      let body = from;
      while (body < time.at && text.charCodeAt(body) === 32) body++;
      if (text.startsWith(escape, body)) body += escape.length;
      const stop = messageEnd(text, body, time.at, escape);
      if (indexWithin(text, 'SIP/2.0', body, stop) === -1) {
        pending.set(session.sid, context);
      } else {
        push(body, stop, escape, context);
      }
      from = stop;
    }
  }
  return result;
}

function detect(sample: string): number {
  if (!sample.includes(SID)) return 0;
  return sample.includes(INCOMING) || sample.includes(OUTGOING) ? 100 : 0;
}

export const AUDIOCODES_FORMAT: TraceFormat = {
  id: 'audiocodes',
  label: 'AudioCodes SBC syslog',
  detection: '"[S=…] [SID=…]" packets with "---- Incoming SIP Message from … to SIPInterface #n (name) UDP ----" announcements',
  detect,
  frames,
};
