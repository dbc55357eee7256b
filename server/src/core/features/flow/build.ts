/**
 * The call flows of a document: one per call (Call-ID, or B2BUA legs merged by a linking header)
 * and one with every message. Arrows follow document order, which is time order in every log the
 * parser reads; participants are the columns in order of first appearance.
 */
import { callId, firstHeader } from '../../parser/access';
import type { SipDocument, SipMessage } from '../../parser/model';
import { LineIndex } from '../../util/positions';
import { durationOf, indexOf, type Clock, type DocumentIndex, type Instant } from '../documentIndex';
import { arrowClass, arrowLabel, copyOf, mayBeResent, messageText, startLineText, type ArrowCandidate } from './arrows';
import { participantKey, resolveEndpoints, type Endpoint, type Endpoints } from './endpoints';
import { groupCalls, parseMergeHeader, type MergeHeader } from './merge';
import { DEFAULT_FLOW_OPTIONS, type CallFlow, type FlowArrow, type FlowOptions, type FlowParticipant, type TraceFlows } from './model';
import { OfferAnswerTracker } from './sdp';

/** Headers a tooltip shows, in this order, when the message has them. */
const KEY_HEADERS = ['From', 'To', 'Call-ID', 'CSeq', 'Via', 'Contact'] as const;
/** A tooltip shows headers, not essays: longer values are cut. */
const MAX_HEADER_VALUE = 300;

interface Shared {
  readonly text: string;
  readonly document: SipDocument;
  readonly index: DocumentIndex;
  readonly lines: LineIndex;
  readonly endpoints: readonly Endpoints[];
  readonly options: FlowOptions;
}

export function buildFlows(text: string, document: SipDocument, options: FlowOptions = DEFAULT_FLOW_OPTIONS): TraceFlows {
  const index = indexOf(text, document);
  const shared: Shared = { text, document, index, lines: new LineIndex(text, 'lsp'), endpoints: resolveEndpoints(text, document, index), options };
  const merge = options.mergeHeaders.map(parseMergeHeader).filter((h): h is MergeHeader => h !== null);
  const calls = groupCalls(index.calls, document.messages, merge).map((callIds) => {
    const members = callIds.flatMap((id) => index.calls.get(id) ?? []).sort((a, b) => a - b);
    return buildFlow(shared, callIds[0] ?? '', callIds, members);
  });
  const all = buildFlow(shared, 'all', [...index.calls.keys()], document.messages.map((_, i) => i));
  return { calls, all };
}

function buildFlow(shared: Shared, id: string, callIds: readonly string[], members: readonly number[]): CallFlow {
  const { text, document, index, options } = shared;
  const key = (endpoint: Endpoint): string => participantKey(endpoint.address, options.groupBy);
  const candidates: ArrowCandidate<string>[] = [];
  /** Per candidate: the endpoints its columns will come from (a logged copy's, when one was folded in). */
  const sides: Endpoints[] = [];
  const copies: number[][] = [];
  const byTransaction = new Map<number, number[]>();
  const textCache = new Map<number, string>();
  const wire = (i: number): string => {
    let cached = textCache.get(i);
    if (cached === undefined) {
      const message = document.messages[i];
      cached = message ? messageText(text, message) : '';
      textCache.set(i, cached);
    }
    return cached;
  };
  for (const i of members) {
    const message = document.messages[i];
    const endpoints = shared.endpoints[i];
    if (!message || !endpoints) continue;
    const candidate: ArrowCandidate<string> = {
      message: i,
      transaction: index.transactionOf[i] ?? -1,
      from: key(endpoints.from),
      to: key(endpoints.to),
      startLine: startLineText(message),
      resendable: mayBeResent(message),
    };
    const at = copyOf(candidates, byTransaction, candidate, (a, b) => wire(a) === wire(b));
    if (at !== -1) {
      copies[at]?.push(i);
      // A log that printed the message first without its addresses (sipsak echoes what it is about
      // to send) and then with them: the addresses the log gave are the better columns.
      const kept = sides[at];
      if (kept && !isLogged(kept) && isLogged(endpoints)) sides[at] = endpoints;
      continue;
    }
    const position = candidates.length;
    candidates.push(candidate);
    sides.push(endpoints);
    copies.push([i]);
    if (candidate.transaction >= 0) {
      const list = byTransaction.get(candidate.transaction);
      if (list) list.push(position);
      else byTransaction.set(candidate.transaction, [position]);
    }
  }
  // Columns in order of first use by an arrow, once every arrow's endpoints are final.
  const participants: FlowParticipant[] = [];
  const columnOf = new Map<string, number>();
  const column = (endpoint: Endpoint): number => {
    const id = key(endpoint);
    let at = columnOf.get(id);
    if (at === undefined) {
      at = participants.length;
      columnOf.set(id, at);
      participants.push({ id, label: id, source: endpoint.source });
    }
    return at;
  };
  // sides[n] exists for every candidate: both lists grow together.
  const placed = candidates.map((candidate, n): ArrowCandidate => {
    const side = sides[n] ?? shared.endpoints[candidate.message];
    return { ...candidate, from: side ? column(side.from) : 0, to: side ? column(side.to) : 0 };
  });
  const arrows = toArrows(shared, placed, copies);
  return { id, title: flowTitle(id, callIds, arrows), callIds, participants, arrows };
}

