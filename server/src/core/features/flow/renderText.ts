/**
 * A call flow as a plain-text ladder: one column per participant, one row per arrow, timestamps and
 * deltas on the left, badges and body notes on the right. Pure string output for the CLI and tests.
 *
 *   time                  delta     127.0.0.1:5060      127.0.0.1:5070
 *   20:53:18.964541                       |--INVITE---------->|         SDP offer PCMU/8000
 *   20:53:18.964742       +0.2 ms         |<--180 Ringing-----|
 */
import { badgedLabel, bodyNote, deltaText, printable } from './describe';
import type { CallFlow, FlowArrow } from './model';

/** Narrowest and widest distance between two lifelines, in characters. */
const MIN_SPACING = 14;
const MAX_SPACING = 44;
const MAX_PARTICIPANT_LABEL = MAX_SPACING - 2;

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export function renderText(flow: CallFlow): string {
  const labels = flow.participants.map((p) => clip(printable(p.label), MAX_PARTICIPANT_LABEL));
  const arrowLabels = flow.arrows.map((a) => printable(badgedLabel(a)));
  const longestArrow = arrowLabels.reduce((max, label) => Math.max(max, label.length), 0);
  const longestName = labels.reduce((max, label) => Math.max(max, label.length), 0);
  const spacing = Math.min(MAX_SPACING, Math.max(MIN_SPACING, longestArrow + 6, longestName + 2));
  const times = flow.arrows.map((a) => printable(a.timestamp ?? ''));
  const deltas = flow.arrows.map(deltaText);
  const timeWidth = times.reduce((max, t) => Math.max(max, t.length), 0);
  const deltaWidth = deltas.reduce((max, d) => Math.max(max, d.length), 0);
  const gutter = (timeWidth > 0 ? timeWidth + 2 : 0) + (deltaWidth > 0 ? deltaWidth + 2 : 0);
  // Lifeline i sits at this column; the first leaves room for half a participant label.
  const first = gutter + Math.ceil(Math.max(longestName, 1) / 2);
  const lifeline = (i: number): number => first + i * spacing;
  const width = lifeline(Math.max(0, flow.participants.length - 1)) + 1;

  const out: string[] = [printable(flow.title)];
  if (flow.callIds.length > 1) out.push(`Call-IDs: ${flow.callIds.map((id) => printable(id)).join(', ')}`);
  out.push('');
  const header = Array.from({ length: width + longestName }, () => ' ');
  labels.forEach((label, i) => {
    const start = Math.max(0, lifeline(i) - Math.floor(label.length / 2));
    for (let k = 0; k < label.length; k++) header[start + k] = label[k] ?? ' ';
  });
  out.push(header.join('').trimEnd());
  const lifelines = (): string[] => {
    const row = Array.from({ length: width }, () => ' ');
    flow.participants.forEach((_, i) => (row[lifeline(i)] = '|'));
    return row;
  };
  out.push(lifelines().join('').trimEnd());
  flow.arrows.forEach((arrow, n) => {
    const row = lifelines();
    drawArrow(row, arrow, clip(arrowLabels[n] ?? '', spacing - 5), lifeline);
    const left = [(times[n] ?? '').padEnd(timeWidth > 0 ? timeWidth + 2 : 0), (deltas[n] ?? '').padEnd(deltaWidth > 0 ? deltaWidth + 2 : 0)].join('');
    for (let k = 0; k < left.length && k < gutter; k++) row[k] = left[k] ?? ' ';
    const note = printable(bodyNote(arrow.body));
    out.push(`${row.join('')}${note ? `  ${note}` : ''}`.trimEnd());
  });
  return `${out.join('\n')}\n`;
}

/** `|--INVITE---->|` to the right, `|<--180 Ringing--|` to the left, `|--NOTIFY (to itself)` for a loop. */
function drawArrow(row: string[], arrow: FlowArrow, label: string, lifeline: (i: number) => number): void {
  const from = lifeline(arrow.from);
  const to = lifeline(arrow.to);
  if (from === to) {
    const text = `--${label} (to itself)`;
    for (let k = 0; k < text.length; k++) row[from + 1 + k] = text[k] ?? ' ';
    return;
  }
  const left = Math.min(from, to) + 1;
  const right = Math.max(from, to) - 1;
  const length = right - left + 1;
  const body = from < to ? `--${label}`.padEnd(length - 1, '-') + '>' : `<--${label}`.padEnd(length, '-');
  for (let k = 0; k < length; k++) row[left + k] = body[k] ?? '-';
}
