/**
 * One file through `sipls check` or `sipls messages`, streamed: bytes in, rendered output out in
 * pieces as the file is read. The same function runs in the main thread and in worker threads, so
 * both give byte-identical output.
 */
import { severityRank, type Level, type Severity } from '../core/features/validate';
import { summarize, type MessageSummary } from '../core/features/summary';
import type { FormatId } from '../core/parser/model';
import { BatchPositions, CutStream, DocumentStream, FindingStream, type BatchPlace, type CheckedBatch, type FindingStreamOptions, type LocatedFinding, type StreamBatch } from '../core/stream';
import { decodeChunks } from './input';

export interface CheckJob {
  readonly kind: 'check';
  readonly name: string;
  readonly output: 'text' | 'json';
  readonly minSeverity: Severity;
  readonly levels: Readonly<Record<string, Level>>;
}

export interface MessagesJob {
  readonly kind: 'messages';
  readonly name: string;
  readonly json: boolean;
  /** Print "==> name <==" before the file's first message (several files, text output). */
  readonly header: boolean;
}

export type FileJob = (CheckJob | MessagesJob) & {
  /** Characters per parse window (tests make it tiny to force cuts everywhere). */
  readonly window?: number;
  /** Skip detection (tests force it so that small files are cut too). */
  readonly format?: FormatId;
  /** Check the file's windows in this many threads: the worker that reads it and workers of its own (check jobs only). */
  readonly split?: { readonly workers: number; readonly heap?: { readonly oldMb: number; readonly youngMb?: number } };
};

export interface JobResult {
  readonly format: FormatId;
  readonly messages: number;
  readonly counts: Record<Severity, number>;
}

/**
 * Where a job's output goes. For `check --format json` a piece is a comma-separated run of
 * diagnostic objects (the caller adds the file's envelope once the message count is known); for
 * everything else it is text to print as is.
 */
export interface JobSink {
  piece(text: string): void | Promise<void>;
  bytes?(count: number): void;
}

/**
 * Checks batches in other threads: resolves each with what BatchChecker.check gives for it, with
 * `options` as the job's FindingStream options.
 */
export interface BatchPool {
  readonly size: number;
  check(place: BatchPlace, options: FindingStreamOptions): Promise<CheckedBatch>;
}

export async function runFileJob(job: FileJob, chunks: AsyncIterable<Uint8Array>, sink: JobSink, pool?: BatchPool): Promise<JobResult> {
  const streamOptions = { ...(job.window !== undefined ? { window: job.window } : {}), ...(job.format !== undefined ? { format: job.format } : {}) };
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const joiner = job.kind === 'check' && job.output === 'json' ? ',' : '';
  if (job.kind === 'check' && pool) return runSplit(job, new CutStream(streamOptions), chunks, sink, pool, counts);
  const stream = new DocumentStream(streamOptions);
  const render = job.kind === 'check' ? checkRenderer(job, counts) : messagesRenderer(job);
  for await (const text of decodeChunks(chunks, sink.bytes?.bind(sink))) {
    const piece = render.batches(stream.push(text));
    if (piece) await sink.piece(piece);
  }
  const piece = [render.batches(stream.end()), render.end()].filter(Boolean).join(joiner);
  if (piece) await sink.piece(piece);
  return { format: stream.formatId ?? 'generic', messages: stream.messages, counts };
}

/**
 * One file checked by a pool of workers: this thread reads and cuts the windows, the workers parse
 * and check them (a few at a time each, so memory stays bounded), and this thread merges their
 * results in stream order and runs the trace checks: the output is the same as from one thread.
 * Cutting takes only the format's framing here (see CutStream), so the parsing is the workers'.
 */
