/**
 * The extension test suite that runs inside a real VS Code extension host (code-server + Chromium
 * through test/vscode/codeServer.ts, or desktop VS Code through test/vscode/testElectron.ts). The
 * host loads this module and awaits `run()`. Only the extension host provides `vscode`, so this file
 * is deliberately not named `*.test.ts`: node:test never loads it.
 *
 * The workspace is a fresh folder holding copies of fixtures (see WORKSPACE_FILES in codeServer.ts):
 * mismatch01.sip, quickfix.sip, uac_messages.log (SIPp), capture.log (ngrep), sngrep-export (no
 * extension), asterisk.siplog (Asterisk PJSIP logger) and flow_trace.siplog (call flow).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** The launcher picks the suite's lines out of the browser console by this tag. */
const TAG = '[sipls-suite]';
const say = (line: string): void => console.log(`${TAG} ${line}`);

interface TestCase {
  readonly name: string;
  readonly fn: () => Promise<void>;
  readonly timeoutMs: number;
}

const tests: TestCase[] = [];
function test(name: string, fn: () => Promise<void>, timeoutMs = 20_000): void {
  tests.push({ name, fn, timeoutMs });
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `probe` until it returns something other than undefined (the server answers asynchronously). */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the workbench opened a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Position of `needle` (first occurrence) plus `offset` characters. */
function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} occurs in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

const codeOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);
const mismatch = (uri: vscode.Uri): vscode.Diagnostic | undefined =>
  vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'cseq-method-mismatch');

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position, expected: string): Promise<string> {
  return waitFor(`a hover containing "${expected}"`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers ?? []);
    return text.includes(expected) ? text : undefined;
  });
}

test('the extension activates and reports when its server is ready', async () => {
  const extension = vscode.extensions.getExtension<{ serverReadyMs: number }>('sipls.sipls');
  assert.ok(extension, 'sipls.sipls is loaded');
  const wasActive = extension.isActive;
  const started = Date.now();
  const api = await extension.activate();
  assert.ok(extension.isActive);
  assert.ok(Number.isFinite(api.serverReadyMs) && api.serverReadyMs >= 0, `serverReadyMs: ${api.serverReadyMs}`);
  // The launcher reads this line for the README's activation figure.
  say(`activation: server ready ${api.serverReadyMs} ms after activate() began; activate() resolved in ${Date.now() - started} ms${wasActive ? ' (already active)' : ''}`);
}, 60_000);

/** Language server processes that this extension host started (their parent is this process). */
function serverPids(): number[] {
  if (process.platform !== 'linux') return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === process.pid && /(?:dist\/server\.js|cli\/main\.js)\0--node-ipc/.test(command)) pids.push(Number(entry));
    } catch { /* the process ended while we looked */ }
  }
  return pids;
}

test('the client restarts a language server that crashed, and hovers work again', async () => {
  if (process.platform !== 'linux') return say('  (skipped: finding the server process needs /proc)');
  const document = await open('mismatch01.sip');
  await hoverAt(document, positionOf(document, 'Call-ID:', 2), 'Call-ID');
  const before = await waitFor('the language server process', () => { const pids = serverPids(); return pids.length === 1 ? pids : undefined; });
  process.kill(before[0], 'SIGKILL');
  const after = await waitFor('a new language server process', () => {
    const pids = serverPids();
    return pids.length === 1 && pids[0] !== before[0] ? pids : undefined;
  }, 20_000);
  assert.notEqual(after[0], before[0]);
  await hoverAt(document, positionOf(document, 'OPTIONS sip:', 2), 'OPTIONS');
  await waitFor('the cseq-method-mismatch diagnostic after the restart', () => mismatch(document.uri));
}, 40_000);

