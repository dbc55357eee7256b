/**
 * "SIP: Filter trace…": one multi-select quick pick (Call-IDs, methods, code classes and
 * participants from the all-calls flow of `sipls/flow`), then a read-only virtual document
 * (`sipls-filter:` scheme, language sip-log) with the matching messages. Each is preceded by a
 * `# line N of FILE` line, which a document link turns into a jump to that line of the source.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { ALL_CALLS } from './protocol';
import { classLabel, FILTER_KIND_NAMES, filterChoices, filterTrace, type FilterChoice, type FilteredTrace } from './filterModel';
import type { FlowRequester } from './panel';

export const FILTER_SCHEME = 'sipls-filter';

interface FilterView extends FilteredTrace {
  readonly source: vscode.Uri;
}

/** Filtered views by URI. A view is computed once, when the command runs: it is a snapshot of the trace. */
const views = new Map<string, FilterView>();
/** Enough for a working session; the oldest snapshot goes first. */
const MAX_VIEWS = 50;
let counter = 0;

/** The view's title: what was picked, shortened so a long Call-ID list still fits a tab. */
function describe(picked: readonly FilterChoice[]): string {
  const text = picked.map((c) => c.value).join(', ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

async function pick(choices: readonly FilterChoice[]): Promise<readonly FilterChoice[] | undefined> {
  type Item = vscode.QuickPickItem & { choice?: FilterChoice };
  const items: Item[] = [];
  let kind: string | undefined;
  for (const choice of choices) {
    if (choice.kind !== kind) {
      kind = choice.kind;
      items.push({ label: FILTER_KIND_NAMES[choice.kind], kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      label: choice.kind === 'class' ? classLabel(choice.value) : choice.value,
      description: `${choice.count} message${choice.count === 1 ? '' : 's'}`,
      choice,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Filter trace',
    placeHolder: 'Pick Call-IDs, methods, code classes, participants (several of one kind: any of them; of different kinds: all)',
    matchOnDescription: true,
  });
  return picked?.flatMap((item) => (item.choice ? [item.choice] : []));
}

export class FilterViews implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly request: FlowRequester) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(FILTER_SCHEME, this),
      vscode.languages.registerDocumentLinkProvider({ scheme: FILTER_SCHEME }, this),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return views.get(uri.toString())?.text ?? '';
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const view = views.get(document.uri.toString());
    if (!view) return [];
    return view.links.filter((link) => link.line < document.lineCount).map((link) => {
      const target = view.source.with({ fragment: `L${link.sourceLine + 1}` });
      const result = new vscode.DocumentLink(document.lineAt(link.line).range, target);
      result.tooltip = `Open line ${link.sourceLine + 1} of ${basename(view.source.path)}`;
      return result;
    });
  }

  /** Runs the command for `uri` (default: the active editor's document); resolves with the view's document, or undefined when cancelled. */
  async run(uri?: vscode.Uri, preset?: readonly FilterChoice[]): Promise<vscode.TextDocument | undefined> {
    const source = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!source) {
      void vscode.window.showInformationMessage('Open a SIP trace first.');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(source);
    const response = await this.request({ uri: source.toString(), callId: ALL_CALLS });
    const choices = filterChoices(response.flow);
    const picked = preset ?? await pick(choices);
    if (!picked || picked.length === 0) return undefined;
    const name = basename(source.path) || 'trace';
    const filtered = filterTrace(response.flow, document.getText(), name, picked);
    const viewUri = vscode.Uri.from({ scheme: FILTER_SCHEME, path: `/${name} (${describe(picked)})`, query: String(++counter) });
    views.set(viewUri.toString(), { ...filtered, source });
    while (views.size > MAX_VIEWS) views.delete(views.keys().next().value ?? '');
    const view = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(viewUri), 'sip-log');
    await vscode.window.showTextDocument(view, { preview: false });
    if (filtered.messages === 0) void vscode.window.showInformationMessage('No message matches that filter.');
    return view;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
