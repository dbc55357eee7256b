/**
 * Cisco IOS / IOS XE (CUBE) SIP message debugs. Both `debug ccsip messages` and VoIP Trace
 * (`show voip trace all`) print a record line naming the call leg and GUID, then the direction,
 * then the message:
 *   004211: Mar  4 10:14:53.402 CET: //-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:
 *   Sent:
 *   0: Mar 12 16:20:44.201: //2207/A17E22C48001/CUBE_VT/SIP/Msg/ccsipDisplayMsg:
 *   Received: SIP TCP message from 192.0.2.20:51734 to 192.0.2.1:5060
 * The record's timestamp sits between the optional sequence number and `: //`; only VoIP Trace
 * names the transport and both ends. Nothing closes a message: it runs to the next record (a
 * sequence number, a timestamp or `//`), a VoIP Trace cover buffer (`-----`), or the router's
 * prompt. IOS keeps messages with CRLF; saved terminal output may have lost the CRs, so every
 * line counts as CRLF. VoIP Trace prints call legs one after the other, not in time order.
 */
import { scanLines, type MutableLineTable } from '../lines';
import type { Direction } from '../model';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport } from './blocks';
import { endsWithTrimmed } from './logLines';
import type { TraceFormat } from './types';

const RECORD_END = '/SIP/Msg/ccsipDisplayMsg:';
const DIRECTION = /^(Sent|Received):(?:[ \t]+SIP (\w+) message from (\S+) to (\S+))?\s*$/;
const SEQUENCE = /^\d+: /;
const TIMESTAMP = /^[*.]?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d/;

/** The timestamp of a record line: between the sequence number and ": //". */
function recordStamp(line: string): string | null {
  const slashes = line.indexOf('//');
  if (slashes === -1) return null;
  const stamp = line.slice(0, slashes).replace(SEQUENCE, '').replace(/:\s*$/, '').trim();
  return stamp === '' ? null : stamp;
}

/** An IOS prompt: a hostname, an optional `(config)` mode, then `#` or `>`; checked without allocating. */
function isPrompt(text: string, start: number, end: number): boolean {
  let i = start;
  const first = text.charCodeAt(i);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return false;
  while (i < end) {
    const c = text.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;
    if (!word) break;
    i++;
  }
  if (text.charCodeAt(i) === 40 /* ( */) {
    const close = text.indexOf(')', i);
    if (close === -1 || close >= end || close - i > 32) return false;
    i = close + 1;
  }
  const c = text.charCodeAt(i);
  return i < end && (c === 35 /* # */ || c === 62 /* > */);
}

/** True for a line where the log's own text resumes after a message. */
function endsMessage(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c >= 48 && c <= 57) return SEQUENCE.test(text.slice(start, Math.min(end, start + 12)));
  if (c === 47 /* / */) return text.charCodeAt(start + 1) === 47;
  if (c === 45 /* - */) return text.startsWith('-----', start);
  if (text.charCodeAt(start + 3) === 32 && text.charCodeAt(start + 6) === 32 && TIMESTAMP.test(text.slice(start, Math.min(end, start + 24)))) return true;
  if ((c === 42 || c === 46) && TIMESTAMP.test(text.slice(start, Math.min(end, start + 24)))) return true;
  return isPrompt(text, start, end);
}

function frames(text: string): Frame[] {
  const lines: MutableLineTable = scanLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  for (let i = 0; i + 1 < count; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? start;
    if (!endsWithTrimmed(text, start, end, RECORD_END)) continue;
    const said = DIRECTION.exec(text.slice(lines.starts[i + 1] ?? 0, lines.ends[i + 1] ?? 0));
    if (!said) continue;
    let next = i + 2;
    for (; next < count; next++) {
      const s = lines.starts[next] ?? 0;
      const e = lines.ends[next] ?? s;
      if (endsMessage(text, s, e)) break;
      if (lines.breakBytes[next] === 1) lines.breakBytes[next] = 2;
    }
    if (next > i + 2) {
      const direction: Direction = said[1] === 'Sent' ? 'sent' : 'received';
      result.push({
        lines,
        from: i + 2,
        to: next,
        context: {
          format: 'cisco-cube',
          timestamp: recordStamp(text.slice(start, end)),
          direction,
          transport: normalizeTransport(said[2]),
          src: normalizeAddress(said[3]),
          dst: normalizeAddress(said[4]),
          frameSpan: { start, end: lines.ends[i + 1] ?? end },
          bodyVerbatim: true,
        },
      });
    }
    i = next - 1;
  }
  return result;
}

export const CISCO_CUBE_FORMAT: TraceFormat = {
  id: 'cisco-cube',
  label: 'Cisco CUBE / IOS SIP debug (debug ccsip messages, show voip trace)',
  detection: 'record lines ending "//-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:" followed by "Sent:" or "Received:"',
  detect: (sample) => (/\/SIP\/Msg\/ccsipDisplayMsg:\s*\r?\n(?:Sent|Received):/.test(sample) ? 100 : 0),
  frames,
};
