/**
 * The shape most trace formats share: a framing line that announces a message ("UDP message sent",
 * "<--- Received SIP request ... --->", "recv 512 bytes from udp/..."), the message printed verbatim
 * below it, and then either the next framing line or an explicit end marker. A format describes its
 * framing lines; this file turns that description into frames over the document's own lines.
 */
import type { Direction, FormatId, LogContext, Span } from '../model';
import type { Frame } from '../message';
import { indexWithin, type MutableLineTable } from '../lines';

/** What a framing line says about the message below it. */
export interface FrameFacts {
  timestamp?: string | null;
  direction?: Direction | null;
  transport?: string | null;
  src?: string | null;
  dst?: string | null;
}

export interface BlockSpec {
  readonly format: FormatId;
  /**
   * A cheap test run on every line before `header`: the literal text a framing line must start with
   * (`startsWith`) or contain (`contains`). Keeps the per-line cost at one native string search.
   */
  readonly startsWith?: string;
  readonly contains?: string;
  /** Parses a candidate framing line; null when it is not one. */
  header(line: string): FrameFacts | null;
  /**
   * Lines right after the framing line that still belong to the framing (SIPp's "UDP message sent
   * (538 bytes):"); they may add facts. Return null for the first line that is message text.
   */
  continuation?(line: string): FrameFacts | null;
  /** A line that ends the block without starting another (chan_sip's "<------------->"). */
  isEnd?(line: string): boolean;
  /** False when the log shows a dissection rather than the body's bytes. */
  readonly bodyVerbatim?: boolean;
}

const TRANSPORTS = ['UDP', 'TCP', 'TLS', 'WS', 'WSS', 'SCTP'] as const;

export function normalizeTransport(value: string | null | undefined): string | null {
  if (!value) return null;
  const upper = value.toUpperCase();
  // The constant, not the upper-cased copy: every message of a long trace shares one string.
  return TRANSPORTS.find((transport) => transport === upper) ?? null;
}

/** "1.2.3.4:5060", "[2001:db8::1]:5060", or a bare IPv6 address followed by :port, as "ip:port" / "[v6]:port". */
export function normalizeAddress(host: string | null | undefined, port?: string | null): string | null {
  if (!host) return null;
  let h = host.trim();
  // Without a port, "[v6]:port" and "ip:port" are already in the form wanted; other text is kept as written.
  if (port === undefined || port === null || port === '') return h;
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`;
}

function isCandidate(text: string, start: number, end: number, spec: BlockSpec): boolean {
  if (spec.startsWith !== undefined) return text.startsWith(spec.startsWith, start);
  if (spec.contains !== undefined) return indexWithin(text, spec.contains, start, end) !== -1;
  return true;
}

/** A LogContext from the facts a log gave; absent facts become null, the transport is normalised. */
export function contextFromFacts(format: FormatId, facts: FrameFacts, frameSpan: Span | null, bodyVerbatim = true): LogContext {
  return {
    format,
    timestamp: facts.timestamp ?? null,
    direction: facts.direction ?? null,
    transport: normalizeTransport(facts.transport),
    src: facts.src ?? null,
    dst: facts.dst ?? null,
    frameSpan,
    bodyVerbatim,
  };
}

/** Frames over the document's physical lines: each from its framing line to the next one (or an end marker). */
export function framesFromBlocks(text: string, lines: MutableLineTable, spec: BlockSpec): Frame[] {
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let open: { from: number; facts: FrameFacts; frameSpan: Span } | null = null;
  const close = (to: number): void => {
    if (open && to > open.from) frames.push({ lines, from: open.from, to, context: contextFromFacts(spec.format, open.facts, open.frameSpan, spec.bodyVerbatim ?? true) });
    open = null;
  };
  for (let i = 0; i < count; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    if (isCandidate(text, start, end, spec)) {
      const facts = spec.header(text.slice(start, end));
      if (facts) {
        close(i);
        const frameSpan = { start, end };
        let from = i + 1;
        const merged: FrameFacts = { ...facts };
        if (spec.continuation) {
          while (from < count) {
            const more = spec.continuation(text.slice(lines.starts[from] ?? 0, lines.ends[from] ?? 0));
            if (!more) break;
            Object.assign(merged, Object.fromEntries(Object.entries(more).filter(([, v]) => v !== undefined && v !== null)));
            frameSpan.end = lines.ends[from] ?? frameSpan.end;
            from++;
          }
        }
        open = { from, facts: merged, frameSpan };
        i = from - 1;
        continue;
      }
    }
    if (open && spec.isEnd && spec.isEnd(text.slice(start, end))) close(i);
  }
  close(count);
  return frames;
}

/**
 * The context of a message whose framing names only the far end (most PBX and UA logs): the peer
 * is the source of what was received and the destination of what was sent.
 */
export function peerContext(
  format: FormatId,
  facts: { readonly timestamp: string | null; readonly direction: Direction; readonly transport: string | null; readonly peer: string | null },
  frameSpan: Span,
): LogContext {
  const received = facts.direction === 'received';
  return {
    format,
    timestamp: facts.timestamp,
    direction: facts.direction,
    transport: facts.transport,
    src: received ? facts.peer : null,
    dst: received ? null : facts.peer,
    frameSpan,
    bodyVerbatim: true,
  };
}
