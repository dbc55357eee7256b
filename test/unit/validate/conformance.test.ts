/**
 * The README's conformance table is the contract: for every RFC 4475/5118 torture message and every
 * trace fixture, the exact set of findings `sipls check` reports. This test recomputes each row and
 * compares, so the table cannot drift from the code. It also enforces the verdict rules: an
 * `invalid` message gets at least one error, a `valid` one none, and a `valid-but-unusual` one at
 * most information and hints.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { validate } from '../../../server/src/core/features/validate';
import { FIXTURES, REPO_ROOT } from '../../support/paths';
import { readTsv } from '../../support/tsv';

/** "E:id×2 W:id" — severities by initial, errors first, then ids alphabetically; "×N" for repeats. */
export function findingSummary(text: string): string {
  const counts = new Map<string, number>();
  for (const finding of validate(text, parseDocument(text))) {
    const key = `${finding.severity[0]?.toUpperCase()}:${finding.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = 'EWIH';
  return [...counts]
    .sort(([a], [b]) => order.indexOf(a[0] ?? '') - order.indexOf(b[0] ?? '') || a.localeCompare(b))
    .map(([key, count]) => (count > 1 ? `${key}×${count}` : key))
    .join(' ') || '(none)';
}

interface Row {
  readonly file: string;
  readonly verdict: string;
  readonly findings: string;
}

function readmeRows(): Row[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Conformance'));
  return section
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return { file: (cells[1] ?? '').replace(/`/g, ''), verdict: cells[2] ?? '', findings: (cells[3] ?? '').replace(/`/g, '') };
    });
}

const decoder = new TextDecoder('utf-8');

/**
 * RFC 4475 dblreq.dat is a datagram whose receiver ignores the octets after the REGISTER; read as
 * a file they are a second message (an INVITE with its own defects). The REGISTER must be clean.
 */
const DBLREQ = 'rfc4475/dblreq.dat';

describe('conformance table (README)', () => {
  const rows = readmeRows();

  it('covers every RFC 4475 and RFC 5118 file and every trace fixture', () => {
    const expected = [
      ...readTsv('rfc4475/index.tsv').map((r) => `rfc4475/${r.file}`),
      ...readTsv('rfc5118/index.tsv').map((r) => `rfc5118/${r.file}`),
    ];
    const files = new Set(rows.map((r) => r.file));
    for (const file of expected) assert.ok(files.has(file), `README row for ${file}`);
    assert.ok(rows.filter((r) => r.file.startsWith('traces/')).length >= 50, 'trace fixture rows');
  });

  it('reads dblreq.dat as two messages and finds nothing wrong with the REGISTER', () => {
    const text = decoder.decode(readFileSync(join(FIXTURES, DBLREQ)));
    const document = parseDocument(text);
    assert.equal(document.messages.length, 2);
    assert.deepEqual(validate(text, document).filter((f) => f.messageIndex === 0 && f.severity === 'error'), []);
  });

  it('matches what the validator reports, file by file', () => {
    for (const row of rows) {
      const text = decoder.decode(readFileSync(join(FIXTURES, row.file)));
      assert.equal(findingSummary(text), row.findings, row.file);
    }
  });

  it('gives every invalid message an error, no valid message an error, and unusual ones at most information', () => {
    const verdicts = new Map<string, string>([
      ...readTsv('rfc4475/index.tsv').map((r): [string, string] => [`rfc4475/${r.file}`, r.expected ?? '']),
      ...readTsv('rfc5118/index.tsv').map((r): [string, string] => [`rfc5118/${r.file}`, r.expected ?? '']),
    ]);
    for (const row of rows) {
      const verdict = verdicts.get(row.file);
      assert.equal(row.verdict, verdict ?? row.verdict, `${row.file}: verdict column`);
      const errors = row.findings.split(' ').filter((f) => f.startsWith('E:'));
      const warnings = row.findings.split(' ').filter((f) => f.startsWith('W:'));
      if (verdict === 'invalid') assert.ok(errors.length > 0, `${row.file} is invalid and must get an error`);
      if (verdict === 'valid' && row.file !== DBLREQ) assert.deepEqual(errors, [], `${row.file} is valid and must get no error`);
      if (verdict === 'valid-but-unusual') assert.deepEqual([...errors, ...warnings], [], `${row.file}: at most information`);
      if (verdict === 'valid-cl-artifact') assert.deepEqual(row.findings, 'E:content-length-mismatch', `${row.file}: exactly the Content-Length finding`);
    }
  });
});
