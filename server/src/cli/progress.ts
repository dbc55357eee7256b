/**
 * A progress line on stderr for long reads: bytes done (of the total when known), percentage and
 * MB/s, redrawn in place at most a few times a second and erased at the end. It draws only when
 * stderr is a terminal, so CI logs, pipes and redirected output never see it.
 */

export interface ProgressOptions {
  /** Writes to stderr. */
  readonly write: (text: string) => void;
  /** True only when stderr is a terminal; otherwise the bar stays silent. */
  readonly tty: boolean;
  readonly columns?: number;
  /** Total bytes when every input's size is known. */
  readonly total: number | null;
  readonly label: string;
  /** Clock in ms (tests pass their own). */
  readonly now?: () => number;
  /** Shortest time between two redraws, in ms. */
  readonly interval?: number;
  /** Time before the first draw, in ms: quick runs never flash a bar. */
  readonly delay?: number;
}

const MB = 1_000_000;

/** One progress line, at most `width` characters. */
export function renderProgress(label: string, done: number, total: number | null, elapsedMs: number, width: number): string {
  const rate = elapsedMs > 0 ? done / MB / (elapsedMs / 1000) : 0;
  const speed = `${rate.toFixed(1)} MB/s`;
  if (total === null || total <= 0) return `${label} ${(done / MB).toFixed(1)} MB  ${speed}`.slice(0, width);
  const fraction = Math.min(1, done / total);
  const tail = ` ${String(Math.floor(fraction * 100)).padStart(3)}% ${(done / MB).toFixed(1)}/${(total / MB).toFixed(1)} MB  ${speed}`;
  const barWidth = Math.max(0, Math.min(30, width - label.length - tail.length - 3));
  const filled = Math.round(fraction * barWidth);
  const bar = barWidth > 0 ? ` [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]` : '';
  return `${label}${bar}${tail}`.slice(0, width);
}

export class ProgressBar {
  private done = 0;
  private drawn = false;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private readonly started: number;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  add(bytes: number): void {
    this.done += bytes;
    if (!this.options.tty) return;
    const now = this.now();
    if (now - this.started < (this.options.delay ?? 300) || now - this.lastDraw < (this.options.interval ?? 100)) return;
    this.lastDraw = now;
    this.drawn = true;
    const width = Math.max(20, (this.options.columns ?? 80) - 1);
    this.options.write(`\r${renderProgress(this.options.label, this.done, this.options.total, now - this.started, width)}\u001b[K`);
  }

  /** Erases the line, if one was drawn, so the output that follows starts clean. */
  finish(): void {
    if (this.drawn) this.options.write('\r\u001b[K');
    this.drawn = false;
  }
}