test('an sngrep export without an extension is detected as sip-log by its first line; an edit in it gets a diagnostic at the exact range', async () => {
  const document = await open('sngrep-export');
  assert.equal(document.languageId, 'sip-log');
  await hoverAt(document, positionOf(document, 'SIP/2.0 180', 9), '180 Ringing');
  // Turn the first INVITE's CSeq method into OPTIONS: the request line still says INVITE.
  const cseq = positionOf(document, 'CSeq: 1 INVITE', 'CSeq: 1 '.length);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(cseq, cseq.translate(0, 'INVITE'.length)), 'OPTIONS');
  assert.ok(await vscode.workspace.applyEdit(edit));
  const diagnostic = await waitFor('the cseq-method-mismatch diagnostic in the trace', () => mismatch(document.uri));
  assert.deepEqual(
    [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
    [cseq.line, cseq.character, cseq.line, cseq.character + 'OPTIONS'.length],
  );
  assert.equal(document.getText(diagnostic.range), 'OPTIONS');
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('an Asterisk PJSIP log (.siplog) hovers its method and outlines its calls', async () => {
  const document = await open('asterisk.siplog');
  assert.equal(document.languageId, 'sip-log');
  await hoverAt(document, positionOf(document, 'REGISTER sip:', 2), 'REGISTER');
  const symbols = await waitFor('document symbols', async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    return found && found.length > 0 ? found : undefined;
  });
  assert.ok(symbols.length >= 2, `several calls: ${symbols.map((s) => s.name).join(', ')}`);
  assert.ok(symbols.every((s) => s.name.startsWith('Call ')), symbols.map((s) => s.name).join(', '));
});

test('a .sip file is language sip with a cseq-method-mismatch diagnostic on the CSeq method', async () => {
  const document = await open('mismatch01.sip');
  assert.equal(document.languageId, 'sip');
  const diagnostic = await waitFor('the cseq-method-mismatch diagnostic', () => mismatch(document.uri));
  assert.deepEqual(
    [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
    [5, 8, 5, 14],
  );
  assert.equal(document.getText(diagnostic.range), 'INVITE');
  assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  assert.match(diagnostic.message, /RFC 3261 §8\.1\.1\.5/);
});

test('a SIPp *_messages.log is language sip-log and a status code hovers with its registered phrase', async () => {
  const document = await open('uac_messages.log');
  assert.equal(document.languageId, 'sip-log');
  const text = await hoverAt(document, positionOf(document, 'SIP/2.0 500 ', 9), '500 Server Internal Error');
  assert.match(text, /500 Server Internal Error/);
});

test('a header name and a method hover with their descriptions', async () => {
  const document = await open('mismatch01.sip');
  await hoverAt(document, positionOf(document, 'Call-ID:', 2), 'Call-ID');
  await hoverAt(document, positionOf(document, 'OPTIONS sip:', 2), 'OPTIONS');
});

test('completion after "SIP/2.0 " offers 486 Busy Here', async () => {
  const document = await open('uac_messages.log');
  const position = positionOf(document, 'SIP/2.0 100', 8);
  const labels = await waitFor('status code completions', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const found = (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    return found.includes('486 Busy Here') ? found : undefined;
  });
  assert.ok(labels.includes('180 Ringing'));
});

test('the quick fix rewrites the CSeq method and the diagnostic goes away', async () => {
  const document = await open('quickfix.sip');
  const diagnostic = await waitFor('the cseq-method-mismatch diagnostic', () => mismatch(document.uri));
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10);
  // The command returns no diagnostics on its actions, so the fix is known by its title.
  const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && /CSeq method/.test(a.title));
  assert.ok(fix?.edit, `a quick fix for the mismatch among: ${JSON.stringify(actions)}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.equal(document.lineAt(5).text, 'CSeq: 8 OPTIONS');
  await waitFor('the diagnostic to disappear', () => (mismatch(document.uri) ? undefined : true));
});

test('the trace outlines its calls and messages as document symbols', async () => {
  const document = await open('uac_messages.log');
  const symbols = await waitFor('document symbols', async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    return found && found.length > 0 ? found : undefined;
  });
  assert.equal(symbols[0]?.name, 'Call 1-16771@127.0.0.1');
  const children = symbols[0]?.children.map((c) => c.name) ?? [];
  assert.equal(children[0], 'INVITE sip:service@127.0.0.1:5070');
  assert.ok(children.some((name) => name.startsWith('500 ')), `a 500 among ${children.join(', ')}`);
});

test('sipls.checks turns cseq-method-mismatch off and back on', async () => {
  const document = await open('mismatch01.sip');
  await waitFor('the cseq-method-mismatch diagnostic', () => mismatch(document.uri));
  const config = vscode.workspace.getConfiguration();
  try {
    await config.update('sipls.checks', { 'cseq-method-mismatch': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('the diagnostic to disappear', () => (mismatch(document.uri) ? undefined : true));
  } finally {
    await config.update('sipls.checks', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('the diagnostic to come back', () => mismatch(document.uri));
});

test('sipls.treatAsTrace switches a .log file to sip-log', async () => {
  const document = await open('capture.log');
  assert.notEqual(document.languageId, 'sip-log');
  await vscode.commands.executeCommand('sipls.treatAsTrace');
  const uri = document.uri.toString();
  const switched = await waitFor('language sip-log', () => {
    const found = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    return found?.languageId === 'sip-log' ? found : undefined;
  });
  // Now the server reads it as an ngrep capture.
  await hoverAt(switched, positionOf(switched, 'SIP/2.0 180', 9), '180 Ringing');
});

const FLOW_TRACE = 'flow_trace.siplog';

/** The ladder's webview tab, if one is open. */
function flowTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('sipls.flow'));
}

test('SIP: Show call flow opens the ladder beside the trace, and revealing an arrow selects its start line', async () => {
  const document = await open(FLOW_TRACE);
  assert.equal(document.languageId, 'sip-log');
  const shown = await vscode.commands.executeCommand<{ callId: string; arrows: number; title: string } | undefined>('sipls.showFlow', document.uri, '2-17376@127.0.0.1');
  assert.ok(shown, 'the command resolved with the flow it shows');
  assert.equal(shown.callId, '2-17376@127.0.0.1');
  assert.ok(shown.arrows >= 6, JSON.stringify(shown));
  const tab = await waitFor('the call-flow tab', () => flowTab());
  assert.match(tab.label, /flow_trace\.siplog/);
  // Arrow 1 of the second call is its 180; a click on it in the webview runs this same path.
  const lines = document.getText().split('\n');
  const ringing = lines.findIndex((line, i) => line.startsWith('SIP/2.0 180 ') && lines.slice(0, i).some((l) => l.startsWith('Call-ID: 2-17376')));
  assert.ok(ringing > 0);
  await vscode.commands.executeCommand('sipls.flow.reveal', document.uri, 1);
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document.uri.toString(), document.uri.toString());
  assert.equal(editor.selection.start.line, ringing);
  assert.equal(editor.selection.end.line, ringing);
  assert.equal(editor.document.getText(editor.selection), lines[ringing]?.replace(/\r$/, ''));
  // The same document reuses its panel.
  await vscode.commands.executeCommand('sipls.showFlow', document.uri, 'all');
  assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('sipls.flow')).length, 1);
}, 30_000);

test('SIP: Filter trace… shows the matching messages read-only, each linked to its source line', async () => {
  const document = await open(FLOW_TRACE);
  const view = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('sipls.filterTrace', document.uri, [{ kind: 'method', value: 'BYE', count: 0 }]);
  assert.ok(view, 'the filter opened a view');
  assert.equal(view.uri.scheme, 'sipls-filter');
  assert.equal(view.languageId, 'sip-log');
  const comments = view.getText().split('\n').filter((line) => line.startsWith('# line '));
  // Two calls, each with a BYE and its 200.
  assert.equal(comments.length, 4, view.getText());
  const links = await waitFor('the filter view\'s links', async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', view.uri);
    return found && found.length >= 4 ? found : undefined;
  });
  const sourceLines = document.getText().split('\n');
  const back = links.filter((l) => l.target?.scheme === document.uri.scheme);
  assert.equal(back.length, 4);
  for (const link of back) {
    const line = Number(/^L(\d+)$/.exec(link.target?.fragment ?? '')?.[1]);
    assert.equal(link.target?.with({ fragment: '' }).toString(), document.uri.toString());
    assert.equal(view.lineAt(link.range.start.line).text, `# line ${line} of ${FLOW_TRACE}`);
    assert.match(sourceLines[line - 1] ?? '', /^(BYE |SIP\/2\.0 200 )/);
  }
});

