/**
 * What a message body is on the ladder: an SDP offer or answer, with its codecs. Offer and answer
 * follow the order of the exchange (RFC 3264 with RFC 3261 §13.2.1 and RFC 3262): the first SDP in
 * an INVITE (or UPDATE, or re-INVITE) is an offer and the SDP of its response is the answer; an
 * INVITE without SDP lets the first response with SDP make the offer, answered by the ACK (or by
 * the PRACK of a reliable provisional response).
 */
import { contentTypeOf, cseqOf, firstHeader, methodOf } from '../../parser/access';
import type { SipMessage } from '../../parser/model';
import type { FlowBody } from './model';

/** Static RTP payload types (RFC 3551 §6) that an `m=` line may use without an `a=rtpmap`. */
const STATIC_PAYLOADS: Readonly<Record<string, string>> = {
  '0': 'PCMU/8000',
  '3': 'GSM/8000',
  '4': 'G723/8000',
  '5': 'DVI4/8000',
  '6': 'DVI4/16000',
  '7': 'LPC/8000',
  '8': 'PCMA/8000',
  '9': 'G722/8000',
  '10': 'L16/44100',
  '11': 'L16/44100',
  '12': 'QCELP/8000',
  '13': 'CN/8000',
  '14': 'MPA/90000',
  '15': 'G728/8000',
  '16': 'DVI4/11025',
  '17': 'DVI4/22050',
  '18': 'G729/8000',
  '25': 'CelB/90000',
  '26': 'JPEG/90000',
  '28': 'nv/90000',
  '31': 'H261/90000',
  '32': 'MPV/90000',
  '33': 'MP2T/90000',
  '34': 'H263/90000',
};

/** Lines read from a body: SDP is small; a huge body is not scanned past this. */
const MAX_BODY_LINES = 2000;

/** The body's lines as the message holds them (a log's decoration between lines left out). */
export function bodyLines(text: string, message: SipMessage): string[] {
  const body = message.body;
  if (!body) return [];
  const lines: string[] = [];
  const last = Math.min(body.lastLine, body.firstLine + MAX_BODY_LINES);
  for (let i = body.firstLine; i < last; i++) lines.push(text.slice(message.lines.starts[i] ?? 0, message.lines.ends[i] ?? 0));
  return lines;
}

/** Codecs in `m=` order: `a=rtpmap` names, else the static payload type's name, else `PT 96`. */
export function sdpCodecs(lines: readonly string[]): string[] {
  const rtpmap = new Map<string, string>();
  const payloads: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      // m=<media> <port> <proto> <fmt> ...
      payloads.push(...line.slice(2).split(/\s+/).slice(3).filter(Boolean));
    } else if (line.toLowerCase().startsWith('a=rtpmap:')) {
      const match = /^a=rtpmap:(\S+)\s+(\S+)/i.exec(line);
      if (match?.[1] && match[2] && !rtpmap.has(match[1])) rtpmap.set(match[1], match[2]);
    }
  }
  const codecs: string[] = [];
  for (const pt of payloads) {
    const name = rtpmap.get(pt) ?? STATIC_PAYLOADS[pt] ?? (/^\d+$/.test(pt) ? `PT ${pt}` : pt);
    if (!codecs.includes(name)) codecs.push(name);
  }
  return codecs;
}

function isSdp(mediaType: string, lines: readonly string[]): boolean {
  if (mediaType === 'application/sdp') return true;
  // A multipart body (SIP-I, SIPREC) may carry SDP as one part: recognised by its version line and a media line.
  return mediaType.startsWith('multipart/') && lines.some((l) => l.trim() === 'v=0') && lines.some((l) => l.trim().startsWith('m='));
}

interface ExchangeState {
  /** Whether the INVITE (or UPDATE) carried the offer. */
  requestOffered: boolean;
  /** Whether a response made the offer (INVITE without SDP), waiting for the ACK or PRACK. */
  responseOffered: boolean;
  answered: boolean;
}

/**
 * Classifies bodies in the order messages are shown, remembering each exchange by Call-ID and
 * CSeq number (an ACK and a PRACK find the INVITE they belong to through CSeq and RAck).
 */
export class OfferAnswerTracker {
  private readonly exchanges = new Map<string, ExchangeState>();

  body(text: string, message: SipMessage, callId: string | null): FlowBody | null {
    if (!message.body || message.body.end <= message.body.start) return null;
    const contentType = contentTypeOf(text, message);
    const lines = bodyLines(text, message);
    const mediaType = contentType?.mediaType ?? '';
    const headerText = firstHeader(message, 'Content-Type')?.value ?? '';
    if (!isSdp(mediaType, lines)) return { kind: 'other', contentType: headerText, codecs: [] };
    return { kind: this.role(text, message, callId), contentType: headerText, codecs: sdpCodecs(lines) };
  }

  private role(text: string, message: SipMessage, callId: string | null): FlowBody['kind'] {
    const method = methodOf(text, message)?.toUpperCase() ?? '';
    const cseq = cseqOf(text, message)?.value;
    if (callId === null || cseq === undefined || Number.isNaN(cseq)) return 'sdp';
    const key = (number: number | string): string => `${callId}\u0000${number}`;
    if (message.kind === 'request') {
      if (method === 'INVITE' || method === 'UPDATE') {
        this.exchanges.set(key(cseq), { requestOffered: true, responseOffered: false, answered: false });
        return 'sdp-offer';
      }
      if (method === 'ACK' || method === 'PRACK') {
        const target = method === 'ACK' ? String(cseq) : (/^\s*\d+\s+(\d+)/.exec(firstHeader(message, 'RAck')?.value ?? '')?.[1] ?? '');
        const state = this.exchanges.get(key(target));
        if (state?.responseOffered && !state.answered) {
          state.answered = true;
          return 'sdp-answer';
        }
        if (method === 'PRACK') {
          // A PRACK may open an exchange of its own, answered in its 200.
          this.exchanges.set(key(cseq), { requestOffered: true, responseOffered: false, answered: false });
          return 'sdp-offer';
        }
      }
      return 'sdp';
    }
    const state = this.exchanges.get(key(cseq));
    const status = message.startLine.kind === 'response' ? message.startLine.status : NaN;
    if (!state || status >= 300) return 'sdp';
    if (state.requestOffered) return 'sdp-answer';
    // The INVITE had no SDP: the first response with SDP offers; later ones repeat that offer.
    if (!state.responseOffered) state.responseOffered = true;
    return 'sdp-offer';
  }

  /** Registers a request without SDP, so that the response carrying SDP is read as the offer. */
  request(text: string, message: SipMessage, callId: string | null): void {
    if (message.kind !== 'request' || callId === null) return;
    const method = message.startLine.kind === 'request' ? message.startLine.method.text.toUpperCase() : '';
    const cseq = cseqOf(text, message)?.value;
    if ((method !== 'INVITE' && method !== 'UPDATE') || cseq === undefined || Number.isNaN(cseq)) return;
    const key = `${callId}\u0000${cseq}`;
    if (!this.exchanges.has(key)) this.exchanges.set(key, { requestOffered: false, responseOffered: false, answered: false });
  }
}
