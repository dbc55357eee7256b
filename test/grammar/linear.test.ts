/**
 * Catastrophic-backtracking guard. Every regex in every grammar is searched over pathological 100 KB
 * lines (a failing search tries every start position, so a quadratic or exponential regex shows here),
 * and each grammar tokenizes those lines in the contexts where its rules are active: start line,
 * header value, SDP body, log framing, prefixed and indented messages (tab, syslog prefix), the tshark
 * tree, #015#012-escaped one-line messages, wrapped ngrep payloads and markdown fence.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as oniguruma from 'vscode-oniguruma';
import { GRAMMAR_FILES, loadOniguruma, readGrammarJson, tokenize } from './tokenize';

const SIZE = 100_000;
const LIMIT_MS = 2000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const PATHOLOGICAL: Record<string, string> = {
  semicolons: fill(';'),
  angles: fill('<'),
  quotes: fill('"'),
  digits: fill('1'),
  sipSchemes: fill('sip:'),
  spaces: fill(' '),
  equals: fill('='),
  spacesThenX: fill(' ').slice(1) + 'x',
  openUris: fill('<sip:a'),
  escapedQuotes: fill('"\\'),
  params: fill(';a= '),
  dottedDigits: fill('1.'),
  colons: fill(':'),
  hexColons: fill('f:'),
  brackets: fill('[:'),
  versions: fill('SIP/2.0 '),
  dashes: fill('-'),
  backticks: fill('`'),
  // Shapes the prefixed, escaped, wrapped and tshark rules look for, repeated.
  escapes: fill('#012'),
  crlfEscapes: fill('#015#012'),
  escapedHeaders: fill('#012a:'),
  escapedStarts: fill('#012SIP/2.0 200 '),
  dots: fill('.'),
  dotHeaders: fill('..a:'),
  colonSpaces: fill(': '),
  tabs: fill('\t'),
  prefixedRequests: fill(': a b SIP/2.0 '),
  prefixedStatus: fill('] SIP/2.0 200 '),
  timestamps: fill('2026-11-21 10:00:00.123 '),
};

/** Every regex string in a grammar (match, begin, end, while), with end back-references neutralised. */
function regexes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => regexes(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['match', 'begin', 'end', 'while'].includes(key)) out.push(value.replace(/(?<!\\)((?:\\\\)*)\\[1-9]/g, '$1(?:)'));
      else regexes(value, out);
    }
  }
  return out;
}