test('sip:, sips: and tel: URIs are not links in a trace, while http: URLs still are', async () => {
  const document = await vscode.workspace.openTextDocument({
    language: 'sip-log',
    content: 'INVITE sips:bob@example.com SIP/2.0\nTo: <tel:+15551234567>\nFrom: <sip:alice@example.com>;tag=1\nCall-Info: <http://www.example.com/alice/photo.jpg>;purpose=icon\n\n',
  });
  await vscode.window.showTextDocument(document);
  const links = await waitFor('the editor\'s own link detection', async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    return found && found.some((l) => l.target?.scheme === 'http') ? found : undefined;
  });
  assert.deepEqual(links.filter((l) => /^(sips?|tel)$/.test(l.target?.scheme ?? '') || /^(sips?|tel):/.test(document.getText(l.range))), []);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('the CodeLens above an INVITE opens the ladder for its call', async () => {
  const document = await open(FLOW_TRACE);
  const lenses = await waitFor('CodeLens on the trace', async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    return found && found.some((l) => l.command?.command === 'sipls.showFlow') ? found : undefined;
  });
  const lens = lenses.find((l) => l.command?.command === 'sipls.showFlow' && l.command.arguments?.[1] === '2-17376@127.0.0.1');
  assert.ok(lens?.command, JSON.stringify(lenses.map((l) => l.command?.arguments)));
  const shown = await vscode.commands.executeCommand<{ callId: string } | undefined>(lens.command.command, ...(lens.command.arguments ?? []));
  assert.equal(shown?.callId, '2-17376@127.0.0.1');
});

