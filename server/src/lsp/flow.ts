/**
 * The call flow in the editor: the `sipls/flow` request the ladder webview asks for, and the
 * CodeLens above dialog-creating requests that opens it (`sipls.showFlow`, registered by the client).
 */
import type { CodeLens, Command } from 'vscode-languageserver';
import { messageStartingAt } from '../core/parser/document';
import { callChoices, dialogLensTitle, dialogLenses, renderMermaid, renderSvg, selectFlow, type CallChoice, type CallFlow, type GroupBy } from '../core/features/flow';
import { prefixLines } from './prefixLines';
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
      const lines = prefixLines(document);
      const all = dialogLenses(analysis.text, analysis.document, { titles: false });
      // Titles cost a walk through each dialog: a trace with thousands of dialogs gets them on
      // demand (codeLens/resolve), which editors ask for the lenses on screen only.
      const eager = all.length <= EAGER_LENS_TITLES;
      return all.map((lens): CodeLens => {
        const range = { start: lines.positionAt(lens.span.start), end: lines.positionAt(lens.span.end) };
        if (!eager) return { range, data: { uri: document.uri, version: document.version, message: lens.message, callId: lens.callId } satisfies LensData };
        return { range, command: showFlow(document.uri, lens.callId, dialogLensTitle(analysis.text, analysis.document, lens.message)) };
      });
    }),
  );

  const resolve = guard(connection, 'codeLensResolve', null as CodeLens | null, (lens: CodeLens): CodeLens | null => {
    const data = lensData(lens.data);
    const document = data ? documents.get(data.uri) : undefined;
    if (!data || !document) return null;
    const analysis = cache.get(document);
    // A lens from an older version: its request is the message whose start line is where the lens now is.
    const message = data.version === document.version ? data.message : messageStartingAt(analysis.document.messages, document.offsetAt(lens.range.start));
    const line = analysis.document.messages[message]?.startLine;
    if (message < 0 || line?.kind !== 'request') return null;
    return { range: lens.range, command: showFlow(document.uri, data.callId, dialogLensTitle(analysis.text, analysis.document, message)) };
  });
  connection.onCodeLensResolve((lens, token) => resolve(lens, token) ?? lens);
}

/** Above this many dialogs, lens titles are resolved on demand. */
export const EAGER_LENS_TITLES = 500;

interface LensData {
  readonly uri: string;
  readonly version: number;
  readonly message: number;
  readonly callId: string;
}

function lensData(value: unknown): LensData | null {
  if (typeof value !== 'object' || value === null) return null;
  const data = value as Partial<LensData>;
  return typeof data.uri === 'string' && typeof data.version === 'number' && typeof data.message === 'number' && typeof data.callId === 'string'
    ? { uri: data.uri, version: data.version, message: data.message, callId: data.callId }
    : null;
}

function showFlow(uri: string, callId: string, title: string): Command {
  return { title, command: SHOW_FLOW_COMMAND, arguments: [uri, callId] };
}
