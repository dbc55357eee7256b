/**
 * `npm run bench`: every figure of the scale budgets, measured on deterministic traces, each beside
 * a baseline on the same bytes, printed and written to test/bench/results.md.
 *
 * Areas, in order: the parser alone (50 MB, three formats); the language server end to end over
 * stdio (1, 10 and 50 MB); tshark on the same messages; the TextMate grammar against VS Code's log
 * grammar (20 MB); `sipls check` on 1 GB. `SIPLS_BENCH_QUICK=1` skips the 50 MB and 1 GB rows (10 MB
 * instead) and prints without writing results.md. `BENCH_RUNS` sets the runs per figure (default 3;
 * the grammar row runs once).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { cliSection } from './cliSection';
import { grammarSection } from './grammarSection';
import { lspSection } from './lspSection';
import { parserSection } from './parserSection';
import { haveTaskset } from './lspDriver';
import { consoleRows, markdownSection, type Section } from './table';
import { tsharkSection } from './tsharkSection';
import { typingSection } from './typingSection';

const REPO = join(__dirname, '..', '..', '..');
const DATA = join(REPO, 'test', 'bench', '.data');
const RESULTS = join(REPO, 'test', 'bench', 'results.md');
const SERVER = join(REPO, 'dist', 'server.js');
const CLI = join(REPO, 'out', 'server', 'src', 'cli', 'main.js');
const QUICK = process.env.SIPLS_BENCH_QUICK === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LARGE_MB = QUICK ? 10 : 50;

function timed(name: string, make: () => Section): Section {
  process.stdout.write(`\n${name}...\n`);
  const started = Date.now();
  const section = make();
  process.stdout.write(`${consoleRows(section)}\n  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  return section;
}

function main(): void {
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const sections: Section[] = [];
  try {
    sections.push(timed('parser', () => parserSection(DATA, LARGE_MB, RUNS, ['sip', 'sipp', 'generic'])));
    sections.push(timed('opening and typing (core)', () => typingSection(DATA, LARGE_MB, ['sip', 'sipp'])));
    sections.push(
      timed('language server', () =>
        lspSection({ server: SERVER, dataDir: DATA, sizesMb: QUICK ? [1, 10] : [1, 10, 50], runs: RUNS, otherFormats: ['sip', 'generic'], keystrokeBudgetMs: 15_000 }),
      ),
    );
    sections.push(timed('tshark baseline', () => tsharkSection(DATA, LARGE_MB, RUNS)));
    // One run per grammar: the verdict is on CPU time, which barely varies, and a pass of VS Code's log
    // grammar over 20 MB takes 20 s of CPU.
    sections.push(timed('grammar', () => grammarSection(REPO, DATA, 20, 1)));
    sections.push(
      timed('sipls check', () =>
        QUICK ? { title: '`sipls check` on a 1 GB trace', intro: '', rows: [], notes: ['Skipped: SIPLS_BENCH_QUICK=1.'] } : cliSection(CLI, 1000),
      ),
    );
  } finally {
    rmSync(DATA, { recursive: true, force: true });
  }
  const minutes = (Date.now() - started) / 60_000;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const report = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; measured programs ${haveTaskset() ? 'pinned to CPU 0 with taskset' : 'not pinned (no taskset)'}. The whole run took ${minutes.toFixed(1)} minutes; load average ${loadBefore.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end (other work shares this machine, so wall times carry its noise). Budgets are issue 7's, for 50 MB traces; "ratio" is measured / baseline.`,
    '',
    ...sections.map(markdownSection),
  ].join('\n');
  if (QUICK) process.stdout.write(`\nquick run (SIPLS_BENCH_QUICK=1): ${RESULTS} left as it was; ${minutes.toFixed(1)} minutes\n`);
  else {
    writeFileSync(RESULTS, report);
    process.stdout.write(`\nwrote ${RESULTS} (${minutes.toFixed(1)} minutes)\n`);
  }
}

main();
