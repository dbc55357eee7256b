/**
 * Which arrow of a flow holds a document offset: the link from the editor's cursor to the ladder.
 * Pure, so it is tested without VS Code.
 */
import type { CallFlow } from './protocol';

/**
 * The arrow whose message (first copy) spans `offset`, or null. A message's end is its last
 * character's offset plus one; the cursor sitting right after the last character still counts.
 */
export function arrowAt(flow: CallFlow, offset: number): number | null {
  for (const arrow of flow.arrows) {
    if (offset >= arrow.start && offset <= arrow.end) return arrow.index;
  }
  return null;
}
