/**
 * Which Call-IDs are legs of one call. A B2BUA gives each leg its own Call-ID, and many put a
 * correlation value in a header (`X-Call-ID: <the other leg's Call-ID>`, `Session-ID`, the
 * `icid-value` of `P-Charging-Vector`). Each Call-ID and each configured header value is a key;
 * a message joins its Call-ID to every key it carries (union-find), so legs that share any value,
 * or name each other's Call-ID, end up in one group.
 */
import { headersNamed } from '../../parser/access';
import type { SipMessage } from '../../parser/model';

export interface MergeHeader {
  readonly header: string;
  /** A parameter of the header whose value is the key (`icid-value`), or null for the whole value. */
  readonly param: string | null;
}

/** `P-Charging-Vector;icid-value` → header and parameter; `X-Call-ID` → header alone. */
export function parseMergeHeader(spec: string): MergeHeader | null {
  const [header, param] = spec.split(';', 2).map((part) => part.trim());
  if (!header) return null;
  return { header, param: param ? param.toLowerCase() : null };
}

/** Values that stand for "no value" and must not glue unrelated calls together. */
const EMPTY_VALUES = new Set(['', '-', '0', 'null', 'none', 'unknown']);

/**
 * The key values a message carries for one merge header. Session-ID (RFC 7989) is a UUID in hex
 * that peers may write in either case, and its parameters (`;remote=`) are not part of it.
 */
export function mergeValues(message: SipMessage, spec: MergeHeader): string[] {
  const values: string[] = [];
  for (const header of headersNamed(message, spec.header)) {
    let value = header.value;
    if (spec.param !== null) value = paramValue(value, spec.param) ?? '';
    else if (header.key === 'session-id') value = (value.split(';', 1)[0] ?? '').trim().toLowerCase();
    value = value.trim();
    if (!EMPTY_VALUES.has(value.toLowerCase()) && value.length <= 1000) values.push(value);
  }
  return values;
}

/** The value of `name=value` among a header's `;` parameters, quotes removed. */
function paramValue(value: string, name: string): string | null {
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim().toLowerCase() !== name) continue;
    return part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return null;
}

/** A union-find over string keys, with path halving. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    if (!this.parent.has(key)) this.parent.set(key, key);
    let node = key;
    for (let up = this.parent.get(node) ?? node; up !== node; up = this.parent.get(node) ?? node) {
      const grand = this.parent.get(up) ?? up;
      this.parent.set(node, grand);
      node = grand;
    }
    return node;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Groups Call-IDs: each group lists its Call-IDs in order of first appearance, and groups are in
 * order of their first Call-ID. `calls` iterates Call-IDs in first-appearance order.
 */
export function groupCalls(calls: ReadonlyMap<string, readonly number[]>, messages: readonly SipMessage[], headers: readonly MergeHeader[]): string[][] {
  const sets = new UnionFind();
  // Header values share one namespace (an X-CID on one leg may repeat the X-Call-ID of the other);
  // Call-IDs have their own, and a value equal to a known Call-ID joins that call directly.
  const callKey = (id: string): string => `c\u0000${id}`;
  for (const [id, members] of calls) {
    sets.find(callKey(id));
    if (headers.length === 0) continue;
    for (const i of members) {
      const message = messages[i];
      if (!message) continue;
      for (const spec of headers) {
        for (const value of mergeValues(message, spec)) {
          sets.union(callKey(id), `v\u0000${value}`);
          // The header names another leg's Call-ID (X-Call-ID): join it directly.
          if (calls.has(value)) sets.union(callKey(id), callKey(value));
        }
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of calls.keys()) {
    const root = sets.find(callKey(id));
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}
