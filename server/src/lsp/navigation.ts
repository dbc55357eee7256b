/**
 * Outline, folding and navigation handlers: the core computes spans; this converts them to LSP
 * symbols, folding ranges, locations and highlights.
 */
import { DocumentHighlightKind, FoldingRangeKind, SymbolKind, type DocumentHighlight, type DocumentSymbol, type FoldingRange, type Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, OUTLINE_LIMIT_SETTING, type SymbolEntry } from '../core/features/symbols';
import { cappedFoldingRanges } from '../core/features/folding';
import { definitionAt, highlightsAt, referencesAt } from '../core/features/navigation';
import type { Span } from '../core/parser/model';
import { toRange } from './convert';
import { guard, type ServerState } from './state';
import { prefixLines, type PositionsInOrder } from './prefixLines';

const SYMBOL_KIND: Readonly<Record<SymbolEntry['kind'], SymbolKind>> = { call: SymbolKind.Namespace, request: SymbolKind.Function, response: SymbolKind.Event, more: SymbolKind.Null };

function toSymbol(lines: PositionsInOrder, entry: SymbolEntry): DocumentSymbol {
  const { span, selectionSpan } = entry;
  const start = lines.positionAt(span.start);
  // A symbol's selection is its start line, which starts where the symbol does: one position serves both.
  const selectionStart = selectionSpan.start === span.start ? start : lines.positionAt(selectionSpan.start);
  const symbol: DocumentSymbol = {
    name: entry.name,
    kind: SYMBOL_KIND[entry.kind],
    range: { start, end: lines.positionAt(span.end) },
    selectionRange: { start: selectionStart, end: lines.positionAt(selectionSpan.end) },
    children: entry.children.map((child) => toSymbol(lines, child)),
  };
  // Set only when there is one (an empty detail is left out of the answer, as before).
  if (entry.detail) symbol.detail = entry.detail;
  return symbol;
}

export function registerNavigation(state: ServerState): void {
  const { connection, documents, cache } = state;
  /** The cached analysis for a request, or null for an unknown document. */
  const open = (uri: string): { document: TextDocument; text: string; parsed: ReturnType<typeof cache.get>['document'] } | null => {
    const document = documents.get(uri);
    if (!document) return null;
    const analysis = cache.get(document);
    return { document, text: analysis.text, parsed: analysis.document };
  };
  const locations = (document: TextDocument, spans: readonly Span[]): Location[] => spans.map((span) => ({ uri: document.uri, range: toRange(document, span) }));

  // A capped outline says so in its last symbol; capped folding has nowhere to say it but the log, once per document.
  const foldingCapLogged = new Set<string>();
  documents.onDidClose((event) => foldingCapLogged.delete(event.document.uri));

  connection.onDocumentSymbol(
    guard(connection, 'documentSymbol', [] as DocumentSymbol[], (params) => {
      const target = open(params.textDocument.uri);
      if (!target) return [];
      // A capped outline covers the start of the document: positions need its lines only so far.
      const lines = prefixLines(target.document);
      return documentSymbols(target.text, target.parsed, state.settings().outlineMaxItems).map((entry) => toSymbol(lines, entry));
    }),
  );

  connection.onFoldingRanges(
    guard(connection, 'foldingRange', [] as FoldingRange[], (params) => {
      const target = open(params.textDocument.uri);
      if (!target) return [];
      const setting = state.settings().outlineMaxItems;
      const editor = state.foldingRangeLimit() ?? Number.POSITIVE_INFINITY;
      const limit = Math.min(setting, editor);
      const { folds, capped } = cappedFoldingRanges(target.text, target.parsed, limit);
      if (capped && !foldingCapLogged.has(params.textDocument.uri)) {
        foldingCapLogged.add(params.textDocument.uri);
        const by = editor < setting ? "the editor's rangeLimit" : OUTLINE_LIMIT_SETTING;
        connection.console.info(`sipls: only the first ${limit} folding ranges of ${params.textDocument.uri} are given (capped by ${by}); the rest of the document does not fold.`);
      }
      const lines = prefixLines(target.document);
      return folds.map((fold) => ({
        startLine: lines.positionAt(fold.start).line,
        endLine: lines.positionAt(fold.end).line,
        ...(fold.kind === 'headers' ? { kind: FoldingRangeKind.Region } : {}),
      }));
    }),
  );

  connection.onDefinition(
    guard(connection, 'definition', [] as Location[], (params) => {
      const target = open(params.textDocument.uri);
      return target ? locations(target.document, definitionAt(target.text, target.parsed, target.document.offsetAt(params.position))) : [];
    }),
  );

  connection.onReferences(
    guard(connection, 'references', [] as Location[], (params) => {
      const target = open(params.textDocument.uri);
      return target ? locations(target.document, referencesAt(target.text, target.parsed, target.document.offsetAt(params.position))) : [];
    }),
  );

  connection.onDocumentHighlight(
    guard(connection, 'documentHighlight', [] as DocumentHighlight[], (params) => {
      const target = open(params.textDocument.uri);
      if (!target) return [];
      return highlightsAt(target.text, target.parsed, target.document.offsetAt(params.position)).map((h) => ({
        range: toRange(target.document, h.span),
        kind: h.kind === 'read' ? DocumentHighlightKind.Read : DocumentHighlightKind.Text,
      }));
    }),
  );
}
