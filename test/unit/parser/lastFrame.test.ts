/**
 * SIPp's lastFrameStart, the shortcut a stream uses to cut a window without framing all of it, must
 * name the frame frames() ends with, for any prefix of a trace: that is what makes the cut safe.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIPP_FORMAT } from '../../../server/src/core/parser/formats/sipp';
import { generateTrace } from '../../bench/generate';
import { FIXTURES } from '../../support/paths';
import { fixtureFiles } from '../../support/fixtureFiles';

/** What frames() says: where its last frame's framing begins, -1 without frames. */
function byFrames(text: string): number {
  const frames = SIPP_FORMAT.frames(text);
  const last = frames[frames.length - 1];
  return last ? (last.context?.frameSpan?.start ?? Number.NaN) : -1;
}

function agreeOnPrefixes(name: string, text: string, step: number): number {
  const lastFrameStart = SIPP_FORMAT.lastFrameStart;
  assert.ok(lastFrameStart);
  let compared = 0;
  for (let end = 0; end <= text.length; end += step) {
    const prefix = text.slice(0, end);
    const fast: number | undefined = lastFrameStart(prefix);
    if (fast === undefined) continue;
    assert.equal(fast, byFrames(prefix), `${name}, first ${end} characters`);
    compared++;
  }
  return compared;
}

describe('SIPp: the last frame found from the end', () => {
  it('is the last frame frames() finds, on every prefix of the SIPp fixtures', () => {
    let compared = 0;
    for (const file of fixtureFiles(join(FIXTURES, 'traces', 'sipp'))) {
      if (file.endsWith('.xml')) continue;
      compared += agreeOnPrefixes(file, readFileSync(file, 'utf8'), 1);
    }
    assert.ok(compared > 1000, `${compared} prefixes compared`);
  });

  it('is the last frame frames() finds in a generated trace, CRLF or LF, with frames without lines and stray separators', () => {
    const trace = generateTrace('sipp', 6000).text;
    const separator = '-'.repeat(47);
    const odd = [
      trace,
      trace.replace(/\r\n/g, '\n'),
      // A frame with no line after its announcement, followed at once by the next frame.
      `${separator} 1\nUDP message sent (1 bytes):\n${separator} 2\nUDP message received [2] bytes :\n\nSIP/2.0 200 OK\r\n\r\n`,
      // Dashes that are not a separator: too long, indented, not followed by an announcement, or ending the text.
      `${separator}--\nUDP message sent (1 bytes):\n\nINVITE sip:a SIP/2.0\r\n  ${separator}\nUDP message sent\n${separator} x\nnot an announcement\n\n${separator}`,
      // Lone CRs as line ends.
      `${separator} 1\rUDP message sent (1 bytes):\r\rOPTIONS sip:a SIP/2.0\r${separator}\rTCP message received [3] bytes :\rx\r`,
    ];
    for (const [index, text] of odd.entries()) assert.ok(agreeOnPrefixes(`case ${index}`, text, 1) > 0);
  });

  it('leaves an errors log to frames()', () => {
    const text = readFileSync(join(FIXTURES, 'traces', 'sipp', 'uac-unexpected-486_errors.log'), 'utf8');
    assert.equal(SIPP_FORMAT.lastFrameStart?.(text), undefined);
  });
});