test('in a trace with thousands of dialogs, VS Code resolves the CodeLens titles it shows', async () => {
  const document = await open('many_dialogs_messages.log');
  // Without a count the editor's command returns the lenses as the server gave them: no titles yet.
  const unresolved = await waitFor('CodeLens on the large trace', async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    return found && found.length > 500 ? found : undefined;
  });
  assert.ok(unresolved.every((l) => !l.command || l.command.title === ''), 'titles are left to codeLens/resolve');
  const resolved = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 3);
  const titled = resolved.filter((l) => l.command?.command === 'sipls.showFlow');
  assert.ok(titled.length >= 3, JSON.stringify(resolved.slice(0, 3).map((l) => l.command)));
  assert.match(titled[0]?.command?.title ?? '', /^INVITE → /);
  assert.equal(typeof titled[0]?.command?.arguments?.[1], 'string', 'the lens opens the ladder of its call');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('the ladder exports as SVG and as Mermaid, as its Save buttons do', async () => {
  const document = await open(FLOW_TRACE);
  await vscode.commands.executeCommand('sipls.showFlow', document.uri, '2-17376@127.0.0.1');
  const svgFile = workspaceFile('exported-flow.svg');
  const mermaidFile = workspaceFile('exported-flow.mmd');
  const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('sipls.flow.export', document.uri, 'svg', 'file', svgFile);
  assert.equal(written?.toString(), svgFile.toString());
  const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgFile));
  assert.match(svg, /<svg[\s\S]*<\/svg>\s*$/);
  assert.match(svg, /class="arrow[^"]*" data-index="1" data-line="\d+"/);
  assert.match(svg, /180 Ringing/);
  assert.doesNotMatch(svg, /<script/i);
  await vscode.commands.executeCommand('sipls.flow.export', document.uri, 'mermaid', 'file', mermaidFile);
  const mermaid = new TextDecoder().decode(await vscode.workspace.fs.readFile(mermaidFile));
  assert.match(mermaid, /^sequenceDiagram\n/);
  assert.match(mermaid, /->>.*: INVITE/);
  assert.match(mermaid, /-->>.*: 180 Ringing/);
});

async function withTimeout(testCase: TestCase): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${testCase.timeoutMs} ms`)), testCase.timeoutMs);
  });
  try {
    await Promise.race([testCase.fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const testCase of tests) {
    const started = Date.now();
    try {
      await withTimeout(testCase);
      passed++;
      say(`ok - ${testCase.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      say(`not ok - ${testCase.name} (${Date.now() - started} ms)`);
      for (const line of (error instanceof Error ? error.stack ?? error.message : String(error)).split('\n')) say(`  ${line}`);
    }
  }
  say(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} extension tests failed`);
}