function timed(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('linear regexes', () => {
  for (const scopeName of Object.keys(GRAMMAR_FILES)) {
    it(`every regex in ${scopeName} searches 100 KB pathological lines within ${LIMIT_MS} ms`, async () => {
      await loadOniguruma();
      const all = regexes(readGrammarJson(scopeName));
      assert.ok(all.length > 3, 'found the grammar rules');
      for (const source of all) {
        const scanner = new oniguruma.OnigScanner([source]);
        for (const [name, line] of Object.entries(PATHOLOGICAL)) {
          const text = new oniguruma.OnigString(line + '\n');
          for (const from of [0, 1]) {
            const ms = timed(() => scanner.findNextMatchSync(text, from));
            assert.ok(ms < LIMIT_MS, `${scopeName} /${source}/ on ${name} from ${from} took ${ms.toFixed(0)} ms`);
          }
          text.dispose();
        }
        scanner.dispose();
      }
    });
  }
});

const CONTEXTS: { scope: string; name: string; lines: (p: string) => string[] }[] = [
  { scope: 'source.sip', name: 'top level', lines: (p) => [p] },
  { scope: 'source.sip', name: 'request line', lines: (p) => [`INVITE ${p} SIP/2.0`, `${p} sip:a SIP/2.0`] },
  { scope: 'source.sip', name: 'status line', lines: (p) => [`SIP/2.0 200 ${p}`] },
  { scope: 'source.sip', name: 'header value and folding', lines: (p) => ['INVITE sip:a SIP/2.0', `Via: ${p}`, ` ${p}`, `${p}: x`] },
  { scope: 'source.sip', name: 'plain body', lines: (p) => ['INVITE sip:a SIP/2.0', 'Content-Type: text/plain', '', p] },
  { scope: 'source.sip', name: 'SDP body', lines: (p) => ['INVITE sip:a SIP/2.0', 'c: application/sdp', '', `a=${p}`, `a=rtpmap:0 ${p}`, `m=audio 1 ${p}`, `c=${p}`, p] },
  { scope: 'source.sip-log', name: 'framing', lines: (p) => [p, `2026-11-21 ${p}`, `<--- ${p}`] },
  { scope: 'source.sip-log', name: 'message', lines: (p) => ['SIP/2.0 486 Busy Here', `To: ${p}`, '', p] },
  { scope: 'source.sip-log', name: 'prefixed start line', lines: (p) => [`${p}: INVITE sip:a SIP/2.0`, `${p}] SIP/2.0 486 x`, `Nov 21 10:00:00 ${p}`, `\t${p}`] },
  {
    scope: 'source.sip-log',
    name: 'prefixed message (tab)',
    lines: (p) => ['\tINVITE sip:a SIP/2.0', `\tVia: ${p}`, `\t ${p}`, `\t${p}`, '\tc: application/sdp', '\t', `\ta=${p}`, `\t${p}`, `\tSIP/2.0 200 ${p}`],
  },
  {
    scope: 'source.sip-log',
    name: 'prefixed message (syslog)',
    lines: (p) => ['Nov 21 10:00:00 host app[1]: SIP/2.0 486 Busy Here', `Nov 21 10:00:01 host app[1]: To: ${p}`, `Nov 21 10:00:02 host app[1]: ${p}`, 'Nov 21 10:00:03 host app[1]: ', `Nov 21 10:00:04 host app[1]: ${p}`],
  },
  {
    scope: 'source.sip-log',
    name: 'tshark tree',
    lines: (p) => [
      'Session Initiation Protocol (INVITE)', `    Request-Line: INVITE ${p} SIP/2.0`, `        Method: ${p}`, `        Request-URI: ${p}`, `            ${p}`,
      '    Message Header', `        Via: ${p}`, `        ${p}: x`, `            ${p}`, '    Message Body', `        ${p}`,
      'Session Initiation Protocol (486)', `    Status-Line: SIP/2.0 486 ${p}`, `        Status-Code: ${p}`, `Session Initiation Protocol ${p}`,
    ],
  },
  {
    scope: 'source.sip-log',
    name: 'escaped one-line message',
    lines: (p) => [`host: RCV #012INVITE sip:a SIP/2.0#015#012Via: ${p}#015#012To: "${p}#015#012#015#012${p}`, `x #012SIP/2.0 486 ${p}`, `x ${p}#012SIP/2.0 200 OK#015#012c:${p}`],
  },
  {
    scope: 'source.sip-log',
    name: 'wrapped ngrep payload',
    lines: (p) => [`  INVITE sip:a SIP/2.0..Via: ${p}`, `  ${p}`, `  ..From: ${p}`, `  SIP/2.0 486 ${p}..`],
  },
  { scope: 'text.html.markdown', name: 'fence', lines: (p) => [`\`\`\`sip ${p}`, p, '```', `\`\`\`${p}`] },
];

describe('linear tokenization', () => {
  for (const c of CONTEXTS) {
    it(`${c.scope}: ${c.name}`, async () => {
      for (const [name, p] of Object.entries(PATHOLOGICAL)) {
        const lines = c.lines(p);
        const start = process.hrtime.bigint();
        await tokenize(c.scope, lines);
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        assert.ok(elapsed < LIMIT_MS * lines.length, `${c.scope} ${c.name} on ${name} took ${elapsed.toFixed(0)} ms`);
      }
    });
  }
});
