/**
 * What completion returns: plain data the LSP adapter turns into CompletionItems. One span for the
 * whole list, because every item at a position replaces the same text (the token being typed).
 */
import type { Span } from '../../parser/model';
import type { Card } from '../explain/card';

export type CompletionKind =
  | 'status-code'
  | 'reason-phrase'
  | 'method'
  | 'header'
  | 'option-tag'
  | 'event-package'
  | 'content-type'
  | 'transport'
  | 'q850-cause'
  | 'value'
  | 'template';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  /** True when insertText is snippet syntax ($0, ${1:placeholder}); plain text otherwise. */
  readonly snippet: boolean;
  /** What the editor matches typed text against, when that differs from the label. */
  readonly filterText?: string;
  /** Orders the list when the typed text matches items equally well. */
  readonly sortText: string;
  /** One line, e.g. "4xx Client Failure, RFC 3261 §21.4.24". */
  readonly detail: string;
  /** The explain card, for items that are registry entries. */
  readonly documentation?: Card;
}

export interface CompletionResult {
  /** The text the chosen item replaces (it may extend past the cursor: a whole token or phrase). */
  readonly span: Span;
  readonly items: readonly CompletionEntry[];
}

/** sortText from a group (0 sorts first) and a rank within it, so that string order is numeric order. */
export function sortKey(group: number, rank: number): string {
  return `${group}-${String(rank).padStart(4, '0')}`;
}