function isLogged(endpoints: Endpoints): boolean {
  return endpoints.from.source === 'log' || endpoints.to.source === 'log';
}

function toArrows(shared: Shared, candidates: readonly ArrowCandidate[], copies: readonly (readonly number[])[]): FlowArrow[] {
  const { text, document, index, lines } = shared;
  const bodies = new OfferAnswerTracker();
  const lastOnClock = new Map<Clock, Instant>();
  const arrows: FlowArrow[] = [];
  candidates.forEach((candidate, position) => {
    const message = document.messages[candidate.message];
    if (!message) return;
    const id = index.callIds[candidate.message] ?? callId(message);
    const time = index.timeAt(candidate.message);
    const previous = time ? (lastOnClock.get(time.clock) ?? null) : null;
    if (time) lastOnClock.set(time.clock, time);
    const body = bodies.body(text, message, id);
    if (!body) bodies.request(text, message, id);
    arrows.push({
      index: arrows.length,
      message: candidate.message,
      messages: copies[position] ?? [candidate.message],
      from: candidate.from,
      to: candidate.to,
      label: arrowLabel(message),
      class: arrowClass(message),
      callId: id,
      timestamp: message.context?.timestamp ?? null,
      deltaMs: previous && time ? roundDelta(durationOf(previous, time)) : null,
      body,
      line: lines.positionAt(message.startLine.start).line,
      start: message.span.start,
      end: message.span.end,
      startLine: candidate.startLine,
      keyHeaders: keyHeaders(message),
    });
  });
  return arrows;
}

/** Timestamps are in milliseconds as floating point; a delta is shown to the microsecond, never with binary noise. */
function roundDelta(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms * 1000) / 1000;
}

function keyHeaders(message: SipMessage): { name: string; value: string }[] {
  const result: { name: string; value: string }[] = [];
  for (const name of KEY_HEADERS) {
    const header = firstHeader(message, name);
    if (!header) continue;
    // A Via row may list several hops; the top one is the one that matters here.
    const value = name === 'Via' ? (header.value.split(',', 1)[0] ?? '').trim() : header.value;
    result.push({ name, value: value.length > MAX_HEADER_VALUE ? `${value.slice(0, MAX_HEADER_VALUE)}…` : value });
  }
  return result;
}

function flowTitle(id: string, callIds: readonly string[], arrows: readonly FlowArrow[]): string {
  if (id === 'all') return `All calls (${callIds.length} Call-ID${callIds.length === 1 ? '' : 's'}, ${arrows.length} arrow${arrows.length === 1 ? '' : 's'})`;
  const first = arrows[0]?.label ?? 'Call';
  const legs = callIds.length > 1 ? ` (+${callIds.length - 1} linked leg${callIds.length === 2 ? '' : 's'})` : '';
  return `${first} ${id}${legs}`;
}
