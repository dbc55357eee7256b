/** What every handler module gets from the server, and the guard that keeps a handler's failure local. */
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysis';
import type { Settings } from './settings';

export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: AnalysisCache;
  settings(): Settings;
  /** The most folding ranges the client takes per document (`foldingRange.rangeLimit`), when it says. */
  foldingRangeLimit(): number | undefined;
}

/**
 * Runs `handler`, turning any exception into a logged error and an empty answer. A request the
 * client has already cancelled (it moved the cursor, typed on) gets the empty answer at once.
 */
export function guard<P, R>(connection: Connection, name: string, empty: R, handler: (params: P) => R): (params: P, token?: CancellationToken) => R {
  return (params: P, token?: CancellationToken) => {
    if (token?.isCancellationRequested) return empty;
    try {
      return handler(params);
    } catch (error) {
      connection.console.error(`sipls: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}
