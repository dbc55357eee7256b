/**
 * What the ladder view passes around: the `sipls/flow` request and answer (served by the language
 * server), and the messages between the extension and the webview script. Types only, so both the
 * extension (Node) and the webview (browser) compile against the same shapes.
 */
import type { CallFlow, GroupBy } from '../../../server/src/core/features/flow/model';

export type { ArrowClass, CallFlow, FlowArrow, FlowParticipant, GroupBy } from '../../../server/src/core/features/flow/model';

/** `callId: 'all'` asks for every message in one diagram; no callId asks for the first call. */
export interface FlowRequest {
  readonly uri: string;
  readonly callId?: string;
  readonly groupBy?: GroupBy;
}

export interface FlowCallSummary {
  readonly id: string;
  readonly title: string;
  readonly callIds: readonly string[];
  /** The arrow count (the server may also send the arrows themselves; the client only counts them). */
  readonly arrows: number | readonly unknown[];
}

export interface FlowResponse {
  readonly calls: readonly FlowCallSummary[];
  readonly flow: CallFlow;
  readonly svg: string;
  readonly mermaid: string;
}

/** Everything the webview draws; sent whole on every change, so the webview keeps no state of its own but the highlight. */
export interface FlowViewState {
  /** The document's name, for the heading. */
  readonly documentName: string;
  readonly calls: readonly { readonly id: string; readonly title: string; readonly arrows: number }[];
  /** The call shown: a flow id from `calls`, or `all`. */
  readonly selected: string;
  readonly groupBy: GroupBy;
  readonly flow: CallFlow;
  readonly svg: string;
  /** The arrow holding the editor's cursor, or null. */
  readonly highlight: number | null;
}

export const ALL_CALLS = 'all';

/** Extension -> webview. */
export type ToWebview =
  | { readonly type: 'state'; readonly state: FlowViewState }
  | { readonly type: 'highlight'; readonly index: number | null };

export type ExportFormat = 'svg' | 'mermaid';

/** Webview -> extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly index: number; readonly line: number }
  | { readonly type: 'selectCall'; readonly callId: string }
  | { readonly type: 'groupBy'; readonly groupBy: GroupBy }
  | { readonly type: 'export'; readonly format: ExportFormat; readonly target: 'file' | 'clipboard' };
