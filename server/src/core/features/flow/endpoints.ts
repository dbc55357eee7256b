/**
 * Where a message went from and to, as column keys of the ladder. A log that names the addresses
 * is believed; a log that names only the far end puts the other side on one `local` column; a
 * file or log with no addresses at all falls back to the headers:
 * - a request goes from its top Via's sent-by to the Request-URI's host (the next hop it was
 *   addressed to), or, lacking those, from the Contact (then From) host to the To host;
 * - a response goes the other way: from where its request went to the top Via's sent-by (the
 *   address the response is sent back to, RFC 3261 §18.2.2).
 * Header-derived addresses get the default port of their scheme (5060, or 5061 for sips and TLS)
 * so that `sip:127.0.0.1` and a Via of `127.0.0.1:5060` land on one column.
 */
import { nameAddrListOf, nameAddrOf, requestUriOf, topVia } from '../../parser/access';
import type { SipDocument, SipMessage } from '../../parser/model';
import type { DocumentIndex } from '../documentIndex';
import type { Uri } from '../../parser/values/uri';
import type { FlowParticipant, GroupBy } from './model';

export interface Endpoint {
  /** `ip:port` (IPv6 in brackets) or a host alone when no port is known. */
  readonly address: string;
  readonly source: FlowParticipant['source'];
}

export interface Endpoints {
  readonly from: Endpoint;
  readonly to: Endpoint;
}

/** The column of the side a log leaves unnamed (it logged its own traffic without its own address). */
export const LOCAL: Endpoint = { address: 'local', source: 'log' };
/** A side nothing names at all. */
export const UNKNOWN: Endpoint = { address: 'unknown', source: 'uri' };

/** The endpoints a log context names, or null when it names neither. */
export function logEndpoints(message: SipMessage): Endpoints | null {
  const context = message.context;
  if (!context || (!context.src && !context.dst)) return null;
  const side = (address: string | null): Endpoint => (address ? { address: address.toLowerCase(), source: 'log' } : LOCAL);
  return { from: side(context.src), to: side(context.dst) };
}

/**
 * The endpoints the headers suggest. `requestTarget` is, for a response, where its request went
 * (found by the caller through the transaction); null when the request is not in the document.
 */
export function headerEndpoints(text: string, message: SipMessage, requestTarget: Endpoint | null): Endpoints {
  const via = viaEndpoint(text, message);
  if (message.kind === 'request') {
    const from = via ?? uriEndpoint(nameAddrListOf(text, message, 'Contact')[0]?.uri ?? null, 'contact') ?? uriEndpoint(nameAddrOf(text, message, 'From')?.uri ?? null, 'uri') ?? UNKNOWN;
    const to = uriEndpoint(requestUriOf(text, message), 'uri') ?? uriEndpoint(nameAddrOf(text, message, 'To')?.uri ?? null, 'uri') ?? UNKNOWN;
    return { from, to };
  }
  const from = requestTarget ?? uriEndpoint(nameAddrOf(text, message, 'To')?.uri ?? null, 'uri') ?? UNKNOWN;
  const to = via ?? uriEndpoint(nameAddrOf(text, message, 'From')?.uri ?? null, 'uri') ?? UNKNOWN;
  return { from, to };
}

function viaEndpoint(text: string, message: SipMessage): Endpoint | null {
  const via = topVia(text, message);
  const host = via?.host?.text;
  if (!host) return null;
  const secure = via.transport?.text.toUpperCase() === 'TLS' || via.transport?.text.toUpperCase() === 'WSS';
  return { address: joinHostPort(host, via.port?.text ?? (secure ? '5061' : '5060')), source: 'via' };
}

function uriEndpoint(uri: Uri | null, source: Endpoint['source']): Endpoint | null {
  const host = uri?.host?.text;
  if (!uri || !host) return null;
  const secure = uri.scheme.text.toLowerCase() === 'sips';
  return { address: joinHostPort(host, uri.port?.text ?? (secure ? '5061' : '5060')), source };
}

/** `host:port` with an IPv6 host in brackets, lower case. */
function joinHostPort(host: string, port: string): string {
  const bare = host.startsWith('[') ? host : host.includes(':') ? `[${host}]` : host;
  return `${bare}:${port}`.toLowerCase();
}

/** The column key of an address under a grouping: the address itself, or its host without the port. */
export function participantKey(address: string, groupBy: GroupBy): string {
  if (groupBy === 'address') return address;
  if (address.startsWith('[')) {
    const close = address.indexOf(']');
    return close === -1 ? address : address.slice(0, close + 1);
  }
  const colon = address.lastIndexOf(':');
  // One colon means host:port; more would be a bare IPv6 address, which has no port to drop.
  return colon !== -1 && address.indexOf(':') === colon ? address.slice(0, colon) : address;
}

/**
 * Each message's endpoints: the log's addresses when it names any, otherwise the headers'. A
 * response without logged addresses comes from where its request went, so requests are
 * remembered per transaction on the way.
 */
export function resolveEndpoints(text: string, document: SipDocument, index: DocumentIndex): Endpoints[] {
  const requestTargets = new Map<number, Endpoint>();
  return document.messages.map((message, i) => {
    const logged = logEndpoints(message);
    if (logged) return logged;
    const transaction = index.transactionOf[i] ?? -1;
    const endpoints = headerEndpoints(text, message, message.kind === 'response' ? (requestTargets.get(transaction) ?? null) : null);
    if (message.kind === 'request' && transaction >= 0 && !requestTargets.has(transaction)) requestTargets.set(transaction, endpoints.to);
    return endpoints;
  });
}
