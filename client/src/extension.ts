/**
 * The VS Code client: it starts the sipls language server over IPC for the `sip` and `sip-log`
 * languages, passes the `sipls.*` settings, and adds its commands (the call-flow view and the trace
 * filter live in client/src/flow/). Everything about SIP itself lives in the server; the client only
 * knows how to talk to it and how VS Code shows things.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CODE_CACHE_ENV } from '../../server/src/launch/codeCacheEnv';
import { looksLikeSipMessage, looksLikeSipTrace } from './detect';
import { FilterViews } from './flow/filter';
import type { FilterChoice } from './flow/filterModel';
import { FlowPanels, type FlowRequester, type ShownFlow } from './flow/panel';
import type { FlowResponse } from './flow/protocol';

let client: LanguageClient | undefined;

interface TopicChoice {
  readonly topic: string;
  readonly label: string;
  readonly detail: string;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  // From the .vsix (and `npm run build`), this file is dist/extension.js and the server bundle sits beside
  // it; compiled by tsc alone (out/client/src/extension.js) it starts the tsc output of the server.
  const bundled = context.asAbsolutePath('dist/server.js');
  const module = basename(__dirname) === 'dist' && existsSync(bundled) ? bundled : context.asAbsolutePath('out/server/src/cli/main.js');
  // The bundle keeps its V8 code cache in the extension's own storage (see server/src/launch/withCodeCache.ts).
  const env = { ...process.env, [CODE_CACHE_ENV]: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'sip' }, { language: 'sip-log' }],
    synchronize: { configurationSection: 'sipls' },
    initializationOptions: { settings: vscode.workspace.getConfiguration('sipls') },
  };
  return new LanguageClient('sipls', 'SIP Language Server', serverOptions, clientOptions);
}

/** "Open as SIP trace" for plain .log/.txt files that contain SIP: asked once per file, never for every .log. */
async function offerTrace(document: vscode.TextDocument, context: vscode.ExtensionContext): Promise<void> {
  if (document.languageId !== 'log' && document.languageId !== 'plaintext') return;
  const config = vscode.workspace.getConfiguration('sipls');
  if (!config.get<boolean>('detectTraces', true)) return;
  const asked = context.workspaceState.get<string[]>('sipls.askedTraces', []);
  const key = document.uri.toString();
  if (asked.includes(key) || !looksLikeSipTrace(document.getText(new vscode.Range(0, 0, 2000, 0)).slice(0, 64 * 1024))) return;
  await context.workspaceState.update('sipls.askedTraces', [...asked, key]);
  const choice = await vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(document.uri)} contains SIP messages.`, 'Open as SIP trace', "Don't ask again");
  if (choice === 'Open as SIP trace') await vscode.languages.setTextDocumentLanguage(document, 'sip-log');
  else if (choice === "Don't ask again") await config.update('detectTraces', false, vscode.ConfigurationTarget.Global);
}

/** A `.sip` file that is not SIP (PyQt's SIP binding files share the extension) goes back to plain text. */
async function releaseForeignSip(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'sip' || looksLikeSipMessage(document.getText(new vscode.Range(0, 0, 200, 0)))) return;
  await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
  void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(document.uri)} does not start with a SIP message, so sipls left it as plain text.`);
}

async function explain(): Promise<void> {
  if (!client) return;
  const topics = await client.sendRequest<TopicChoice[]>('sipls/topics', {});
  const picked = await vscode.window.showQuickPick(
    topics.map((t) => ({ label: t.label, detail: t.detail, topic: t.topic })),
    { placeHolder: 'A status code, reason phrase, method, header, option tag, event package or Q.850 cause', matchOnDetail: true },
  );
  if (!picked) return;
  const card = await client.sendRequest<{ title: string; markdown: string } | null>('sipls/explain', { topic: picked.topic });
  if (!card) return;
  const panel = vscode.window.createWebviewPanel('sipls.explain', card.title, vscode.ViewColumn.Beside, { enableScripts: false });
  const rendered = await vscode.commands.executeCommand<string>('markdown.api.render', card.markdown);
  panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"></head><body>${rendered}</body></html>`;
}

