/**
 * Kamailio's sipdump module, text mode (`.data` files). Every message kamailio receives or sends is
 * one record: a rule of 20 `=`, `key: value` lines (`tag: rcv|snd`, `pid`, `process`, `time:` epoch
 * with microseconds, `date:`, `proto: udp ipv4`, `srcip`, `srcport`, `dstip`, `dstport`), a rule of
 * 20 `~`, the message's bytes as they were, and a rule of 20 `|`. The message is written without a
 * newline of its own, so the closing rule follows its last CRLF directly, and would share the
 * message's last line if that line had no CRLF; that case is cut in place, so the adapter builds
 * its own frames over the document's lines rather than using blocks.ts. A record without a closing
 * rule (sipdump's write buffer is 64 KB) ends at the next opening rule.
 */
import { scanLines, type MutableLineTable } from '../lines';
import type { Direction, LogContext } from '../model';
import type { Frame } from '../message';
import { normalizeAddress, normalizeTransport } from './blocks';
import type { TraceFormat } from './types';

const OPEN = '='.repeat(20);
const MIDDLE = '~'.repeat(20);
const CLOSE = '|'.repeat(20);
const RECORD = /^={20}\r?\ntag: [^\r\n]*\r?\npid: \d+/m;
/** Meta lines between the rules are short; a record with more than this is not sipdump's. */
const MAX_META_LINES = 32;

/** The meta lines the context needs (pid, process and the second-precision date are left out). */
interface Meta {
  tag: string | null;
  time: string | null;
  proto: string | null;
  srcip: string | null;
  srcport: string | null;
  dstip: string | null;
  dstport: string | null;
}

type MetaKey = keyof Meta;

const NO_KEYS: readonly MetaKey[] = [];
const T_KEYS: readonly MetaKey[] = ['tag', 'time'];
const P_KEYS: readonly MetaKey[] = ['proto'];
const S_KEYS: readonly MetaKey[] = ['srcip', 'srcport'];
const D_KEYS: readonly MetaKey[] = ['dstip', 'dstport'];

/** The keys the context needs, by first letter (pid, process and date are skipped unread). */
function metaKeysFor(c: number): readonly MetaKey[] {
  switch (c) {
    case 116 /* t */:
      return T_KEYS;
    case 112 /* p */:
      return P_KEYS;
    case 115 /* s */:
      return S_KEYS;
    case 100 /* d */:
      return D_KEYS;
    default:
      return NO_KEYS;
  }
}

/** Reads one `key: value` line into `meta` when it is one the context needs. Keys are compared in place, not sliced. */
function readMeta(text: string, start: number, end: number, meta: Meta): void {
  for (const key of metaKeysFor(text.charCodeAt(start))) {
    if (text.charCodeAt(start + key.length) === 58 /* : */ && text.startsWith(key, start)) {
      meta[key] = text.slice(start + key.length + 1, end).trim();
      return;
    }
  }
}

function isRule(text: string, start: number, end: number, rule: string): boolean {
  return end - start === rule.length && text.startsWith(rule, start);
}

/** An opening rule followed by a `tag:` line: the start of a record. */
function opensRecord(text: string, lines: MutableLineTable, i: number): boolean {
  const start = lines.starts[i] ?? 0;
  return text.charCodeAt(start) === 61 /* = */ && isRule(text, start, lines.ends[i] ?? 0, OPEN) && text.startsWith('tag: ', lines.starts[i + 1] ?? -1);
}

function contextOf(meta: Meta, frameSpan: LogContext['frameSpan']): LogContext {
  const direction: Direction | null = meta.tag === 'rcv' ? 'received' : meta.tag === 'snd' ? 'sent' : null;
  const proto = meta.proto ?? '';
  const space = proto.indexOf(' ');
  return {
    format: 'kamailio-sipdump',
    timestamp: meta.time || null,
    direction,
    transport: normalizeTransport(space === -1 ? proto : proto.slice(0, space)),
    src: normalizeAddress(meta.srcip, meta.srcport),
    dst: normalizeAddress(meta.dstip, meta.dstport),
    frameSpan,
    bodyVerbatim: true,
  };
}

function frames(text: string): Frame[] {
  const lines = scanLines(text);
  const count = lines.starts.length;
  const result: Frame[] = [];
  let i = 0;
  while (i < count) {
    if (!opensRecord(text, lines, i)) {
      i++;
      continue;
    }
    const recordStart = lines.starts[i] ?? 0;
    const meta: Meta = { tag: null, time: null, proto: null, srcip: null, srcport: null, dstip: null, dstport: null };
    let j = i + 1;
    for (; j < count && j - i <= MAX_META_LINES; j++) {
      const start = lines.starts[j] ?? 0;
      const end = lines.ends[j] ?? 0;
      if (isRule(text, start, end, MIDDLE)) break;
      readMeta(text, start, end, meta);
    }
    if (j >= count || !isRule(text, lines.starts[j] ?? 0, lines.ends[j] ?? 0, MIDDLE)) {
      i = j;
      continue;
    }
    const frameSpan = { start: recordStart, end: lines.ends[j] ?? recordStart };
    const from = j + 1;
    let to = from;
    for (; to < count; to++) {
      const start = lines.starts[to] ?? 0;
      const end = lines.ends[to] ?? 0;
      if (end - start >= 20 && text.charCodeAt(end - 1) === 124 /* | */ && text.startsWith(CLOSE, end - 20)) {
        // The closing rule on a line of its own, or glued to a last line that had no CRLF.
        if (end - start > 20) {
          lines.ends[to] = end - 20;
          lines.breaks[to] = end - 20;
          lines.breakBytes[to] = 0;
          to++;
        }
        break;
      }
      if (opensRecord(text, lines, to)) break;
    }
    if (to > from) result.push({ lines, from, to, context: contextOf(meta, frameSpan) });
    i = to;
  }
  return result;
}

export const KAMAILIO_SIPDUMP_FORMAT: TraceFormat = {
  id: 'kamailio-sipdump',
  label: 'Kamailio sipdump (.data)',
  detection: 'records opened by 20 "=" and "tag: rcv|snd", message between 20 "~" and 20 "|"',
  detect: (sample) => (RECORD.test(sample) ? 100 : 0),
  frames,
};