async function runSplit(job: CheckJob, stream: CutStream, chunks: AsyncIterable<Uint8Array>, sink: JobSink, pool: BatchPool, counts: Record<Severity, number>): Promise<JobResult> {
  const options: FindingStreamOptions = { levels: job.levels, minSeverity: job.minSeverity };
  const findings = new FindingStream(options);
  const render = findingRenderer(job, counts);
  const inFlight: Promise<CheckedBatch>[] = [];
  const limit = 2 * pool.size;
  const mergeOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    const piece = render(findings.merge(await oldest));
    if (piece) await sink.piece(piece);
  };
  const submit = async (places: readonly BatchPlace[]): Promise<void> => {
    for (const place of places) {
      const checked = pool.check(place, options);
      // Awaited in order below; until then a failure must not count as unhandled.
      checked.catch(() => undefined);
      inFlight.push(checked);
      while (inFlight.length >= limit) await mergeOldest();
    }
  };
  for await (const text of decodeChunks(chunks, sink.bytes?.bind(sink))) await submit(stream.push(text));
  await submit(stream.end());
  while (inFlight.length > 0) await mergeOldest();
  const piece = render(findings.end());
  if (piece) await sink.piece(piece);
  return { format: stream.formatId ?? 'generic', messages: findings.messageCount, counts };
}

interface Renderer {
  batches(batches: readonly StreamBatch[]): string;
  end(): string;
}

/** Findings as `sipls check` prints them (those at the job's severity or above), counted. */
function findingRenderer(job: CheckJob, counts: Record<Severity, number>): (released: readonly LocatedFinding[]) => string {
  const minRank = severityRank(job.minSeverity);
  return (released) => {
    const out: string[] = [];
    for (const { finding, start, end } of released) {
      if (severityRank(finding.severity) > minRank) continue;
      counts[finding.severity]++;
      const [line, column, endLine, endColumn] = [start.line + 1, start.character + 1, end.line + 1, end.character + 1];
      out.push(
        job.output === 'json'
          ? JSON.stringify({ line, column, endLine, endColumn, severity: finding.severity, code: finding.code, message: finding.message })
          : `${job.name}:${line}:${column}: ${finding.severity} ${finding.code} ${finding.message}\n`,
      );
    }
    return out.join(job.output === 'json' ? ',' : '');
  };
}

function checkRenderer(job: CheckJob, counts: Record<Severity, number>): Renderer {
  const findings = new FindingStream({ levels: job.levels, minSeverity: job.minSeverity });
  const render = findingRenderer(job, counts);
  return {
    batches: (list) => list.map((batch) => render(findings.add(batch))).filter(Boolean).join(job.output === 'json' ? ',' : ''),
    end: () => render(findings.end()),
  };
}

function messagesRenderer(job: MessagesJob): Renderer {
  let first = true;
  return {
    batches(list) {
      const out: string[] = [];
      for (const batch of list) {
        const positions = new BatchPositions(batch);
        for (const summary of summarize(batch.text, batch.document, positions.lines)) {
          if (first && job.header) out.push(`==> ${job.name} <==\n`);
          first = false;
          const whole: MessageSummary = { ...summary, index: summary.index + batch.firstIndex, line: summary.line + batch.linesBefore };
          out.push((job.json ? messageJsonLine(whole) : messageTextLine(whole)) + '\n');
        }
      }
      return out.join('');
    },
    end: () => '',
  };
}

const JSON_KEYS = ['index', 'line', 'kind', 'method', 'code', 'reason', 'callId', 'cseq', 'timestamp', 'direction', 'src', 'dst', 'transport', 'format'] as const;

/** A message as `sipls messages --json` prints it (one JSON object with the stable keys). */
export function messageJsonLine(summary: MessageSummary): string {
  return JSON.stringify(Object.fromEntries(JSON_KEYS.map((key) => [key, summary[key]])));
}

/** A message as `sipls messages` prints it. */
export function messageTextLine(s: MessageSummary): string {
  const what = s.kind === 'request' ? `${s.method ?? '?'} ${s.requestUri ?? ''}`.trim() : `${s.code ?? '?'} ${s.reason ?? ''}`.trim();
  const parts = [`#${s.index}`, `line ${s.line}`, what];
  if (s.callId) parts.push(`Call-ID ${s.callId}`);
  if (s.cseq) parts.push(`CSeq ${s.cseq}`);
  if (s.timestamp) parts.push(s.timestamp);
  const route = [s.direction, s.src || s.dst ? `${s.src ?? '?'} -> ${s.dst ?? '?'}` : null, s.transport].filter(Boolean).join(' ');
  if (route) parts.push(route);
  parts.push(`[${s.format}]`);
  return parts.join('  ');
}
