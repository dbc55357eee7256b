/**
 * What Asterisk's loggers put around the SIP text of both its SIP channel drivers.
 * - The `full` log file prefixes a record's first line only:
 *   `[2024-03-12 14:05:31.412] VERBOSE[2398][C-0000001a] res_pjsip_logger.c: ` (the date format is
 *   configurable: `[Feb  7 09:14:02]` by default). A record whose text starts with a newline leaves a
 *   line that holds just the prefix and its trailing space, and the banner follows on the next line.
 * - The remote console (`asterisk -r`) has no prefix, but the verbose lines start with `    -- ` or
 *   `  == `, and the prompt is redrawn before output with a lone CR (`pbx01*CLI> \r\x1b[0K`).
 * Messages in both are framed by banners ending in `--->`; these helpers read the timestamp that
 * goes with a banner and tell where the log's own text resumes.
 */
import type { MutableLineTable } from '../lines';

/** `[timestamp] LEVEL[lwp]` and an optional `[C-xxxxxxxx]`, then `file.c: `. */
const PREFIX = /^\[([^\]\r\n]{1,64})\] [A-Z]+\[\d+\](?:\[C-[0-9A-Fa-f]+\])? [\w/.-]+:(?: |$)/;

export interface AsteriskPrefix {
  readonly timestamp: string;
  /** Offset just past the prefix. */
  readonly end: number;
}

/** The full-log prefix at the start of text[start, end), or null. */
export function asteriskPrefix(text: string, start: number, end: number): AsteriskPrefix | null {
  if (text.charCodeAt(start) !== 91 /* [ */) return null;
  const match = PREFIX.exec(text.slice(start, Math.min(end, start + 200)));
  return match ? { timestamp: match[1] ?? '', end: start + match[0].length } : null;
}

/** True when the line is a full-log prefix and nothing else (the record's text starts on the next line). */
function isBarePrefix(text: string, start: number, end: number): AsteriskPrefix | null {
  const prefix = asteriskPrefix(text, start, end);
  if (!prefix) return null;
  for (let i = prefix.end; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return null;
  }
  return prefix;
}

export interface BannerStamp {
  readonly timestamp: string | null;
  /** Where the framing starts: the banner line, or the bare prefix line above it. */
  readonly frameStart: number;
}

/** The timestamp of the record holding the banner at offset `at` of line i, from its own prefix or from a bare prefix line just above. */
export function bannerStamp(text: string, lines: MutableLineTable, i: number, at: number): BannerStamp {
  const start = lines.starts[i] ?? 0;
  const own = asteriskPrefix(text, start, at);
  if (own) return { timestamp: own.timestamp, frameStart: start };
  if (i > 0) {
    const above = isBarePrefix(text, lines.starts[i - 1] ?? 0, lines.ends[i - 1] ?? 0);
    if (above) return { timestamp: above.timestamp, frameStart: lines.starts[i - 1] ?? start };
  }
  return { timestamp: null, frameStart: start };
}

/** True when the line starts a new log record (a prefixed line, or a console verbose line): SIP text never does. */
export function startsLogRecord(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c === 91 /* [ */) return asteriskPrefix(text, start, end) !== null;
  if (c === 32) return text.startsWith('    -- ', start) || text.startsWith('  == ', start);
  return false;
}
