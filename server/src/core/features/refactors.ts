/**
 * Rewrites that are not fixes: a header name between its compact and full forms ("v" <-> "Via",
 * RFC 3261 §7.3.3). Both are equally valid; people expand compact forms to read a trace and
 * compact them to save bytes on UDP.
 */
import { lookupHeader } from '../registry/lookup';
import type { SipDocument, Span } from '../parser/model';
import type { Fix } from './validate';

export function headerNameRefactors(document: SipDocument, range: Span): Fix[] {
  const fixes: Fix[] = [];
  for (const message of document.messages) {
    if (message.span.end < range.start || message.span.start > range.end) continue;
    for (const header of message.headers) {
      const name = header.nameSpan;
      if (header.colon === -1 || name.end < range.start || name.start > range.end) continue;
      const entry = lookupHeader(header.name);
      if (!entry?.registered) continue;
      if (header.name.length === 1 && entry.name.length > 1) {
        fixes.push({ title: `Expand "${header.name}" to ${entry.name}`, edits: [{ span: name, newText: entry.name }] });
      } else if (entry.compactForm && header.name !== entry.compactForm) {
        fixes.push({ title: `Use the compact form "${entry.compactForm}" for ${entry.name}`, edits: [{ span: name, newText: entry.compactForm }] });
      }
    }
  }
  return fixes;
}
