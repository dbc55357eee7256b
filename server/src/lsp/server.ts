/**
 * The language server: `sipls --stdio` (any LSP client) or `--node-ipc` (the VS Code client). A thin
 * adapter: it keeps documents in sync, caches one parse per version, converts core results to LSP
 * types, reads settings, and wraps every handler so that one exception cannot take the server down.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { AnalysisCache } from './analysis';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { overlaps, toDiagnostic, toTextEdit } from './convert';
import { headerNameRefactors } from '../core/features/refactors';
import { registerFeatures } from './features';
import { guard } from './state';
import { INSTALL_ROOT } from '../installRoot';
import { LARGE_DOCUMENT, withProgress } from './progress';
import { diagnosticsDebounceMs, registerDebugRequests } from './debug';

/** Diagnostics wait for typing to pause this long, so a burst of keystrokes costs one validation (150 ms; debug.ts). */
const DEBOUNCE_MS = diagnosticsDebounceMs();

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const cache = new AnalysisCache();
  // The cache sees each change's range before it is applied, so a keystroke re-parses one message.
  const documents = new TextDocuments(cache.documents());
  let settings: Settings = DEFAULT_SETTINGS;
  let generation = 0;
  let pullConfiguration = false;
  let progressSupported = false;
  let foldingRangeLimit: number | undefined;
  const timers = new Map<string, NodeJS.Timeout>();

  const publish = (uri: string): void => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      // Validation is synchronous: the version published is the version validated, never an older one.
      const diagnostics = cache.findings(document, settings, generation).map((finding) => toDiagnostic(document, finding));
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      // After the diagnostics, not before: the first keystroke in a long trace then finds its views ready.
      setImmediate(() => {
        try {
          cache.prepareWhileIdle(uri);
        } catch (error) {
          connection.console.error(`sipls: readying ${uri} for edits failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    } catch (error) {
      connection.console.error(`sipls: diagnostics failed for ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  /** Huge documents being opened under a progress report: they publish when it ends. */
  const opening = new Set<string>();
  const schedule = (uri: string, delay = DEBOUNCE_MS): void => {
    if (opening.has(uri)) return;
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(uri, setTimeout(() => publish(uri), delay));
  };
  const applySettings = (next: Settings): void => {
    settings = next;
    generation++;
    for (const document of documents.all()) schedule(document.uri, 0);
  };
  const refreshSettings = async (): Promise<void> => {
    if (!pullConfiguration) return;
    try {
      applySettings(readSettings(await connection.workspace.getConfiguration('sipls')));
    } catch (error) {
      connection.console.error(`sipls: reading settings failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities?.workspace?.configuration === true;
    progressSupported = params.capabilities?.window?.workDoneProgress === true;
    const rangeLimit = params.capabilities?.textDocument?.foldingRange?.rangeLimit;
    foldingRangeLimit = typeof rangeLimit === 'number' && Number.isInteger(rangeLimit) && rangeLimit >= 0 ? rangeLimit : undefined;
    const initial: unknown = params.initializationOptions;
    if (initial && typeof initial === 'object' && 'settings' in initial) settings = readSettings((initial as { settings: unknown }).settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', ',', '/', ';'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        codeLensProvider: { resolveProvider: true },
      },
      serverInfo: { name: 'sipls', version: INSTALL_ROOT.version },
    };
  });
  connection.onInitialized(() => {
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sipls' });
      void refreshSettings();
    }
  });
  connection.onDidChangeConfiguration((change) => {
    if (pullConfiguration) void refreshSettings();
    else applySettings(readSettings((change.settings as { sipls?: unknown } | null)?.sipls));
  });

  documents.onDidOpen((event) => {
    const document = event.document;
    if (!progressSupported || document.getText().length <= LARGE_DOCUMENT) return schedule(document.uri, 0);
    // A huge trace: parse and validate under a progress report; publishing then reuses the cache.
    const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
    opening.add(document.uri);
    void withProgress(connection, `sipls: opening ${name}`, [
      { message: 'parsing', run: () => cache.get(document) },
      { message: 'checking', run: () => cache.findings(document, settings, generation) },
    ])
      .catch((error: unknown) => connection.console.error(`sipls: opening ${document.uri} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        opening.delete(document.uri);
        schedule(document.uri, 0);
      });
  });
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    const pending = timers.get(event.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(event.document.uri);
    cache.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(
    guard(connection, 'codeAction', [] as CodeAction[], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
      const actions: CodeAction[] = [];
      for (const finding of cache.findings(document, settings, generation)) {
        if (!finding.fix || !overlaps(finding.span, range)) continue;
        actions.push({
          title: finding.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(document, finding)],
          isPreferred: true,
          edit: { changes: { [document.uri]: finding.fix.edits.map((edit) => toTextEdit(document, edit)) } },
        });
      }
      for (const fix of headerNameRefactors(cache.get(document).document, range)) {
        actions.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [document.uri]: fix.edits.map((edit) => toTextEdit(document, edit)) } } });
      }
      return actions;
    }),
  );

  registerFeatures({ connection, documents, cache, settings: () => settings, foldingRangeLimit: () => foldingRangeLimit });
  registerDebugRequests(connection);
  documents.listen(connection);
  connection.listen();
}
