/**
 * Every format the parser knows, and the choice between them. Detection looks only at the text (the
 * first 64 KB), never at a file name: logs arrive as .log, .txt or anything else.
 */
import type { FormatId } from '../model';
import { GENERIC_FORMAT } from './generic';
import { PLAIN_FORMAT } from './plain';
import type { TraceFormat } from './types';

export const DETECTION_SAMPLE = 64 * 1024;

/** Specific formats first; ties go to the earlier entry. The generic reader is the last resort. */
export const FORMATS: readonly TraceFormat[] = [PLAIN_FORMAT, GENERIC_FORMAT];

export function formatById(id: FormatId): TraceFormat | undefined {
  return FORMATS.find((format) => format.id === id);
}

export function detectFormat(text: string): TraceFormat {
  const sample = text.length > DETECTION_SAMPLE ? text.slice(0, DETECTION_SAMPLE) : text;
  // With no sign of any format in the sample (a long log whose first SIP comes late), the generic
  // reader still finds whatever messages the whole text holds.
  let best: TraceFormat = GENERIC_FORMAT;
  let bestScore = 0;
  for (const format of FORMATS) {
    const score = format.detect(sample);
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}
