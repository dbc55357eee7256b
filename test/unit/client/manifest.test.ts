/**
 * The extension manifest and the client's file checks: languages and their detection, the settings
 * the server reads, the commands; and the shared detection of SIP in .log and .sip files.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeSipMessage, looksLikeSipTrace } from '../../../client/src/detect';
import { FIXTURES, REPO_ROOT } from '../../support/paths';

interface Language {
  id: string;
  extensions?: string[];
  firstLine?: string;
  configuration?: string;
}
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  main: string;
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
  activationEvents: string[];
  contributes: { languages: Language[]; commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
};
const language = (id: string): Language => {
  const found = manifest.contributes.languages.find((l) => l.id === id);
  assert.ok(found, id);
  return found;
};

describe('extension manifest', () => {
  it('declares sip and sip-log with extensions and activates on them', () => {
    assert.deepEqual(language('sip').extensions, ['.sip', '.sipmsg', '.sip.txt']);
    assert.ok(language('sip-log').extensions?.includes('.siplog'));
    assert.ok(manifest.activationEvents.includes('onLanguage:sip') && manifest.activationEvents.includes('onLanguage:sip-log'));
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('recognises SIP start lines by their first line, and not PyQt binding files', () => {
    const sip = new RegExp(language('sip').firstLine ?? '');
    for (const line of ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 486 Busy Here', 'SIP/2.0 100 ', 'REGISTER sips:example.com SIP/2.0']) assert.match(line, sip, line);
    for (const line of ['%Module(name=PyQt5.QtCore)', 'class QObject /Supertype=sip.wrapper/', 'SIP/2.0 is great', 'INVITE everybody']) assert.doesNotMatch(line, sip, line);
    const log = new RegExp(language('sip-log').firstLine ?? '');
    assert.match('----------------------------------------------- 2026-11-21 20:53:18.964541', log);
    assert.match('2026/11/21 20:53:18.964541 127.0.0.1:5160 -> 127.0.0.1:5170', log);
  });

  it('contributes the settings the server reads, and the commands', () => {
    const keys = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(keys, ['sipls.checks', 'sipls.detectTraces', 'sipls.diagnostics.maxPerCheck', 'sipls.flow.groupBy', 'sipls.flow.mergeHeaders', 'sipls.hover.logCodes', 'sipls.outline.maxItems', 'sipls.trace.server']);
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), ['sipls.explain', 'sipls.filterTrace', 'sipls.restartServer', 'sipls.showFlow', 'sipls.treatAsTrace']);
  });

  it('contributes the grammars, and every file it names exists', () => {
    const contributes = manifest.contributes as unknown as { grammars: { scopeName: string; path: string }[] };
    assert.deepEqual(contributes.grammars.map((g) => g.scopeName).sort(), ['markdown.sip.codeblock', 'source.sdp', 'source.sip', 'source.sip-log']);
    const files = [...contributes.grammars.map((g) => g.path), ...manifest.contributes.languages.map((l) => l.configuration ?? '')];
    for (const file of files) assert.doesNotThrow(() => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')), file);
  });

  it('works in untrusted and virtual workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });
});

describe('client detection', () => {
  it('finds SIP in trace logs and not in ordinary logs', () => {
    assert.equal(looksLikeSipTrace(readFileSync(join(FIXTURES, 'traces', 'sipp', 'uac-invite-call_messages.log'), 'utf8')), true);
    assert.equal(looksLikeSipTrace(readFileSync(join(FIXTURES, 'traces', 'linphone', 'uac-invite-udp-far-end-bye.log'), 'utf8')), true);
    assert.equal(looksLikeSipTrace('2026-01-01 INFO server started\n2026-01-01 WARN disk 91% full\n'), false);
  });

  it('tells SIP message files from PyQt binding files', () => {
    assert.equal(looksLikeSipMessage('INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n'), true);
    assert.equal(looksLikeSipMessage('%Module(name=PyQt5.QtCore, call_super_init=True)\n\n%Import QtCore/QtCoremod.sip\n'), false);
  });
});