/** What `activate` returns: the time from activation to a running server, for the README's figure and the tests. */
export interface SiplsApi {
  /** Milliseconds from the start of `activate` until the server answered `initialize`. */
  readonly serverReadyMs: number;
}

/** `sipls/flow` through the running client (the ladder view and the trace filter share it). */
const requestFlow: FlowRequester = async (params) => {
  if (!client) throw new Error('the SIP language server is not running');
  const response = await client.sendRequest<FlowResponse | null>('sipls/flow', params);
  // The server answers null for a document it does not hold (not sip or sip-log) or when it failed.
  if (!response) throw new Error(`no call flow for ${params.uri}: is it a SIP message file or trace?`);
  return response;
};

/** A command's URI argument (a Uri from menus and CodeLens, a string from tests), else the active editor's document. */
function targetUri(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'string' && argument.length > 0) return vscode.Uri.parse(argument);
  return vscode.window.activeTextEditor?.document.uri;
}

async function showFlow(panels: FlowPanels, uriArgument?: unknown, callId?: unknown): Promise<ShownFlow | undefined> {
  const uri = targetUri(uriArgument);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a SIP message file or trace to see its call flow.');
    return undefined;
  }
  try {
    return await panels.show(uri, typeof callId === 'string' ? callId : undefined);
  } catch (error) {
    void vscode.window.showErrorMessage(`sipls could not draw the call flow: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<SiplsApi> {
  const activated = performance.now();
  client = createClient(context);
  const panels = new FlowPanels(context.extensionUri, requestFlow);
  const filters = new FilterViews(requestFlow);
  context.subscriptions.push(
    panels,
    filters,
    vscode.commands.registerCommand('sipls.showFlow', (uri?: unknown, callId?: unknown) => showFlow(panels, uri, callId)),
    // What a click on an arrow does, without the webview: for tests and keyboard bindings.
    vscode.commands.registerCommand('sipls.flow.reveal', (uri: unknown, index: unknown) => {
      const target = targetUri(uri);
      return target && typeof index === 'number' ? panels.reveal(target, index) : undefined;
    }),
    // What the view's Save SVG… / Save Mermaid… / Copy Mermaid buttons do; a destination skips the save dialog.
    vscode.commands.registerCommand('sipls.flow.export', (uri: unknown, format: unknown, target: unknown, destination?: unknown) => {
      const source = targetUri(uri);
      if (!source || (format !== 'svg' && format !== 'mermaid') || (target !== 'file' && target !== 'clipboard')) return undefined;
      return panels.export(source, format, target, destination instanceof vscode.Uri ? destination : typeof destination === 'string' ? vscode.Uri.parse(destination) : undefined);
    }),
    vscode.commands.registerCommand('sipls.filterTrace', (uri?: unknown, preset?: readonly FilterChoice[]) =>
      filters.run(targetUri(uri), Array.isArray(preset) ? preset : undefined).catch((error: unknown) => {
        void vscode.window.showErrorMessage(`sipls could not filter the trace: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      })),

    vscode.commands.registerCommand('sipls.treatAsTrace', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) await vscode.languages.setTextDocumentLanguage(editor.document, 'sip-log');
    }),
    vscode.commands.registerCommand('sipls.explain', explain),
    vscode.commands.registerCommand('sipls.restartServer', async () => client?.restart()),
    vscode.workspace.onDidOpenTextDocument((document) => {
      void offerTrace(document, context);
      void releaseForeignSip(document);
    }),
  );
  for (const document of vscode.workspace.textDocuments) {
    void offerTrace(document, context);
    void releaseForeignSip(document);
  }
  await client.start();
  const serverReadyMs = Math.round(performance.now() - activated);
  client.outputChannel.appendLine(`sipls: language server ready ${serverReadyMs} ms after activation`);
  return { serverReadyMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
