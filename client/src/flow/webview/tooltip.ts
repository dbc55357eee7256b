/**
 * The arrow tooltip: the message's start line and key headers, from the flow data. Built with
 * text nodes only, so whatever a trace holds (`<script>`, entities, markup) shows as typed.
 */
import type { FlowArrow } from '../protocol';

function line(parent: HTMLElement, text: string, className?: string): void {
  const div = parent.ownerDocument.createElement('div');
  if (className) div.className = className;
  div.textContent = text;
  parent.append(div);
}

function formatDelta(ms: number): string {
  return ms >= 1000 ? `+${(ms / 1000).toFixed(3)} s` : `+${Math.round(ms)} ms`;
}

/** Fills `tooltip` with the arrow's details (start line, timing, copies, key headers, body). */
export function fillTooltip(tooltip: HTMLElement, arrow: FlowArrow): void {
  tooltip.replaceChildren();
  line(tooltip, arrow.startLine, 'start');
  if (arrow.timestamp !== null) line(tooltip, arrow.deltaMs !== null ? `${arrow.timestamp}  (${formatDelta(arrow.deltaMs)})` : arrow.timestamp);
  if (arrow.messages.length > 1) line(tooltip, `×${arrow.messages.length} (retransmitted)`);
  for (const header of arrow.keyHeaders) line(tooltip, `${header.name}: ${header.value}`);
  if (arrow.body) {
    const kind = { 'sdp-offer': 'SDP offer', 'sdp-answer': 'SDP answer', sdp: 'SDP', other: 'body' }[arrow.body.kind];
    line(tooltip, `${kind} (${arrow.body.contentType})${arrow.body.codecs.length > 0 ? `: ${arrow.body.codecs.join(', ')}` : ''}`);
  }
}

/** Places the tooltip near the pointer, inside the window. */
export function placeTooltip(tooltip: HTMLElement, x: number, y: number): void {
  const view = tooltip.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 800;
  const height = view?.innerHeight ?? 600;
  const box = tooltip.getBoundingClientRect();
  const left = Math.max(4, Math.min(x + 14, width - box.width - 4));
  const top = y + 16 + box.height > height ? Math.max(4, y - box.height - 8) : y + 16;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
}
