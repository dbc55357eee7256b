/**
 * `npm run bench`: parser throughput and memory on deterministic 50 MB traces in several formats,
 * each measured side by side with a bare line scan of the same bytes (the floor any reader pays).
 * Every figure is the median of several runs in fresh processes. Results, with the machine they
 * came from, go to test/bench/results.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateTrace, type BenchFormat } from './generate';

const REPO = join(__dirname, '..', '..', '..');
const DATA = join(REPO, 'test', 'bench', '.data');
const RESULTS = join(REPO, 'test', 'bench', 'results.md');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE_MB = Number(process.env.BENCH_MB ?? 50);
const FORMATS: BenchFormat[] = ['sip', 'sipp', 'generic'];

interface Sample {
  bytes: number;
  messages: number;
  format: string;
  scanMs: number;
  parseMs: number;
  retainedHeap: number;
  peakGrowth: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function measure(file: string): Sample {
  // One core: the budget is per core, and taskset keeps the other core for the OS and other work.
  const result = spawnSync('taskset', ['-c', '0', process.execPath, '--expose-gc', join(__dirname, 'measureParse.js'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`measurement failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Sample;
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** One row of the typing table: measureReparse.js in a fresh process on one core. */
function typingRow(format: BenchFormat, file: string): string {
  const result = spawnSync('taskset', ['-c', '0', process.execPath, '--expose-gc', join(__dirname, 'measureReparse.js'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`typing measurement failed: ${result.stderr}`);
  const m = JSON.parse(result.stdout) as { bytes: number; heapAfterOpen: number; parseMs: number; validateMs: number; keystrokeMedianMs: number; keystrokeP95Ms: number; hoverP99Ms: number };
  const heap = m.heapAfterOpen / m.bytes;
  const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  const open = m.parseMs + m.validateMs;
  const row = `| ${format} | ${ms(m.parseMs)} | ${ms(m.validateMs)} | ${ms(open)} ${open <= 1000 ? 'pass' : 'FAIL'} | ${ms(m.keystrokeMedianMs)} | ${ms(m.keystrokeP95Ms)} ${m.keystrokeP95Ms <= 20 ? 'pass' : 'FAIL'} | ${ms(m.hoverP99Ms)} ${m.hoverP99Ms <= 5 ? 'pass' : 'FAIL'} | ${heap.toFixed(1)}x ${heap <= 3 ? 'pass' : 'FAIL'} |`;
  process.stdout.write(`${row}\n`);
  return row;
}

function main(): void {
  mkdirSync(DATA, { recursive: true });
  const rows: string[] = [];
  const failing: string[] = [];
  const typing: string[] = [];
  for (const format of FORMATS) {
    const trace = generateTrace(format, SIZE_MB * 1e6);
    const file = join(DATA, `bench-${format}.txt`);
    writeFileSync(file, trace.text);
    const samples = Array.from({ length: RUNS }, () => measure(file));
    if (format !== 'generic') typing.push(typingRow(format, file));
    rmSync(file);
    const bytes = samples[0]?.bytes ?? 0;
    const found = samples[0]?.messages ?? 0;
    if (found !== trace.messages) throw new Error(`${format}: parsed ${found} messages, generated ${trace.messages}`);
    const parseMs = median(samples.map((s) => s.parseMs));
    const scanMs = median(samples.map((s) => s.scanMs));
    const heap = median(samples.map((s) => s.retainedHeap));
    const peak = median(samples.map((s) => s.peakGrowth));
    const mbps = bytes / 1e6 / (parseMs / 1000);
    rows.push(
      `| ${format} (detected: ${samples[0]?.format}) | ${mb(bytes)} MB, ${found} msgs | ${mbps.toFixed(0)} MB/s ${mbps >= 100 ? 'pass' : 'FAIL'} | ${Math.round(found / (parseMs / 1000)).toLocaleString('en-US')} msgs/s | ${(bytes / 1e6 / (scanMs / 1000)).toFixed(0)} MB/s | ${(parseMs / scanMs).toFixed(1)}x ${parseMs / scanMs <= 5 ? 'pass' : 'FAIL'} | ${(heap / bytes).toFixed(2)}x ${heap / bytes <= 3 ? 'pass' : 'FAIL'} | ${(peak / bytes).toFixed(2)}x ${peak / bytes <= 3 ? 'pass' : 'FAIL'} |`,
    );
    process.stdout.write(`${rows[rows.length - 1]}\n`);
    if (mbps < 100) failing.push(`${format}: ${mbps.toFixed(0)} MB/s of 100`);
    if (heap / bytes > 3) failing.push(`${format}: model heap ${(heap / bytes).toFixed(2)}x of 3x`);
    if (peak / bytes > 3) failing.push(`${format}: peak ${(peak / bytes).toFixed(2)}x of 3x`);
    if (parseMs / scanMs > 5) failing.push(`${format}: ${(parseMs / scanMs).toFixed(1)}x the bare scan, of 5x`);
  }
  rmSync(DATA, { recursive: true, force: true });
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const report = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, pinned to one core. Median of ${RUNS} runs, each in a fresh process.`,
    '',
    '## Parser (issue: parse at >= 100 MB/s on one core, within 5x of the bare line scan, peak memory <= 3x the input)',
    '',
    'The bare line scan splits the same string into lines and runs one start-line regex per line: the floor any reader pays. "Model heap" is what the parsed document keeps alive, typed arrays included; "peak" is the process\'s peak RSS growth while parsing (the closest stable stand-in for peak heap).',
    '',
    '| trace | size | parse | messages/s | bare scan | parse / scan | model heap / input | peak / input |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Where the parser stands',
    '',
    failing.length === 0
      ? 'Every target above is met.'
      : `Not met yet: ${failing.join('; ')}. The measurement is a single parse in a fresh process, so it includes V8 warming up (warm parses of the same text run about 1.5x faster). Header fields are already numbers in one typed array per document and start lines are read again on first access, so what remains is mostly the per-message objects (message, body, problems) and the frame adapters' own line tables (the generic reader builds number arrays and converts them): what it would take is messages as rows of a typed array too, with SipMessage views made on access, and adapters writing typed line tables directly.`,
    '',
    '## Opening and typing (core, one process, no LSP)',
    '',
    'measureReparse.ts: the full parse and validation a server does when a trace opens, then 60 keystrokes inside messages spread over the trace, each followed by the incremental re-parse, re-validation and document index of the new version (budget: 20 ms p95), and a hover there (budget: 5 ms p99). The editor\'s own copy of the text is not counted.',
    '',
    '| trace | parse | validate (all checks) | open total (budget 1000 ms) | keystroke median | keystroke p95 | hover p99 | heap after open / input (budget 3x) |',
    '|---|---|---|---|---|---|---|---|',
    ...typing,
    '',
    'Validation on open is what keeps the open budget out of reach: the checks parse every header value of every message (Via, URIs, name-addr) once, a few hundred microseconds per message on this machine; findings are then kept per message, so typing does not pay it again. Meeting 1 s on open would take validating the visible part first and the rest in the background (publishing in slices), or cheaper value parsing. The same remembered values are most of the heap after opening: every header the checks read keeps its parsed value (a Map per header and the value objects), far above the parsed model itself; meeting 3x would take remembering values per message only while it is being checked, or storing the few values trace checks and navigation need (Call-ID, branch, CSeq, tags) as numbers and interned strings. Keystroke times include garbage collection of that heap, which is what the p95 mostly is.',
    '',
  ].join('\n');
  writeFileSync(RESULTS, report);
  process.stdout.write(`\nwrote ${RESULTS}\n`);
}

main();
