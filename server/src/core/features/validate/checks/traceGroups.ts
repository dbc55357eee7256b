/**
 * The groups the trace checks form, as numbers: each fact's transaction and copy, found once per
 * validation and shared by every check that groups by them. A 50 MB trace has about a hundred
 * thousand facts; joining each one's parts into a long string and hashing it into sets of that
 * size, once per check, cost more than all the checks' own logic.
 */
import { memoized } from '../../../parser/access';
import { MessageFacts, sameWhat, type TraceFacts } from './traceFacts';

export interface TraceGroups {
  /** Per fact, its transaction's number, from 0 in order of first appearance. */
  readonly transaction: Int32Array;
  readonly transactionCount: number;
  /** Per fact, its copy's number (a message and its retransmissions share one). */
  readonly copy: Int32Array;
  readonly copyCount: number;
}

/** The groups of `facts`, remembered with the array (for one validation: the checks run transiently). */
export function traceGroupsOf(facts: readonly TraceFacts[]): TraceGroups {
  return memoized(facts, 'trace-groups', () => {
    if (!facts.every((fact) => fact instanceof MessageFacts)) return byJoinedKeys(facts);
    return byParts(facts, memoized<Int32Array | null>(facts, 'transaction-key-numbers', () => null));
  });
}

/**
 * Hands traceGroupsOf a number per fact for its transaction key (equal numbers for equal keys),
 * made while the facts were gathered: a full validation numbers every Call-ID and branch anyway.
 */
export function primeTransactionKeys(facts: readonly TraceFacts[], numbers: Int32Array): void {
  memoized(facts, 'transaction-key-numbers', () => numbers);
}

/**
 * Groups in chains linked through typed arrays, no object per group: each chain (one per head) lists
 * its groups, and each group keeps one fact that belongs to it, to compare newcomers with.
 */
class Chains {
  readonly first: Int32Array;
  private readonly member: Int32Array;
  private readonly next: Int32Array;
  count = 0;

  constructor(heads: number, capacity: number) {
    this.first = new Int32Array(heads).fill(-1);
    this.member = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  /** The group of chain `head` whose member `same` matches with fact `i`, or a new group for it. */
  groupOf(head: number, i: number, facts: readonly MessageFacts[], same: (a: MessageFacts, b: MessageFacts) => boolean): number {
    const fact = facts[i] as MessageFacts;
    let group = this.first[head] ?? -1;
    while (group !== -1 && !same(facts[this.member[group] ?? 0] as MessageFacts, fact)) group = this.next[group] ?? -1;
    if (group !== -1) return group;
    group = this.count++;
    this.member[group] = i;
    this.next[group] = this.first[head] ?? -1;
    this.first[head] = group;
    return group;
  }
}

/**
 * Groups by the parts of the keys: the transaction key string is hashed (a short piece of the
 * message), the rest is compared along short chains. Facts of one transaction key form a chain of
 * transactions (CSeq number and method), each transaction a chain of copies: a handful of entries.
 */
function byParts(facts: readonly MessageFacts[], keyNumbers: Int32Array | null): TraceGroups {
  const count = facts.length;
  const keys = new Map<string, number>();
  let largest = count - 1;
  if (keyNumbers) for (const number of keyNumbers) largest = Math.max(largest, number);
  // Transactions chained per transaction key, copies per transaction.
  const transactions = new Chains(largest + 1, count);
  const copies = new Chains(count, count);
  const transaction = new Int32Array(count);
  const copy = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const fact = facts[i] as MessageFacts;
    let key = keyNumbers ? keyNumbers[i] : keys.get(fact.transactionKey);
    if (key === undefined) {
      key = keys.size;
      keys.set(fact.transactionKey, key);
    }
    const t = transactions.groupOf(key, i, facts, sameTransaction);
    transaction[i] = t;
    copy[i] = copies.groupOf(t, i, facts, sameCopy);
  }
  return { transaction, transactionCount: transactions.count, copy, copyCount: copies.count };
}

/** Same transaction, given the same transaction key: what `transaction` joins after it. */
function sameTransaction(a: MessageFacts, b: MessageFacts): boolean {
  return a.cseq === b.cseq && a.method === b.method;
}

/** Same copy, given the same transaction: what `copyKey` joins after it. */
function sameCopy(a: MessageFacts, b: MessageFacts): boolean {
  return sameWhat(a, b) && a.toTag === b.toTag && a.rseq === b.rseq && a.direction === b.direction && a.source === b.source;
}

/** Groups facts that come with their keys joined (made elsewhere than traceFactsOf). */
function byJoinedKeys(facts: readonly TraceFacts[]): TraceGroups {
  const transactions = intern(facts, (fact) => fact.transaction);
  const copies = intern(facts, (fact) => fact.copyKey);
  return { transaction: transactions.ids, transactionCount: transactions.count, copy: copies.ids, copyCount: copies.count };
}

function intern(facts: readonly TraceFacts[], keyOf: (fact: TraceFacts) => string): { readonly ids: Int32Array; readonly count: number } {
  const numbers = new Map<string, number>();
  const ids = new Int32Array(facts.length);
  for (let i = 0; i < facts.length; i++) {
    const key = keyOf(facts[i] as TraceFacts);
    let id = numbers.get(key);
    if (id === undefined) {
      id = numbers.size;
      numbers.set(key, id);
    }
    ids[i] = id;
  }
  return { ids, count: numbers.size };
}
