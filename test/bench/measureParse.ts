/**
 * One measurement in a fresh process (so heap and RSS figures are not polluted by earlier runs):
 * read a trace, time the bare line scan and the full parse on the same string, and report memory.
 * Run with --expose-gc. Prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../server/src/core/parser/document';

const START_LINE = /^(?:[A-Z]+ \S+ SIP\/2\.0|SIP\/2\.0 \d{3} )/;

/** The floor: split into lines and run one regex per line, which any reader of the text must at least do. */
function bareScan(text: string): number {
  let hits = 0;
  for (const line of text.split('\n')) if (START_LINE.test(line)) hits++;
  return hits;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const file = process.argv[2] ?? '';
const text = readFileSync(file, 'latin1');
gc();

let started = process.hrtime.bigint();
const scanned = bareScan(text);
const scanMs = Number(process.hrtime.bigint() - started) / 1e6;
gc();

// Typed arrays (line tables, header fields) live outside the JS heap: they count as model too.
const retained = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = retained();
const rssBefore = process.memoryUsage().rss;
started = process.hrtime.bigint();
const document = parseDocument(text);
const parseMs = Number(process.hrtime.bigint() - started) / 1e6;
const peakRss = process.resourceUsage().maxRSS * 1024;
gc();
const retainedHeap = retained() - heapBefore;

process.stdout.write(
  JSON.stringify({
    bytes: text.length,
    messages: document.messages.length,
    format: document.format,
    scanned,
    scanMs,
    parseMs,
    retainedHeap,
    peakGrowth: Math.max(0, peakRss - rssBefore),
  }) + '\n',
);
