/** Small pieces of text every renderer shows the same way: badges, body notes, deltas. */
import { formatDuration } from '../documentIndex';
import type { FlowArrow, FlowBody } from './model';

/** `×3` for an arrow that stands for three copies, empty for one. */
export function copiesBadge(arrow: FlowArrow): string {
  return arrow.messages.length > 1 ? `×${arrow.messages.length}` : '';
}

/** `SDP offer PCMU/8000 PCMA/8000`, `SDP`, or the content type of another body. */
export function bodyNote(body: FlowBody | null): string {
  if (!body) return '';
  const codecs = body.codecs.length > 0 ? ` ${body.codecs.join(' ')}` : '';
  switch (body.kind) {
    case 'sdp-offer':
      return `SDP offer${codecs}`;
    case 'sdp-answer':
      return `SDP answer${codecs}`;
    case 'sdp':
      return `SDP${codecs}`;
    default:
      return body.contentType || 'body';
  }
}

/** `+1.2 ms` from the previous timestamped arrow, or empty. */
export function deltaText(arrow: FlowArrow): string {
  return arrow.deltaMs === null ? '' : `+${formatDuration(arrow.deltaMs)}`;
}

/** The label with its badge: `INVITE ×3`. */
export function badgedLabel(arrow: FlowArrow): string {
  const badge = copiesBadge(arrow);
  return badge ? `${arrow.label} ${badge}` : arrow.label;
}

/** Control characters (a hostile or broken log) never reach a terminal or a diagram; a tooltip may keep its line breaks. */
export function printable(text: string, keepLineBreaks = false): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(keepLineBreaks ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
