/**
 * Completion for SIP message files and trace logs: status codes and reason phrases on status lines,
 * methods and message templates where a message begins, header names in header blocks and values
 * for the headers that take registered ones. Plain data; the LSP adapter makes CompletionItems.
 *
 * Cost per request: binary searches to find the cursor's message and line, then work bounded by
 * that message or line. The item lists come from the registry and are built once.
 */
import type { SipDocument } from '../parser/model';
import { locate } from './completion/context';
import { completeHeaderLine } from './completion/headers';
import { completeStartLine } from './completion/startLine';
import type { CompletionResult } from './completion/types';

export type { CompletionEntry, CompletionKind, CompletionResult } from './completion/types';

/**
 * What to offer at `offset` (a UTF-16 offset into `text`, which `document` was parsed from). Null
 * where nothing applies: inside a body, a Request-URI, a free-form header value, log text.
 */
export function complete(text: string, document: SipDocument, offset: number): CompletionResult | null {
  try {
    const context = locate(text, document, offset);
    if (!context) return null;
    if (context.kind === 'start') return completeStartLine(text, context.line, context.message, offset);
    return completeHeaderLine(text, context.line, context.message, context.owner, offset);
  } catch {
    // Completion must never take the server down; odd input just gets no suggestions.
    return null;
  }
}
