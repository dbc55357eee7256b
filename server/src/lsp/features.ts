/**
 * The read-only features: each handler finds the document's cached parse, asks the core feature,
 * and converts its plain data to LSP types.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../core/features/hover';
import { callSummary, transactionSummary } from '../core/features/navigation';
import { formatDuration } from '../core/features/documentIndex';
import { registerNavigation } from './navigation';
import { registerFlow } from './flow';
import { resolveTopic } from '../core/features/explain/topic';
import { cardFor } from '../core/features/explain/card';
import { topicCatalog, type TopicChoice } from '../core/features/explain/catalog';
import { complete, type CompletionKind } from '../core/features/complete';
import { escapeMarkdown, cardMarkdown } from './markdown';
import { toRange } from './convert';
import { guard, type ServerState } from './state';

const COMPLETION_KIND: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  'status-code': CompletionItemKind.Constant,
  'reason-phrase': CompletionItemKind.Text,
  method: CompletionItemKind.Method,
  header: CompletionItemKind.Property,
  'option-tag': CompletionItemKind.EnumMember,
  'event-package': CompletionItemKind.EnumMember,
  'content-type': CompletionItemKind.Value,
  transport: CompletionItemKind.EnumMember,
  'q850-cause': CompletionItemKind.Constant,
  value: CompletionItemKind.Value,
  template: CompletionItemKind.Snippet,
};

/** Custom requests the VS Code client's "SIP: Explain code…" command uses; any client may. */
export const EXPLAIN_REQUEST = 'sipls/explain';
export const TOPICS_REQUEST = 'sipls/topics';

export function registerFeatures(state: ServerState): void {
  const { connection, documents, cache } = state;
  registerNavigation(state);
  registerFlow(state);

  connection.onRequest(
    TOPICS_REQUEST,
    guard(connection, 'topics', [] as TopicChoice[], () => topicCatalog()),
  );
  connection.onRequest(
    EXPLAIN_REQUEST,
    guard(connection, 'explain', null as { title: string; markdown: string } | null, (params: { topic?: unknown }) => {
      const topics = typeof params?.topic === 'string' ? resolveTopic(params.topic) : [];
      const cards = topics.map(cardFor);
      const first = cards[0];
      return first ? { title: first.title, markdown: cards.map(cardMarkdown).join('\n\n---\n\n') } : null;
    }),
  );

  connection.onCompletion(
    guard(connection, 'completion', null as CompletionList | null, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = cache.get(document);
      const result = complete(analysis.text, analysis.document, document.offsetAt(params.position));
      if (!result) return null;
      // A plain TextEdit over the whole token under the cursor: every client understands it (an
      // InsertReplaceEdit needs a client capability that Neovim 0.7 and eglot lack).
      const range = toRange(document, result.span);
      const items = result.items.map(
        (entry): CompletionItem => ({
          label: entry.label,
          kind: COMPLETION_KIND[entry.kind],
          detail: entry.detail,
          sortText: entry.sortText,
          ...(entry.filterText !== undefined ? { filterText: entry.filterText } : {}),
          insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: { newText: entry.insertText, range },
          ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: cardMarkdown(entry.documentation) } } : {}),
        }),
      );
      return { isIncomplete: false, items };
    }),
  );

  connection.onHover(
    guard(connection, 'hover', null as Hover | null, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = cache.get(document);
      const { text, document: parsed } = analysis;
      const info = hoverAt(text, parsed, document.offsetAt(params.position), {
        logCodes: state.settings().hoverLogCodes,
        describeTransaction: (message) => {
          const summary = transactionSummary(text, parsed, message.index);
          if (!summary) return [];
          const flow = summary.messages.map((m) => m.name).join(' → ');
          return [`Transaction ${summary.method} CSeq ${summary.cseq}${summary.branch ? ` (branch ${summary.branch})` : ''}: ${flow}${summary.durationMs !== null ? ` · ${formatDuration(summary.durationMs)}` : ''}`];
        },
        describeCall: (callId) => {
          const summary = callSummary(text, parsed, callId);
          return summary ? [`Call ${callId}: ${summary.text}`] : [];
        },
      });
      if (!info) return null;
      const parts = [...info.notes.map(escapeMarkdown), ...(info.card ? [cardMarkdown(info.card)] : [])];
      if (parts.length === 0) return null;
      return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(document, info.span) };
    }),
  );
}
