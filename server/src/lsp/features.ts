/**
 * The read-only features: each handler finds the document's cached parse, asks the core feature,
 * and converts its plain data to LSP types.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../core/features/hover';
import { escapeMarkdown, cardMarkdown } from './markdown';
import { toRange } from './convert';
import { guard, type ServerState } from './state';

export function registerFeatures(state: ServerState): void {
  const { connection, documents, cache } = state;

  connection.onHover(
    guard(connection, 'hover', null as Hover | null, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = cache.get(document);
      const info = hoverAt(analysis.text, analysis.document, document.offsetAt(params.position), { logCodes: state.settings().hoverLogCodes });
      if (!info) return null;
      const parts = [...info.notes.map(escapeMarkdown), ...(info.card ? [cardMarkdown(info.card)] : [])];
      if (parts.length === 0) return null;
      return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(document, info.span) };
    }),
  );
}
