/** Picking one flow out of a trace's flows: by any Call-ID it holds, or `all`. */
import type { CallFlow, TraceFlows } from './model';

/** The call that holds a Call-ID (merged legs answer to each of theirs), the all view for `all`, or null. */
export function selectFlow(flows: TraceFlows, callId: string): CallFlow | null {
  if (callId === 'all') return flows.all;
  return flows.calls.find((call) => call.callIds.includes(callId)) ?? null;
}

/** The short list a call picker shows. */
export interface CallChoice {
  readonly id: string;
  readonly title: string;
  readonly callIds: readonly string[];
  readonly arrows: number;
}

export function callChoices(flows: TraceFlows): CallChoice[] {
  return flows.calls.map((call) => ({ id: call.id, title: call.title, callIds: call.callIds, arrows: call.arrows.length }));
}
