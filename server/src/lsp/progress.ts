/**
 * Progress for the one slow moment an editor can see: opening a huge trace, whose first parse and
 * validation take seconds. The server asks the client for a progress token (server-initiated
 * `window/workDoneProgress`) and reports begin, one report per step, and end. Only for clients that
 * said they support it, and only for documents large enough to be worth a notification.
 */
import type { Connection } from 'vscode-languageserver/node';

/** Characters above which opening a document reports progress (about 5 MB of trace). */
export const LARGE_DOCUMENT = 5_000_000;

export interface ProgressStep {
  readonly message: string;
  readonly run: () => void;
}

/** Lets the event loop send what is queued, so the client sees each notification before the work. */
const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs the steps inside a begin/report/end progress; the steps run even if the client refuses the token. */
export async function withProgress(connection: Connection, title: string, steps: readonly ProgressStep[]): Promise<void> {
  const runAll = (from: number): void => {
    for (const step of steps.slice(from)) step.run();
  };
  let reporter;
  try {
    reporter = await connection.window.createWorkDoneProgress();
  } catch {
    runAll(0);
    return;
  }
  try {
    reporter.begin(title, 0, steps[0]?.message, false);
    for (const [index, step] of steps.entries()) {
      if (index > 0) reporter.report(Math.round((index / steps.length) * 100), step.message);
      await yieldToIo();
      step.run();
    }
  } finally {
    reporter.done();
  }
}
