/**
 * "SIP: Filter trace…" without VS Code: the choices a trace offers (Call-IDs, methods, code
 * classes, participants, all read from the all-calls flow) and the filtered text, in which each
 * message is preceded by a `# line N of FILE` line that links back to the source.
 */
import type { ArrowClass, CallFlow, FlowArrow } from './protocol';

export type FilterKind = 'callId' | 'method' | 'class' | 'participant';

export interface FilterChoice {
  readonly kind: FilterKind;
  readonly value: string;
  /** How many messages (arrows) the choice alone keeps. */
  readonly count: number;
}

export const FILTER_KIND_NAMES: Readonly<Record<FilterKind, string>> = {
  callId: 'Call-ID',
  method: 'Method',
  class: 'Code class',
  participant: 'Participant',
};

const CLASS_NAMES: Readonly<Record<ArrowClass, string>> = {
  request: 'requests', '1xx': '1xx provisional', '2xx': '2xx success', '3xx': '3xx redirection',
  '4xx': '4xx client error', '5xx': '5xx server error', '6xx': '6xx global failure',
};

export function classLabel(value: string): string {
  return CLASS_NAMES[value as ArrowClass] ?? value;
}

/** A request's method, or for a response the method its CSeq names: INVITE holds its own answers. */
export function arrowMethod(arrow: FlowArrow): string {
  if (arrow.class === 'request') return arrow.label.split(' ')[0] ?? arrow.label;
  const cseq = arrow.keyHeaders.find((h) => h.name.toLowerCase() === 'cseq')?.value ?? '';
  return cseq.trim().split(/\s+/)[1]?.toUpperCase() ?? '';
}

function valuesOf(flow: CallFlow, arrow: FlowArrow, kind: FilterKind): string[] {
  switch (kind) {
    case 'callId': return arrow.callId === null ? [] : [arrow.callId];
    case 'method': { const method = arrowMethod(arrow); return method ? [method] : []; }
    case 'class': return [arrow.class];
    case 'participant': return [flow.participants[arrow.from]?.id, flow.participants[arrow.to]?.id].filter((id): id is string => id !== undefined);
  }
}

const KINDS: readonly FilterKind[] = ['callId', 'method', 'class', 'participant'];

/** Every value of every kind that occurs in the flow, in order of first appearance, with its count. */
export function filterChoices(flow: CallFlow): FilterChoice[] {
  const choices: FilterChoice[] = [];
  for (const kind of KINDS) {
    const counts = new Map<string, number>();
    for (const arrow of flow.arrows) for (const value of new Set(valuesOf(flow, arrow, kind))) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) choices.push({ kind, value, count });
  }
  return choices;
}

/** Choices of different kinds must all hold (AND); choices of one kind are alternatives (OR). */
export function matchesFilter(flow: CallFlow, arrow: FlowArrow, picked: readonly FilterChoice[]): boolean {
  return KINDS.every((kind) => {
    const wanted = picked.filter((c) => c.kind === kind).map((c) => c.value);
    return wanted.length === 0 || valuesOf(flow, arrow, kind).some((v) => wanted.includes(v));
  });
}

export interface FilteredTrace {
  readonly text: string;
  /** For each kept message: the 0-based line of its `# line N` comment in `text`, and its 0-based start line in the source. */
  readonly links: readonly { readonly line: number; readonly sourceLine: number }[];
  readonly messages: number;
}

/** The kept messages' text (cut from `source` by their offsets), each behind a `# line N of NAME` line. */
export function filterTrace(flow: CallFlow, source: string, sourceName: string, picked: readonly FilterChoice[]): FilteredTrace {
  const parts: string[] = [];
  const links: { line: number; sourceLine: number }[] = [];
  let line = 0;
  for (const arrow of flow.arrows) {
    if (!matchesFilter(flow, arrow, picked)) continue;
    const copies = arrow.messages.length > 1 ? ` (sent ${arrow.messages.length} times)` : '';
    const comment = `# line ${arrow.line + 1} of ${sourceName}${copies}`;
    let body = source.slice(arrow.start, arrow.end).replace(/\r\n?/g, '\n');
    if (!body.endsWith('\n')) body += '\n';
    links.push({ line, sourceLine: arrow.line });
    parts.push(`${comment}\n${body}\n`);
    line += 1 + body.split('\n').length;
  }
  return { text: parts.join(''), links, messages: links.length };
}
