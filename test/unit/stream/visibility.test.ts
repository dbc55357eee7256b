/**
 * The streamed checker leaves out the checks that cannot report anything at the --min-severity
 * asked for. That is safe only while no check reports a finding more severely than its default
 * (a configured level aside): this holds the checks to it on every fixture.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../server/src/core/parser/document';
import { checkById, CHECKS, severityRank, validate } from '../../../server/src/core/features/validate';
import { TRACE_CHECKS } from '../../../server/src/core/features/validate/checks/trace';
import { checksBelow } from '../../../server/src/core/stream/visibility';
import { FIXTURES } from '../../support/paths';
import { fixtureFiles } from '../../support/fixtureFiles';

describe('checks left out below --min-severity', () => {
  it('no finding is more severe than its check\'s default when no level is configured', () => {
    const milder = new Set<string>();
    for (const file of fixtureFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      for (const finding of validate(text, parseDocument(text))) {
        const check = checkById(finding.code);
        assert.ok(check, finding.code);
        assert.ok(severityRank(finding.severity) >= severityRank(check.defaultSeverity), `${file}: ${finding.code} reported as ${finding.severity}, above its default ${check.defaultSeverity}`);
        if (finding.severity !== check.defaultSeverity) milder.add(finding.code);
      }
    }
    // The fixtures do exercise findings reported below their default (in logs, for instance).
    assert.ok(milder.size > 0);
  });

  it('leaves out the checks whose level or default is below the threshold, and only those', () => {
    const below = checksBelow('warning');
    for (const check of TRACE_CHECKS) assert.ok(below.has(check.id), check.id);
    assert.ok(!below.has('content-length-mismatch') && !below.has('status-code-unregistered'));
    assert.equal(checksBelow('hint').size, 0);
    for (const check of CHECKS) assert.equal(checksBelow('error').has(check.id), check.defaultSeverity !== 'error', check.id);
  });

  it('follows configured levels: raised checks run, lowered or disabled ones do not', () => {
    const below = checksBelow('warning', { retransmission: 'error', 'content-length-mismatch': 'information', 'header-duplicated': 'off' });
    assert.ok(!below.has('retransmission'));
    assert.ok(below.has('content-length-mismatch'));
    assert.ok(below.has('header-duplicated'));
  });
});
