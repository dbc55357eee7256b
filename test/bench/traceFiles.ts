/**
 * Benchmark inputs on disk: a generated trace written in 1 MB batches (the 1 GB case never exists
 * as one string), and a pcap holding the same messages as UDP datagrams for the tshark baseline.
 */
import { closeSync, openSync, statfsSync, writeSync } from 'node:fs';
import { traceMessages, type BenchFormat } from './generate';
import { writePcap, type Datagram } from './pcap';

export interface WrittenTrace {
  readonly path: string;
  readonly bytes: number;
  readonly messages: number;
}

export function writeTraceFile(path: string, format: BenchFormat, bytes: number, seed = 1): WrittenTrace {
  const fd = openSync(path, 'w');
  let written = 0;
  let messages = 0;
  try {
    let batch = '';
    for (const { framed } of traceMessages(format, bytes, seed)) {
      batch += framed;
      messages++;
      if (batch.length >= 1 << 20) {
        written += writeSync(fd, batch, null, 'latin1');
        batch = '';
      }
    }
    written += writeSync(fd, batch, null, 'latin1');
  } finally {
    closeSync(fd);
  }
  return { path, bytes: written, messages };
}

/** The datagrams of the same messages a trace of `format`, `bytes` and `seed` holds: the caller's side on 5060, the callee's on 5070. */
export function* traceDatagrams(format: BenchFormat, bytes: number, seed = 1): Generator<Datagram> {
  const start = Date.UTC(2026, 0, 1) * 1000;
  for (const message of traceMessages(format, bytes, seed)) {
    yield {
      payload: Buffer.from(message.payload, 'latin1'),
      srcPort: message.sent ? 5060 : 5070,
      dstPort: message.sent ? 5070 : 5060,
      timeUs: start + message.ms * 1000,
    };
  }
}

export function writeTracePcap(path: string, format: BenchFormat, bytes: number, seed = 1): number {
  return writePcap(path, traceDatagrams(format, bytes, seed));
}

/** Free bytes on the file system that holds `folder`. */
export function freeBytes(folder: string): number {
  const stats = statfsSync(folder);
  return stats.bavail * stats.bsize;
}
