/**
 * Cheap checks on the start of a file, using the same parser as the server: does a plain .log hold
 * SIP traffic, and does a .sip file hold SIP at all (PyQt's binding files also end in .sip)?
 */
import { parseDocument } from '../../server/src/core/parser/document';
import { startsWithMessage } from '../../server/src/core/parser/formats/plain';

/** True when the sample holds at least one SIP message, in any log format the parser knows. */
export function looksLikeSipTrace(sample: string): boolean {
  return parseDocument(sample).messages.length > 0;
}

/** True when a .sip file starts with a SIP request or status line. */
export function looksLikeSipMessage(sample: string): boolean {
  return startsWithMessage(sample) || looksLikeSipTrace(sample);
}
