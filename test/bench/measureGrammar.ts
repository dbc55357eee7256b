/**
 * One grammar measurement in a fresh process: tokenize every line of a trace with vscode-textmate and
 * the Oniguruma WebAssembly build, as VS Code does, carrying the rule stack from line to line. Prints
 * one JSON object (GrammarSample) with the total time and the slowest single line.
 *
 * Usage: node measureGrammar.js TRACE_FILE ours|FILE_OF_ANOTHER_GRAMMAR
 * "ours" is source.sip-log from syntaxes/ (with the SIP and SDP grammars it includes); any other
 * argument is a grammar file read on its own (VS Code's built-in log grammar).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vsctm from 'vscode-textmate';
import { loadGrammar, loadOniguruma, splitLines } from '../grammar/tokenize';

export interface GrammarSample {
  readonly scopeName: string;
  readonly bytes: number;
  readonly lines: number;
  readonly totalMs: number;
  /** CPU time of the pass (user + system): steadier than wall time when other work shares the core. */
  readonly cpuMs: number;
  /** The slowest line of the pass, as measured once (may include a garbage-collection pause). */
  readonly slowestPassMs: number;
  /** The slowest line once the slowest lines of the pass are re-timed alone (best of five each). */
  readonly slowestLineMs: number;
  /** 1-based. */
  readonly slowestLine: number;
  readonly tokens: number;
}

/** How many of the pass's slowest (and of the file's longest) lines are re-timed, and how often. */
const RETIMED = 200;
const LONGEST = 20;
const REPEATS = 5;

interface Timed {
  readonly index: number;
  readonly ms: number;
  readonly state: vsctm.StateStack;
}

async function grammarFrom(which: string): Promise<vsctm.IGrammar> {
  if (which === 'ours') return loadGrammar('source.sip-log');
  const raw = vsctm.parseRawGrammar(readFileSync(which, 'utf8'), which);
  const registry = new vsctm.Registry({ onigLib: loadOniguruma(), loadGrammar: async (scope) => (scope === raw.scopeName ? raw : null) });
  const grammar = await registry.loadGrammar(raw.scopeName);
  if (!grammar) throw new Error(`could not load ${which}`);
  return grammar;
}

async function main(): Promise<void> {
  const [file, which = 'ours'] = process.argv.slice(2);
  if (!file) throw new Error('usage: measureGrammar TRACE_FILE ours|GRAMMAR_FILE');
  const text = readFileSync(file, 'latin1');
  const lines = splitLines(text);
  const grammar = await grammarFrom(which);
  // Compiling the grammar's regexes happens on first use: a short warm-up keeps it out of the slowest line.
  let state = vsctm.INITIAL;
  for (const line of lines.slice(0, 200)) state = grammar.tokenizeLine(line, state).ruleStack;

  state = vsctm.INITIAL;
  let slowest: Timed[] = [];
  let longest: Timed[] = [];
  let tokens = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < lines.length; i++) {
    const before = performance.now();
    const result = grammar.tokenizeLine(lines[i] ?? '', state);
    const ms = performance.now() - before;
    if (slowest.length < RETIMED || ms > (slowest[slowest.length - 1]?.ms ?? 0)) {
      slowest.push({ index: i, ms, state });
      slowest = slowest.sort((a, b) => b.ms - a.ms).slice(0, RETIMED);
    }
    if (longest.length < LONGEST || (lines[i] ?? '').length > (lines[longest[longest.length - 1]?.index ?? 0] ?? '').length) {
      longest.push({ index: i, ms, state });
      longest = longest.sort((a, b) => (lines[b.index] ?? '').length - (lines[a.index] ?? '').length).slice(0, LONGEST);
    }
    tokens += result.tokens.length;
    state = result.ruleStack;
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);

  // A single timing of a line can include a collector pause that belongs to the whole pass: the
  // candidates are timed again from the same rule stack and each keeps its best time.
  let slowestLineMs = 0;
  let slowestLine = 0;
  for (const candidate of [...slowest, ...longest]) {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < REPEATS; r++) {
      const before = performance.now();
      grammar.tokenizeLine(lines[candidate.index] ?? '', candidate.state);
      best = Math.min(best, performance.now() - before);
    }
    if (best > slowestLineMs) {
      slowestLineMs = best;
      slowestLine = candidate.index + 1;
    }
  }
  const sample: GrammarSample = {
    scopeName: scopeOf(which),
    bytes: text.length,
    lines: lines.length,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    slowestPassMs: slowest[0]?.ms ?? 0,
    slowestLineMs,
    slowestLine,
    tokens,
  };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

function scopeOf(which: string): string {
  if (which === 'ours') return 'source.sip-log';
  return (JSON.parse(readFileSync(which, 'utf8')) as { scopeName?: string }).scopeName ?? which;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
