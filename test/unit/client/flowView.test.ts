/**
 * The client's call-flow pieces that need no VS Code: the webview HTML builder (policy, escaping),
 * the cursor-to-arrow lookup, the trace filter, and the manifest entries of the two commands. Flows
 * come from the core's buildFlows on trace fixtures.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrowAt } from '../../../client/src/flow/arrowAt';
import { arrowMethod, filterChoices, filterTrace, matchesFilter, type FilterChoice } from '../../../client/src/flow/filterModel';
import { contentSecurityPolicy, flowHtml, scriptSafeJson } from '../../../client/src/flow/html';
import type { FlowViewState } from '../../../client/src/flow/protocol';
import { buildFlows } from '../../../server/src/core/features/flow';
import { parseDocument } from '../../../server/src/core/parser/document';
import { FIXTURES, REPO_ROOT } from '../../support/paths';

const SCRIPT_TRACE = readFileSync(join(FIXTURES, 'webview', 'script-in-headers.log'), 'utf8');
const TWO_CALLS = readFileSync(join(FIXTURES, 'traces', 'sngrep', 'udp-two-calls-export.txt'), 'utf8');

function flowsOf(text: string): ReturnType<typeof buildFlows> {
  return buildFlows(text, parseDocument(text));
}

function stateOf(text: string): FlowViewState {
  const flows = flowsOf(text);
  const flow = flows.calls[0];
  assert.ok(flow);
  return { documentName: 'trace.log', calls: flows.calls.map((c) => ({ id: c.id, title: c.title, arrows: c.arrows.length })), selected: flow.id, groupBy: 'address', flow, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', highlight: null };
}

describe('call-flow webview HTML', () => {
  const nonce = 'bm9uY2Utbm9uY2Utbm9uY2U=';
  const html = flowHtml({ nonce, cspSource: 'https://webview.example', scriptUri: 'https://webview.example/dist/flowWebview.js', state: stateOf(SCRIPT_TRACE) });

  it('sets the strict policy: scripts and styles by nonce, nothing remote', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(policy, contentSecurityPolicy(nonce, 'https://webview.example'));
    assert.equal(policy, `default-src 'none'; script-src 'nonce-${nonce}'; style-src https://webview.example 'nonce-${nonce}'; img-src https://webview.example data:`);
  });

  it('loads exactly one script, the bundled one, by nonce; every <style> and <script> carries the nonce', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    assert.deepEqual(scripts, [' type="application/json" id="flow-state"', ` nonce="${nonce}" src="https://webview.example/dist/flowWebview.js"`]);
    assert.deepEqual([...html.matchAll(/<style\b([^>]*)>/g)].map((m) => m[1]), [` nonce="${nonce}"`]);
    // No inline handler, style attribute or script URL in the markup (the state JSON is data, checked below).
    assert.doesNotMatch(html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, ''), /\son[a-z]+=|style="|javascript:/i);
  });

  it('embeds the state as JSON that markup in the trace cannot escape from', () => {
    assert.ok(SCRIPT_TRACE.includes('<script>alert(1)</script>'));
    const body = /<script type="application\/json" id="flow-state">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.doesNotMatch(body, /[<>]/);
    const state = JSON.parse(body) as FlowViewState;
    assert.deepEqual(state, stateOf(SCRIPT_TRACE));
    assert.ok(state.flow.arrows.some((a) => a.label.includes('<script>alert(1)</script>')));
    assert.equal(JSON.parse(scriptSafeJson({ t: '</script><!-- & \u2028' })).t, '</script><!-- & \u2028');
  });
});

describe('cursor to arrow', () => {
  it('finds the arrow whose message holds an offset, and none between messages', () => {
    const flow = flowsOf(TWO_CALLS).all;
    assert.ok(flow.arrows.length >= 10);
    for (const arrow of flow.arrows) {
      assert.equal(arrowAt(flow, arrow.start), arrow.index);
      assert.equal(arrowAt(flow, Math.floor((arrow.start + arrow.end) / 2)), arrow.index);
    }
    const ringing = TWO_CALLS.indexOf('SIP/2.0 180 Ringing');
    assert.equal(flow.arrows[arrowAt(flow, ringing + 3) ?? -1]?.label, '180 Ringing');
    // The sngrep header line before the first message belongs to no message.
    assert.ok((flow.arrows[0]?.start ?? 0) > 0);
    assert.equal(arrowAt(flow, 0), null);
  });
});

describe('trace filter', () => {
  const flow = flowsOf(TWO_CALLS).all;

  it('offers the Call-IDs, methods, code classes and participants the trace holds', () => {
    const choices = filterChoices(flow);
    const of = (kind: FilterChoice['kind']): string[] => choices.filter((c) => c.kind === kind).map((c) => c.value);
    assert.deepEqual(of('callId'), ['1-17376@127.0.0.1', '2-17376@127.0.0.1']);
    assert.deepEqual(of('method').sort(), ['ACK', 'BYE', 'INVITE']);
    assert.deepEqual(of('class').sort(), ['1xx', '2xx', 'request']);
    assert.deepEqual(of('participant'), ['127.0.0.1:5160', '127.0.0.1:5170']);
    const invites = choices.find((c) => c.kind === 'method' && c.value === 'INVITE');
    // Two calls, each INVITE with its 180 and 200.
    assert.equal(invites?.count, 6);
  });

  it('keeps INVITE transactions of one call, each behind a "# line N of FILE" comment', () => {
    const picked: FilterChoice[] = [
      { kind: 'method', value: 'INVITE', count: 0 },
      { kind: 'callId', value: '2-17376@127.0.0.1', count: 0 },
    ];
    const kept = flow.arrows.filter((a) => matchesFilter(flow, a, picked));
    assert.deepEqual(kept.map((a) => a.label), ['INVITE', '180 Ringing', '200 OK']);
    assert.ok(kept.every((a) => arrowMethod(a) === 'INVITE' && a.callId === '2-17376@127.0.0.1'));
    const result = filterTrace(flow, TWO_CALLS, 'calls.txt', picked);
    assert.equal(result.messages, 3);
    const lines = result.text.split('\n');
    const sourceLines = TWO_CALLS.split(/\r?\n/);
    for (const link of result.links) {
      assert.equal(lines[link.line], `# line ${link.sourceLine + 1} of calls.txt`);
      // The comment's next line is the message's start line, as it stands in the source.
      assert.equal(lines[link.line + 1], sourceLines[link.sourceLine]);
    }
    assert.deepEqual(result.links.map((l) => sourceLines[l.sourceLine]), ['INVITE sip:service@127.0.0.1:5170 SIP/2.0', 'SIP/2.0 180 Ringing', 'SIP/2.0 200 OK']);
  });

  it('of one kind keeps any; nothing matching gives an empty view', () => {
    const either: FilterChoice[] = [{ kind: 'method', value: 'ACK', count: 0 }, { kind: 'method', value: 'BYE', count: 0 }];
    assert.deepEqual(flow.arrows.filter((a) => matchesFilter(flow, a, either)).map((a) => a.label), ['ACK', 'BYE', '200 OK', 'ACK', 'BYE', '200 OK']);
    const none = filterTrace(flow, TWO_CALLS, 'calls.txt', [{ kind: 'class', value: '6xx', count: 0 }]);
    assert.deepEqual(none, { text: '', links: [], messages: 0 });
  });
});

describe('extension manifest: call flow', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string; title: string; icon?: string }[]; menus: Record<string, { command: string; when?: string; group?: string }[]> };
  };

  it('puts "Show call flow" on the editor title bar of sip and sip-log documents only', () => {
    const command = manifest.contributes.commands.find((c) => c.command === 'sipls.showFlow');
    assert.equal(command?.title, 'Show call flow');
    assert.match(command?.icon ?? '', /^\$\([a-z-]+\)$/);
    const button = manifest.contributes.menus['editor/title']?.find((m) => m.command === 'sipls.showFlow');
    assert.equal(button?.when, 'editorLangId == sip || editorLangId == sip-log');
    assert.equal(button?.group, 'navigation');
    assert.equal(manifest.contributes.commands.find((c) => c.command === 'sipls.filterTrace')?.title, 'Filter trace…');
  });
});
