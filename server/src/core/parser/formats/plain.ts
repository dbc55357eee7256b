/**
 * A SIP message file: one or more raw messages, as pasted from a capture or written by hand. The
 * whole text is a single frame read in `file` mode (Content-Length decides where bodies end).
 */
import { isBlank, scanLines } from '../lines';
import { parseStartLine } from '../startLine';
import type { TraceFormat } from './types';

/** True when the text's first non-blank line is a start line (leniently: broken messages are still messages). */
export function startsWithMessage(text: string): boolean {
  const lines = scanLines(text, 0, Math.min(text.length, 8192));
  for (let i = 0; i < lines.starts.length; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    if (isBlank(text, start, end)) continue;
    return parseStartLine(text, start, end, 'lenient') !== null;
  }
  return false;
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
