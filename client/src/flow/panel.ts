/**
 * The ladder view beside the editor: one webview panel per document, reused. The panel asks the
 * language server for the flow (`sipls/flow`), sends it to the webview whole, and carries out what
 * the webview asks: reveal a message in the editor, switch call or grouping, export. It follows the
 * document (debounced re-request on edits and setting changes) and the cursor (highlighted arrow).
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { arrowAt } from './arrowAt';
import { flowHtml } from './html';
import { ALL_CALLS, type FlowRequest, type FlowResponse, type FlowViewState, type FromWebview, type GroupBy, type ToWebview } from './protocol';

export type FlowRequester = (params: FlowRequest) => Promise<FlowResponse>;

/** What `sipls.showFlow` resolves with, for tests and other commands. */
export interface ShownFlow {
  readonly uri: string;
  readonly callId: string;
  readonly arrows: number;
  readonly title: string;
}

const REFRESH_DELAY_MS = 300;

function configuredGroupBy(): GroupBy {
  return vscode.workspace.getConfiguration('sipls.flow').get<string>('groupBy') === 'host' ? 'host' : 'address';
}

function documentName(uri: vscode.Uri): string {
  return basename(uri.path) || uri.toString();
}

class FlowPanel {
  readonly panel: vscode.WebviewPanel;
  private response: FlowResponse | undefined;
  private selected: string | undefined;
  private groupBy: GroupBy | undefined;
  private highlight: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(
    readonly uri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly request: FlowRequester,
    onDispose: () => void,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel('sipls.flow', `Call flow: ${documentName(uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    this.panel.onDidDispose(() => {
      clearTimeout(this.timer);
      onDispose();
    });
    this.panel.webview.onDidReceiveMessage((message: FromWebview) => {
      this.handle(message).catch((error: unknown) => {
        void vscode.window.showErrorMessage(`sipls call flow: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
  }

  /** Loads the flow (for `callId` when given) and shows it; resolves once the state is in the page's hands. */
  async load(callId?: string): Promise<ShownFlow> {
    if (callId !== undefined) this.selected = callId;
    const response = await this.fetch();
    if (!this.panel.webview.html) this.panel.webview.html = this.html(this.state(response));
    else await this.post({ type: 'state', state: this.state(response) });
    return { uri: this.uri.toString(), callId: response.flow.id, arrows: response.flow.arrows.length, title: response.flow.title };
  }

  /** Re-requests the flow after edits or setting changes, at most once per REFRESH_DELAY_MS. */
  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A failed refresh (the document closed, the server restarting) keeps the last diagram.
      this.fetch().then((response) => this.post({ type: 'state', state: this.state(response) })).catch(() => undefined);
    }, REFRESH_DELAY_MS);
  }

  /** The editor's cursor moved to `offset`: highlight the arrow whose message holds it. */
  follow(offset: number): void {
    if (!this.response) return;
    const index = arrowAt(this.response.flow, offset);
    if (index === this.highlight) return;
    this.highlight = index;
    void this.post({ type: 'highlight', index });
  }

  /** Selects arrow `index`'s start line in the editor and scrolls to it; resolves with the editor. */
  async reveal(index: number): Promise<vscode.TextEditor | undefined> {
    const arrow = this.response?.flow.arrows[index];
    if (!arrow) return undefined;
    const document = await vscode.workspace.openTextDocument(this.uri);
    const line = Math.min(arrow.line, document.lineCount - 1);
    const range = document.lineAt(line).range;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Selection(range.start, range.end),
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private async fetch(): Promise<FlowResponse> {
    const generation = ++this.generation;
    const groupBy = this.groupBy ?? configuredGroupBy();
    const response = await this.request({ uri: this.uri.toString(), groupBy, ...(this.selected !== undefined ? { callId: this.selected } : {}) });
    // An older answer that arrives late must not replace a newer one.
    if (generation === this.generation) {
      this.response = response;
      this.highlight = this.cursorArrow(response);
    }
    return this.response ?? response;
  }

  private cursorArrow(response: FlowResponse): number | null {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    return editor ? arrowAt(response.flow, editor.document.offsetAt(editor.selection.active)) : null;
  }

  private state(response: FlowResponse): FlowViewState {
    return {
      documentName: documentName(this.uri),
      calls: response.calls.map((c) => ({ id: c.id, title: c.title, arrows: typeof c.arrows === 'number' ? c.arrows : c.arrows.length })),
      selected: response.flow.id,
      groupBy: this.groupBy ?? configuredGroupBy(),
      flow: response.flow,
      svg: response.svg,
      highlight: this.highlight,
    };
  }

  private html(state: FlowViewState): string {
    const webview = this.panel.webview;
    return flowHtml({
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'flowWebview.js')).toString(),
      state,
    });
  }

  private async post(message: ToWebview): Promise<void> {
    await this.panel.webview.postMessage(message);
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A page that was hidden and shown again starts from its first HTML: bring it up to date.
        if (this.response) await this.post({ type: 'state', state: this.state(this.response) });
        return;
      case 'reveal':
        await this.reveal(message.index);
        return;
      case 'selectCall':
        await this.load(message.callId);
        return;
      case 'groupBy':
        this.groupBy = message.groupBy;
        await this.load();
        return;
      case 'export':
        await this.export(message.format, message.target);
        return;
    }
  }

  /** Writes the diagram as SVG or Mermaid to the clipboard or a file (asked for unless `destination` is given). */
  async export(format: 'svg' | 'mermaid', target: 'file' | 'clipboard', destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const response = this.response;
    if (!response) return undefined;
    const text = format === 'svg' ? response.svg : response.mermaid;
    if (target === 'clipboard') {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage('Mermaid sequenceDiagram copied to the clipboard.');
      return undefined;
    }
    const file = destination ?? await this.askDestination(format, response);
    if (!file) return undefined;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    return file;
  }

  private askDestination(format: 'svg' | 'mermaid', response: FlowResponse): Thenable<vscode.Uri | undefined> {
    const suffix = format === 'svg' ? 'svg' : 'mmd';
    const callPart = response.flow.id === ALL_CALLS ? 'all-calls' : 'call';
    const name = `${documentName(this.uri).replace(/\.[^.]*$/, '')}.${callPart}-flow.${suffix}`;
    const folder = this.uri.scheme === 'file' ? vscode.Uri.joinPath(this.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: format === 'svg' ? { SVG: ['svg'] } : { Mermaid: ['mmd', 'md'] },
      title: format === 'svg' ? 'Save the call flow as SVG' : 'Save the call flow as Mermaid',
    });
  }
}

