/**
 * The call-flow (ladder) model: plain data that the CLI renders as text, Mermaid or SVG and the VS
 * Code webview draws. It is the contract between the core (which builds it from a parsed document),
 * the language server (`sipls/flow` request) and the webview, so it holds only JSON-safe values.
 */

/** How participants (columns) are told apart: by IP and port, or by host alone. */
export type GroupBy = 'address' | 'host';

export interface FlowOptions {
  readonly groupBy: GroupBy;
  /**
   * Headers that link the legs of a B2BUA into one call: a header name (`X-Call-ID`, `Session-ID`)
   * or a header name and parameter (`P-Charging-Vector;icid-value`). Legs whose values match merge.
   */
  readonly mergeHeaders: readonly string[];
}

export const DEFAULT_FLOW_OPTIONS: FlowOptions = {
  groupBy: 'address',
  mergeHeaders: ['X-Call-ID', 'X-CID', 'P-Charging-Vector;icid-value', 'Session-ID'],
};

export interface FlowParticipant {
  /** Stable within one flow: the column's key (`192.0.2.1:5060`, or `192.0.2.1` when grouped by host). */
  readonly id: string;
  /** What the column header shows. */
  readonly label: string;
  /** Where the participant came from: the log's addresses, or Via / Contact / From / To when the log has none. */
  readonly source: 'log' | 'via' | 'contact' | 'uri';
}

/** Arrow colours: requests, then responses by status class. */
export type ArrowClass = 'request' | '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | '6xx';

export interface FlowBody {
  /** An SDP offer or answer by its place in the offer/answer exchange (RFC 3264), plain `sdp` when unknown, or another type. */
  readonly kind: 'sdp-offer' | 'sdp-answer' | 'sdp' | 'other';
  readonly contentType: string;
  /** Codec names from `a=rtpmap` (or static payload types), in order: `PCMU/8000`. */
  readonly codecs: readonly string[];
}

export interface FlowArrow {
  /** Position of the arrow in its flow, from 0. */
  readonly index: number;
  /** Index into `SipDocument.messages` of the first copy. */
  readonly message: number;
  /** Every copy the arrow stands for: the first, then its retransmissions. `×N` is `messages.length` when above 1. */
  readonly messages: readonly number[];
  /** Participant indexes. */
  readonly from: number;
  readonly to: number;
  /** `INVITE` for a request, `180 Ringing` for a response. */
  readonly label: string;
  readonly class: ArrowClass;
  readonly callId: string | null;
  /** The timestamp as the log wrote it, or null. */
  readonly timestamp: string | null;
  /** Milliseconds since the previous arrow with a timestamp on the same clock, or null. */
  readonly deltaMs: number | null;
  readonly body: FlowBody | null;
  /** 0-based line of the start line, for "reveal in editor"; counted as LSP counts lines. */
  readonly line: number;
  /** Offsets of the whole message (first copy) in the document text. */
  readonly start: number;
  readonly end: number;
  /** The start line and the key headers (From, To, Call-ID, CSeq, top Via, Contact), for tooltips. */
  readonly startLine: string;
  readonly keyHeaders: readonly { readonly name: string; readonly value: string }[];
}

export interface CallFlow {
  /** `all` for the all-calls view, otherwise the first Call-ID of the (merged) call. */
  readonly id: string;
  readonly title: string;
  /** Every Call-ID the flow holds (several when B2BUA legs were merged). */
  readonly callIds: readonly string[];
  readonly participants: readonly FlowParticipant[];
  readonly arrows: readonly FlowArrow[];
}

export interface TraceFlows {
  /** One flow per call (Call-ID, or merged legs), in order of first appearance. */
  readonly calls: readonly CallFlow[];
  /** Every message of the document in one diagram. */
  readonly all: CallFlow;
}
