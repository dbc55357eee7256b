/**
 * Opening and typing in the core, without LSP: where the server's time goes. measureReparse.ts, in a
 * fresh process pinned to CPU 0, does the full parse and validation of an open, then keystrokes
 * inside messages spread over the trace, each followed by the incremental re-parse, re-validation
 * and document index of the new version (on text kept in pieces, as the server keeps it), the join
 * of the pieces a whole-text reader pays once per version, and a hover there.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchFormat } from './generate';
import { runJson } from './processes';
import { ms, type Section } from './table';
import { writeTraceFile } from './traceFiles';

interface Typing {
  bytes: number;
  heapAfterOpen: number;
  parseMs: number;
  validateMs: number;
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  joinMedianMs: number;
  hoverP99Ms: number;
}

const verdict = (pass: boolean): string => (pass ? 'pass' : 'FAIL');

export function typingSection(dataDir: string, sizeMb: number, formats: readonly BenchFormat[]): Section {
  const rows: string[] = [];
  for (const format of formats) {
    const file = join(dataDir, `typing-${format}.txt`);
    writeTraceFile(file, format, sizeMb * 1e6);
    const m = runJson<Typing>(0, join(__dirname, 'measureReparse.js'), [file], ['--expose-gc']);
    rmSync(file);
    const open = m.parseMs + m.validateMs;
    const heap = m.heapAfterOpen / m.bytes;
    rows.push(`| ${format} | ${ms(m.parseMs)} | ${ms(m.validateMs)} | ${ms(open)} ${verdict(open <= 1000)} | ${ms(m.keystrokeMedianMs)} | ${ms(m.keystrokeP95Ms)} ${verdict(m.keystrokeP95Ms <= 20)} | ${ms(m.joinMedianMs)} | ${ms(m.hoverP99Ms)} ${verdict(m.hoverP99Ms <= 5)} | ${heap.toFixed(1)}x ${verdict(heap <= 3)} |`);
    process.stdout.write(`  ${rows[rows.length - 1]}\n`);
  }
  return {
    title: `Opening and typing in the core (${sizeMb} MB, one process, no LSP)`,
    intro: 'The full parse and validation a server does when a trace opens, then 60 keystrokes inside messages spread over the trace, each followed by the incremental re-parse, re-validation and document index of the new version on the text kept in pieces with the message views reused (as the server does), then the join of the pieces into one string that the first whole-text reader of a version pays (a hover here), and the hover itself. One run per format.',
    rows: [],
    extra: [
      '| trace | parse | validate (all checks) | open total (budget 1000 ms) | keystroke median | keystroke p95 (budget 20 ms) | joining the text, median | hover p99 after the join (budget 5 ms) | heap after open / input (budget 3x) |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
    notes: [],
  };
}
