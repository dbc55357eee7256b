/**
 * The call flow in the editor: the `sipls/flow` request the ladder webview asks for, and the
 * CodeLens above dialog-creating requests that opens it (`sipls.showFlow`, registered by the client).
 */
import type { CodeLens } from 'vscode-languageserver';
import { callChoices, dialogLenses, renderMermaid, renderSvg, selectFlow, type CallChoice, type CallFlow, type GroupBy } from '../core/features/flow';
import { toRange } from './convert';
import { guard, type ServerState } from './state';

export const FLOW_REQUEST = 'sipls/flow';
/** The client command a lens runs, with `[uri, callId]`. */
export const SHOW_FLOW_COMMAND = 'sipls.showFlow';

export interface FlowParams {
  readonly uri: string;
  /** A Call-ID of the call to draw (any leg of a merged call), `all` for every message; the first call when absent or unknown. */
  readonly callId?: string;
  /** Overrides `sipls.flow.groupBy` for this request. */
  readonly groupBy?: GroupBy;
}

export interface FlowResult {
  readonly calls: readonly CallChoice[];
  readonly flow: CallFlow;
  readonly svg: string;
  readonly mermaid: string;
}

export function registerFlow(state: ServerState): void {
  const { connection, documents, cache } = state;

  connection.onRequest(
    FLOW_REQUEST,
    guard(connection, 'flow', null as FlowResult | null, (params: FlowParams) => {
      const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!document) return null;
      const settings = state.settings().flow;
      const groupBy = params.groupBy === 'host' || params.groupBy === 'address' ? params.groupBy : settings.groupBy;
      const flows = cache.flows(document, { ...settings, groupBy });
      const wanted = typeof params.callId === 'string' ? selectFlow(flows, params.callId) : null;
      const flow = wanted ?? flows.calls[0] ?? flows.all;
      return { calls: callChoices(flows), flow, svg: renderSvg(flow), mermaid: renderMermaid(flow) };
    }),
  );

  connection.onCodeLens(
    guard(connection, 'codeLens', [] as CodeLens[], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = cache.get(document);
      return dialogLenses(analysis.text, analysis.document).map((lens) => ({
        range: toRange(document, lens.span),
        command: { title: lens.title, command: SHOW_FLOW_COMMAND, arguments: [document.uri, lens.callId] },
      }));
    }),
  );
}
