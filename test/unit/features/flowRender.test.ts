/**
 * The call-flow renderers: the plain-text ladder, Mermaid (parsed back and compared with the model)
 * and SVG (escaping of hostile text, data attributes, classes, no script).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { buildFlows, renderMermaid, renderSvg, renderText, unescapeMermaid, type CallFlow } from '../../../server/src/core/features/flow';
import { FIXTURES } from '../../support/paths';

function flowsOf(path: string): CallFlow[] {
  const text = readFileSync(join(FIXTURES, path), 'utf8');
  const flows = buildFlows(text, parseDocument(text));
  return [...flows.calls, flows.all];
}

interface ParsedMermaid {
  readonly participants: { id: string; label: string }[];
  readonly arrows: { from: string; to: string; dashed: boolean; text: string }[];
}

/** A reader for the subset of Mermaid the renderer writes, independent of the renderer's code. */
function parseMermaid(source: string): ParsedMermaid {
  const lines = source.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('%%'));
  assert.equal(lines.shift(), 'sequenceDiagram');
  const participants: ParsedMermaid['participants'] = [];
  const arrows: ParsedMermaid['arrows'] = [];
  for (const line of lines) {
    const participant = /^participant ([A-Za-z_][A-Za-z0-9_]*) as (.+)$/.exec(line);
    const arrow = /^([A-Za-z_][A-Za-z0-9_]*)(-->>|->>)([A-Za-z_][A-Za-z0-9_]*): (.*)$/.exec(line);
    if (participant) participants.push({ id: participant[1] ?? '', label: participant[2] ?? '' });
    else if (arrow) arrows.push({ from: arrow[1] ?? '', to: arrow[3] ?? '', dashed: arrow[2] === '-->>', text: arrow[4] ?? '' });
    else assert.fail(`unexpected Mermaid line: ${line}`);
  }
  return { participants, arrows };
}

/** What an arrow's text must say: its label, the ×N badge, and the body note. */
function expectedText(arrow: CallFlow['arrows'][number]): string {
  const badge = arrow.messages.length > 1 ? ` ×${arrow.messages.length}` : '';
  const kind = arrow.body?.kind === 'sdp-offer' ? 'SDP offer' : arrow.body?.kind === 'sdp-answer' ? 'SDP answer' : arrow.body?.kind === 'sdp' ? 'SDP' : arrow.body?.contentType;
  const note = arrow.body ? ` (${[kind, ...arrow.body.codecs].join(' ')})` : '';
  return `${arrow.label}${badge}${note}`;
}

