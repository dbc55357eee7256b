/**
 * Opening a trace and typing in it, in the core and in a fresh process: the full parse and
 * validation a server does on open, then keystrokes inside messages spread over the trace, each
 * followed by what the server does for the new version: incremental re-parse and re-validation on
 * the text kept in pieces with the message views reused (as lsp/analysis.ts does), the document
 * index, then a hover there. A hover reads the whole text, so before it the pieces are joined into
 * one string: that copy is timed on its own. Prints one JSON object with times in milliseconds.
 * Run with --expose-gc.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../server/src/core/parser/document';
import { PieceText } from '../../server/src/core/parser/pieceText';
import { reparseWithChange } from '../../server/src/core/parser/reparse';
import { revalidate, validateAll } from '../../server/src/core/features/validate/incremental';
import { followReparse, indexOf } from '../../server/src/core/features/documentIndex';
import { hoverAt } from '../../server/src/core/features/hover';

const KEYSTROKES = 60;
const OPTIONS = { levels: {}, maxPerCheck: 100 };

function time<T>(run: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const initial = readFileSync(process.argv[2] ?? '', 'latin1');
const [parsed, parseMs] = time(() => parseDocument(initial));
const [validated, validateMs] = time(() => validateAll(initial, parsed, OPTIONS));
let source = PieceText.of(initial);
let document = parsed;
let validation = validated;
indexOf(initial, document);
(globalThis as { gc?: () => void }).gc?.();
// What the core keeps once the trace is open: text, model, index, findings and the header values the checks parsed.
const heapAfterOpen = process.memoryUsage().heapUsed;
const keystroke: number[] = [];
const join: number[] = [];
const hover: number[] = [];
for (let k = 0; k < KEYSTROKES; k++) {
  const message = document.messages[Math.floor(((k + 0.5) / KEYSTROKES) * document.messages.length)];
  const header = message?.headers[Math.min(3, message.headers.length - 1)];
  if (!header) continue;
  const at = header.valueSpan.start + 1;
  const next = source.edit(at, at, 'x');
  const [, ms] = time(() => {
    const result = reparseWithChange(document, source, [{ start: at, end: at, text: 'x' }], next, { reuseViews: true });
    followReparse(document, result.document, result.change);
    validation = revalidate(validation, next, result.document, result.change, OPTIONS, { previousDiscarded: true });
    source = next;
    document = result.document;
    return validation.findings.length;
  });
  keystroke.push(ms);
  const [text, joinMs] = time(() => source.toString());
  join.push(joinMs);
  hover.push(time(() => hoverAt(text, document, at, { logCodes: true }))[1]);
}
process.stdout.write(
  JSON.stringify({
    messages: document.messages.length,
    bytes: source.length,
    heapAfterOpen,
    parseMs,
    validateMs,
    keystrokeMedianMs: percentile(keystroke, 50),
    keystrokeP95Ms: percentile(keystroke, 95),
    joinMedianMs: percentile(join, 50),
    hoverP99Ms: percentile(hover, 99),
  }) + '\n',
);
