/**
 * The grammar row: our `source.sip-log` grammar against VS Code's built-in `log` grammar on the same
 * 20 MB trace (about what VS Code still tokenizes), both with vscode-textmate + vscode-oniguruma,
 * each in a fresh process on CPU 0. The log grammar comes from the code-server package that the
 * real-VS-Code harness installs into .vscode-test/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GrammarSample } from './measureGrammar';
import { runJson } from './processes';
import { median } from './stats';
import { mb, ms, rate, type Section } from './table';
import { writeTraceFile } from './traceFiles';

export const LOG_GRAMMAR = join('.vscode-test', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'log', 'syntaxes', 'log.tmLanguage.json');

export function grammarSection(repo: string, dataDir: string, sizeMb: number, runs: number): Section {
  const title = `Grammar: tokenizing a ${sizeMb} MB SIPp trace`;
  const logGrammar = join(repo, LOG_GRAMMAR);
  if (!existsSync(logGrammar)) return { title, intro: '', rows: [], notes: [`Skipped: VS Code's log grammar is not at ${LOG_GRAMMAR}; the real-VS-Code harness installs it (npm test, or node out/test/vscode/install.js).`] };
  const file = join(dataDir, `grammar-${sizeMb}mb.log`);
  const trace = writeTraceFile(file, 'sipp', sizeMb * 1e6);
  const measure = (which: string): GrammarSample[] => Array.from({ length: runs }, () => runJson<GrammarSample>(0, join(__dirname, 'measureGrammar.js'), [file, which]));
  const ours = measure('ours');
  const log = measure(logGrammar);
  const oursCpu = median(ours.map((s) => s.cpuMs));
  const logCpu = median(log.map((s) => s.cpuMs));
  const oursWall = median(ours.map((s) => s.totalMs));
  const logWall = median(log.map((s) => s.totalMs));
  const slowest = Math.max(...ours.map((s) => s.slowestLineMs));
  const slowestLine = ours.find((s) => s.slowestLineMs === slowest)?.slowestLine ?? 0;
  const logSlowest = Math.max(...log.map((s) => s.slowestLineMs));
  const speed = (cpuMs: number): string => rate(trace.bytes / 1e6 / (cpuMs / 1000), 'MB/s');
  const rows = [
    { figure: 'source.sip-log, whole file (CPU time)', budget: '≤ the log grammar', measured: `${ms(oursCpu)} (${speed(oursCpu)}; wall ${ms(oursWall)})`, baseline: `log: ${ms(logCpu)} (${speed(logCpu)}; wall ${ms(logWall)})`, ratio: oursCpu / logCpu, pass: oursCpu <= logCpu },
    { figure: `source.sip-log, slowest single line (line ${slowestLine})`, budget: '≤ 5 ms', measured: ms(slowest), baseline: `log: ${ms(logSlowest)}`, ratio: slowest / logSlowest, pass: slowest <= 5 },
  ];
  const notes = [
    `${mb(trace.bytes)}, ${ours[0]?.lines.toLocaleString('en-US')} lines; ${ours[0]?.tokens.toLocaleString('en-US')} tokens from ours, ${log[0]?.tokens.toLocaleString('en-US')} from log. The pass is timed by CPU time, which other work on the shared core does not inflate. A line's time in the pass can include a garbage-collection pause or a preemption, so the 200 slowest lines of the pass and the 20 longest lines are timed again from the same rule stack (best of five each); the slowest single line in the pass itself was ${ms(Math.max(...ours.map((s) => s.slowestPassMs)))}.`,
  ];
  if (!(oursCpu <= logCpu)) notes.push('Our grammar is slower than the log grammar here: it would take fewer alternatives tried at each position of a header value (the SIP header rules run on every line inside a message).');
  if (!(slowest <= 5)) notes.push(`A single line takes over 5 ms (line ${slowestLine}): its rule needs bounding so that it fails fast.`);
  return { title, intro: `vscode-textmate + vscode-oniguruma (as in VS Code), \`tokenizeLine\` on every line with the rule stack carried over, each grammar in a fresh process on CPU 0; ${runs === 1 ? 'one run each (CPU time varies little from run to run)' : `median of ${runs} runs`}.`, rows, notes };
}