function roundTrip(flow: CallFlow): void {
  const parsed = parseMermaid(renderMermaid(flow));
  assert.deepEqual(parsed.participants.map((p) => unescapeMermaid(p.label)), flow.participants.map((p) => p.label));
  const ids = parsed.participants.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length, 'participant ids are unique');
  assert.deepEqual(
    parsed.arrows.map((a) => [ids.indexOf(a.from), ids.indexOf(a.to), a.dashed, unescapeMermaid(a.text)]),
    flow.arrows.map((a) => [a.from, a.to, a.class !== 'request', expectedText(a)]),
  );
  for (const arrow of parsed.arrows) assert.doesNotMatch(arrow.text.replace(/#\d+;/g, ''), /[#;:<>]/, 'escaped');
}

/** A flow with text a trace could carry on purpose: Mermaid syntax, markup and control characters. */
const HOSTILE: CallFlow = {
  id: 'x',
  title: 'evil',
  callIds: ['x'],
  participants: [
    { id: 'a', label: 'host:5060; participant Z as "pwn" #1', source: 'log' },
    { id: 'b', label: '<img src=x onerror=alert(1)>', source: 'log' },
  ],
  arrows: [
    {
      index: 0, message: 0, messages: [0, 3], from: 0, to: 1, label: '486 Busy; A->>B: injected #35; <script>alert(1)</script>', class: '4xx', callId: 'x',
      timestamp: '12:00:00.000 <b>', deltaMs: null, body: { kind: 'other', contentType: 'text/html; charset="<x>"', codecs: [] }, line: 7, start: 0, end: 10,
      startLine: 'SIP/2.0 486 <script>alert(1)</script>', keyHeaders: [{ name: 'From', value: '"<script>alert(2)</script>" <sip:a@b>' }],
    },
  ],
};

describe('renderText', () => {
  it('draws a ladder with arrows both ways, timestamps, deltas, badges and body notes', () => {
    const flow = flowsOf('traces/sipp/uac-unexpected-486_messages.log')[0];
    assert.ok(flow);
    const lines = renderText(flow).split('\n');
    const row = (label: string): string => lines.find((l) => l.includes(label)) ?? assert.fail(label);
    assert.match(row('--INVITE'), /^2026-11-21 20:53:59\.252972 +\|--INVITE-+>\| +SDP offer PCMU\/8000$/);
    assert.match(row('180 Ringing'), /\+0\.3 ms +\|<--180 Ringing-+\|$/);
    assert.match(row('486 Busy Here'), /\|<--486 Busy Here ×2-*\|$/);
    // Lifelines line up: every row has its bars in the same columns as the header's lifeline row.
    const bars = (l: string): number[] => [...l.matchAll(/[|]/g)].map((m) => m.index);
    const lifelines = bars(lines[3] ?? '');
    assert.equal(lifelines.length, 2);
    for (const l of lines.slice(4).filter(Boolean)) assert.deepEqual(bars(l), lifelines, l);
  });

  it('keeps control characters out of the output', () => {
    const text = renderText({ ...HOSTILE, title: 'a\u001b[31mred\u0007' });
    assert.ok(![...text].some((c) => c !== '\n' && c.charCodeAt(0) < 32), 'no control characters but line breaks');
  });
});

describe('renderMermaid', () => {
  for (const path of ['traces/ngrep/b2bua-topoh-x-call-id.log', 'traces/sipp/uac-unexpected-486_messages.log', 'flow/late-offer.sip', 'traces/asterisk-pjsip/full-log-register-call-options.log']) {
    it(`round-trips participants and arrows: ${path}`, () => {
      for (const flow of flowsOf(path)) roundTrip(flow);
    });
  }

  it('escapes Mermaid syntax and markup in labels and aliases, and still round-trips', () => {
    const text = renderMermaid(HOSTILE);
    assert.doesNotMatch(text, /<script|<img|A->>B/);
    assert.equal(text.split('\n').filter((l) => l.includes('->>')).length, 1, 'one arrow line: the injected arrow is text');
    roundTrip(HOSTILE);
  });
});

describe('renderSvg', () => {
  const flow = flowsOf('flow/late-offer.sip')[0];

  it('renders <script> in a header as text, never as markup, and holds no script', () => {
    assert.ok(flow);
    const svg = renderSvg(flow);
    assert.doesNotMatch(svg, /<script/i);
    assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    // Tooltips keep one line per header.
    assert.match(svg, /<title>ACK sip:bob@192\.0\.2\.20 SIP\/2\.0\nFrom: &quot;&lt;script&gt;/);
    const hostile = renderSvg(HOSTILE);
    assert.doesNotMatch(hostile, /<script|<img|<b>|<[^>]*\son\w+=/i);
    assert.match(hostile, /&lt;img src=x onerror=alert\(1\)&gt;/);
    // Every & starts an entity: nothing half-escaped.
    assert.doesNotMatch(hostile, /&(?!amp;|lt;|gt;|quot;|#39;)/);
  });

  it('gives every arrow group its index, line and class, in order', () => {
    assert.ok(flow);
    const svg = renderSvg(flow);
    const groups = [...svg.matchAll(/<g class="arrow" data-index="(\d+)" data-line="(\d+)" data-class="([^"]+)"><g class="arrow-([^"]+)">/g)];
    assert.deepEqual(groups.map((g) => [Number(g[1]), Number(g[2]), g[3], g[4]]), flow.arrows.map((a) => [a.index, a.line, a.class, a.class]));
    assert.equal(groups.length, flow.arrows.length);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const c of ['request', '1xx', '2xx', '3xx', '4xx', '5xx', '6xx']) assert.match(svg, new RegExp(`\\.arrow-${c} line`));
  });

  it('shows the ×N badge, the SDP marker and a lifeline per participant', () => {
    assert.ok(flow);
    const svg = renderSvg(flow);
    assert.match(svg, /<g class="badge">.*>×2<\/text><\/g>/);
    assert.deepEqual([...svg.matchAll(/data-body="([^"]+)"/g)].map((m) => m[1]), ['sdp-offer', 'sdp-answer']);
    assert.equal([...svg.matchAll(/<line class="lifeline"/g)].length, flow.participants.length);
  });
});
