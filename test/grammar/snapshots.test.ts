/**
 * Whole fixtures tokenized and compared with committed snapshots in test/grammar/snapshots/ (one line
 * per token: `line:col scope stack "text"`), so that any change to the grammars shows up in review.
 * Regenerate with `UPDATE_SNAPSHOTS=1 node out/test/runner.js grammar`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/paths';
import { formatTokens, tokenize } from './tokenize';

const SNAPSHOTS = join(REPO_ROOT, 'test', 'grammar', 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const CASES: { fixture: string; scope: string; snapshot: string }[] = [
  { fixture: 'rfc4475/badbranch.dat', scope: 'source.sip', snapshot: 'rfc4475-badbranch.sip.tokens' },
  { fixture: 'rfc4475/dblreq.dat', scope: 'source.sip', snapshot: 'rfc4475-dblreq.sip.tokens' },
  { fixture: 'traces/sipp/uac-unexpected-486_messages.log', scope: 'source.sip-log', snapshot: 'sipp-uac-unexpected-486.sip-log.tokens' },
  { fixture: 'traces/sngrep/udp-two-calls-export.txt', scope: 'source.sip-log', snapshot: 'sngrep-udp-two-calls.sip-log.tokens' },
  { fixture: 'traces/tshark/udp-two-calls-O-sip.txt', scope: 'source.sip-log', snapshot: 'tshark-udp-two-calls-O-sip.sip-log.tokens' },
  { fixture: 'traces/tcpdump/udp-port5060-vvv.log', scope: 'source.sip-log', snapshot: 'tcpdump-udp-port5060-vvv.sip-log.tokens' },
  { fixture: 'traces/kamailio-xlog/syslog-traditional-call-and-503.log', scope: 'source.sip-log', snapshot: 'kamailio-xlog-syslog-traditional.sip-log.tokens' },
  { fixture: 'traces/ngrep/udp-two-calls-plain.log', scope: 'source.sip-log', snapshot: 'ngrep-udp-two-calls-plain.sip-log.tokens' },
  { fixture: 'traces/sofia-sip/options-udp-tport-log.log', scope: 'source.sip-log', snapshot: 'sofia-sip-options-udp.sip-log.tokens' },
];

describe('grammar snapshots', () => {
  for (const c of CASES) {
    it(`${c.fixture} (${c.scope})`, async () => {
      const actual = formatTokens(await tokenize(c.scope, readFileSync(join(FIXTURES, c.fixture), 'utf8')));
      const path = join(SNAPSHOTS, c.snapshot);
      if (UPDATE || !existsSync(path)) {
        if (!UPDATE) assert.fail(`missing snapshot ${path}; run with UPDATE_SNAPSHOTS=1 to create it`);
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(path, actual);
        return;
      }
      assert.equal(actual, readFileSync(path, 'utf8'), `tokens differ from ${c.snapshot}; review and run with UPDATE_SNAPSHOTS=1`);
    });
  }
});
