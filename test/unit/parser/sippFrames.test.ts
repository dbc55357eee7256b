/**
 * SIPp messages logs are framed by finding separators with a native search and walking the line
 * table to them. The frames must be those of the plain reading, which tests every line: a separator
 * line followed by an announcement opens a frame; dashes anywhere else do not.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SIPP_FORMAT } from '../../../server/src/core/parser/formats/sipp';
import { scanLines } from '../../../server/src/core/parser/lines';

const SEPARATOR = '-'.repeat(47);
const ANNOUNCEMENT = /^(Unexpected )?(UDP|TCP|TLS|SCTP|WSS?) (?:control )?message (sent|received)\b/;

/** The frames as [first line, end line, separator offset, direction], read line by line. */
function plainFrames(text: string): [number, number, number, string][] {
  const lines = scanLines(text);
  const count = lines.starts.length;
  const frames: [number, number, number, string][] = [];
  let open: { from: number; at: number; direction: string } | null = null;
  for (let i = 0; i + 1 < count; i++) {
    const start = lines.starts[i] ?? 0;
    const end = lines.ends[i] ?? 0;
    if (!text.startsWith(SEPARATOR, start) || (end > start + 47 && text[start + 47] !== ' ' && text[start + 47] !== '\t')) continue;
    const next = text.slice(lines.starts[i + 1] ?? 0, lines.ends[i + 1] ?? 0);
    const announced = ANNOUNCEMENT.exec(next.slice(0, 80));
    if (!announced) continue;
    if (open && i > open.from) frames.push([open.from, i, open.at, open.direction]);
    open = { from: i + 2, at: start, direction: announced[3] === 'sent' ? 'sent' : 'received' };
    i++;
  }
  if (open && count > open.from) frames.push([open.from, count, open.at, open.direction]);
  return frames;
}

const piece = fc.constantFrom(
  SEPARATOR,
  `${SEPARATOR}-`,
  `${SEPARATOR} 2026-11-21 20:53:18.964541`,
  `${SEPARATOR}\t1.2`,
  `x${SEPARATOR}`,
  'UDP message sent (12 bytes):',
  'Unexpected TCP message received:',
  'TLS control message received [9] bytes :',
  '',
  'INVITE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/UDP h;branch=z9hG4bK1',
);

describe('SIPp frames', () => {
  it('are those of the line-by-line reading, for any arrangement of separators and announcements', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (pieces, eol) => {
        const text = pieces.join(eol);
        const frames = SIPP_FORMAT.frames(text).map((frame): [number, number, number, string] => [frame.from, frame.to, frame.context?.frameSpan?.start ?? -1, frame.context?.direction ?? '']);
        assert.deepEqual(frames, plainFrames(text));
      }),
      { numRuns: 3000 },
    );
  });
});