/** Every open ladder view, by document. */
export class FlowPanels implements vscode.Disposable {
  private readonly panels = new Map<string, FlowPanel>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly extensionUri: vscode.Uri, private readonly request: FlowRequester) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.panels.get(e.document.uri.toString())?.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sipls.flow')) for (const panel of this.panels.values()) panel.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        this.panels.get(e.textEditor.document.uri.toString())?.follow(e.textEditor.document.offsetAt(e.selections[0]?.active ?? e.textEditor.selection.active));
      }),
    ];
  }

  /** Opens (or brings forward) the ladder for `uri`, showing `callId` when given. */
  async show(uri: vscode.Uri, callId?: string): Promise<ShownFlow> {
    const key = uri.toString();
    let panel = this.panels.get(key);
    if (panel) panel.panel.reveal(undefined, true);
    else {
      panel = new FlowPanel(uri, this.extensionUri, this.request, () => this.panels.delete(key));
      this.panels.set(key, panel);
    }
    try {
      return await panel.load(callId);
    } catch (error) {
      // A panel that never got a flow would stay blank: close it and let the caller report why.
      if (!panel.panel.webview.html) panel.panel.dispose();
      throw error;
    }
  }

  /** Reveals arrow `index` of the ladder open for `uri` in the editor (what a click on the arrow does). */
  async reveal(uri: vscode.Uri, index: number): Promise<vscode.TextEditor | undefined> {
    return this.panels.get(uri.toString())?.reveal(index);
  }

  /** Exports the ladder open for `uri` (what the view's Save and Copy buttons do). */
  async export(uri: vscode.Uri, format: 'svg' | 'mermaid', target: 'file' | 'clipboard', destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return this.panels.get(uri.toString())?.export(format, target, destination);
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
