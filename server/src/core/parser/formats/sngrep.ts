/**
 * sngrep's text export (Save, .txt format): for every message a line
 * "2026/11/21 20:55:00.484987 127.0.0.1:5160 -> 127.0.0.1:5170", then the payload exactly as it
 * travelled (CRLF kept), then two bare line feeds. Messages are grouped by dialog, not sorted by
 * time, so timestamps may go backwards; nothing says which transport carried them. IPv6 addresses
 * are already bracketed. The payload is the document's own lines, so frames point straight into
 * the physical line table.
 */
import { scanLines, type MutableLineTable } from '../lines';
import type { Frame } from '../message';
import { parseStartLine } from '../startLine';
import { normalizeAddress, type FrameFacts } from './blocks';
import { packetContext } from './sniffer';
import type { TraceFormat } from './types';

const HEADER = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?) (\S+) -> (\S+)[ \t]*$/;

/** The facts of a header line at [start, end), or null; a fixed-position check runs before the regex. */
function headerAt(text: string, start: number, end: number): FrameFacts | null {
  if (end - start < 24 || text.charCodeAt(start + 4) !== 47 /* / */ || text.charCodeAt(start + 7) !== 47 || text.charCodeAt(start + 10) !== 32) return null;
  const match = HEADER.exec(text.slice(start, end));
  if (!match) return null;
  return { timestamp: match[1] ?? null, src: normalizeAddress(match[2]), dst: normalizeAddress(match[3]) };
}

function framesOf(text: string, lines: MutableLineTable, limit = Infinity): Frame[] {
  const frames: Frame[] = [];
  const count = lines.starts.length;
  let open: { from: number; facts: FrameFacts; span: { start: number; end: number } } | null = null;
  for (let i = 0; i < count && frames.length < limit; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    const facts = headerAt(text, start, end);
    if (!facts) continue;
    if (open && i > open.from) frames.push({ lines, from: open.from, to: i, context: packetContext('sngrep', open.facts, open.span) });
    open = { from: i + 1, facts, span: { start, end } };
  }
  if (open && count > open.from && frames.length < limit) frames.push({ lines, from: open.from, to: count, context: packetContext('sngrep', open.facts, open.span) });
  return frames;
}

function detect(sample: string): number {
  const lines = scanLines(sample);
  for (const frame of framesOf(sample, lines, 8)) {
    const start = lines.starts[frame.from] ?? 0;
    if (parseStartLine(sample, start, lines.ends[frame.from] ?? start, 'strict')) return 100;
  }
  return 0;
}

export const SNGREP_FORMAT: TraceFormat = {
  id: 'sngrep',
  label: 'sngrep text export',
  detection: '"YYYY/MM/DD HH:MM:SS.us src:port -> dst:port" followed directly by a start line',
  detect,
  frames: (text) => framesOf(text, scanLines(text)),
};
