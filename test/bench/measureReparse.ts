/**
 * Opening a trace and typing in it, in the core and in a fresh process: the full parse and
 * validation a server does on open, then keystrokes inside messages spread over the trace, each
 * followed by what the server does for the new version (incremental re-parse, re-validation, the
 * document index and a hover). Prints one JSON object with times in milliseconds. Run with --expose-gc.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../server/src/core/parser/document';
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

let text = readFileSync(process.argv[2] ?? '', 'latin1');
const [parsed, parseMs] = time(() => parseDocument(text));
const [validated, validateMs] = time(() => validateAll(text, parsed, OPTIONS));
let document = parsed;
let validation = validated;
indexOf(text, document);
(globalThis as { gc?: () => void }).gc?.();
// What the core keeps once the trace is open: text, model, index, findings and the header values the checks parsed.
const heapAfterOpen = process.memoryUsage().heapUsed;
const keystroke: number[] = [];
const hover: number[] = [];
for (let k = 0; k < KEYSTROKES; k++) {
  const message = document.messages[Math.floor(((k + 0.5) / KEYSTROKES) * document.messages.length)];
  const header = message?.headers[Math.min(3, message.headers.length - 1)];
  if (!header) continue;
  const at = header.valueSpan.start + 1;
  // The editor's copy of the text is its own cost (TextDocument), made before the server runs.
  const next = text.slice(0, at) + 'x' + text.slice(at);
  next.charCodeAt(at);
  const [, ms] = time(() => {
    const result = reparseWithChange(document, text, [{ start: at, end: at, text: 'x' }], next);
    followReparse(document, result.document, result.change);
    validation = revalidate(validation, next, result.document, result.change, OPTIONS);
    text = next;
    document = result.document;
    return validation.findings.length;
  });
  keystroke.push(ms);
  hover.push(time(() => hoverAt(text, document, at, { logCodes: true }))[1]);
}
process.stdout.write(
  JSON.stringify({ messages: document.messages.length, bytes: text.length, heapAfterOpen, parseMs, validateMs, keystrokeMedianMs: percentile(keystroke, 50), keystrokeP95Ms: percentile(keystroke, 95), hoverP99Ms: percentile(hover, 99) }) + '\n',
);
