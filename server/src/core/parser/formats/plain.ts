/**
 * A SIP message file: one or more raw messages, as pasted from a capture or written by hand. The
 * whole text is a single frame read in `file` mode (Content-Length decides where bodies end).
 */
import { isBlank, scanLines } from '../lines';
import { parseStartLine } from '../startLine';
import type { TraceFormat } from './types';

const HEADER_LIKE = /^(?:[A-Za-z0-9!%*_+`'~.-]+[ \t]*:|[ \t])/;

/**
 * True when the text's first non-blank line is a start line (leniently: broken messages are still
 * messages) followed by a header line. A log line such as "2026-01-01 10:00 INVITE sip:a SIP/2.0"
 * also parses leniently, so a method may not start with a digit, and unless the start line is
 * well-formed a header must follow.
 */
export function startsWithMessage(text: string): boolean {
  const lines = scanLines(text, 0, Math.min(text.length, 8192));
  let first = -1;
  for (let i = 0; i < lines.starts.length; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    if (isBlank(text, start, end)) continue;
    if (first === -1) {
      const line = parseStartLine(text, start, end, 'lenient');
      if (!line || (line.kind === 'request' && /^\d/.test(line.method.text))) return false;
      // A well-formed start line needs no further evidence; a malformed one needs a header after it.
      if (parseStartLine(text, start, end, 'strict')) return true;
      first = i;
      continue;
    }
    return HEADER_LIKE.test(text.slice(start, Math.min(end, start + 200)));
  }
  return first !== -1;
}

export const PLAIN_FORMAT: TraceFormat = {
  id: 'sip',
  label: 'SIP message file',
  detection: 'the first non-blank line is a request or status line',
  detect: (sample) => (startsWithMessage(sample) ? 50 : 0),
  frames: (text) => {
    const lines = scanLines(text);
    return [{ lines, from: 0, to: lines.starts.length, context: null }];
  },
};
