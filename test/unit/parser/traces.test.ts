/**
 * Trace-log fixtures made by the real tools (or, where a tool cannot run here, written from its
 * documented output; see each folder's RECIPE.md). Every fixture has a `<file>.expected.tsv` with one
 * row per SIP message: where its start line is, what it is, and what the log said around it. The
 * folder name is the format the parser must detect.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import { summarize } from '../../../server/src/core/features/summary';
import { readTsv } from '../../support/tsv';
import { FIXTURES, HAVE_SHARED, SHARED } from '../../support/paths';

const TRACES = join(FIXTURES, 'traces');
const COLUMNS = ['index', 'line', 'kind', 'method', 'code', 'reason', 'callId', 'cseq', 'direction', 'src', 'dst', 'transport', 'timestamp'] as const;

/** `-` in the TSV means absent; `\t` stands for a tab (SIPp's error-log timestamps contain real tabs). */
function expectedCell(cell: string | undefined): string {
  return cell === undefined || cell === '-' ? '-' : cell.replace(/\\t/g, '\t');
}

function actualCell(value: string | number | null): string {
  return value === null || value === '' ? '-' : String(value);
}

/**
 * Fixtures the parser does not read fully yet, with why. For these the test checks what does work
 * (the format, and every message it finds at the right line with the right kind) and fails the day
 * they are read fully, so the entry is then removed. Keep this list empty whenever possible.
 */
const KNOWN_LIMITATIONS: Readonly<Record<string, string>> = {};

const folders = existsSync(TRACES) ? readdirSync(TRACES).filter((name) => !name.includes('.')).sort() : [];

describe('trace-log fixtures', () => {
  it('has fixtures', () => assert.ok(folders.length >= 15, `${folders.length} formats`));
  for (const folder of folders) {
    const files = readdirSync(join(TRACES, folder)).filter((name) => existsSync(join(TRACES, folder, `${name}.expected.tsv`)));
    describe(folder, () => {
      it('has at least one fixture with expectations', () => assert.ok(files.length > 0));
      for (const file of files) {
        it(file, () => {
          const text = new TextDecoder('utf-8').decode(readFileSync(join(TRACES, folder, file)));
          const document = parseDocument(text);
          const expected = readTsv(`traces/${folder}/${file}.expected.tsv`).map((row) => COLUMNS.map((c) => expectedCell(row[c])).join(' | '));
          const actual = summarize(text, document).map((s) => COLUMNS.map((c) => actualCell(s[c])).join(' | '));
          assert.equal(document.format, folder, 'detected format');
          const limitation = KNOWN_LIMITATIONS[`${folder}/${file}`];
          if (limitation === undefined) {
            assert.deepEqual(actual, expected);
            return;
          }
          // Known limitation: every message found must be one the tool logged, at its line, of its kind.
          const where = (row: string): string => row.split(' | ').slice(1, 3).join(' | ');
          const expectedPlaces = new Set(expected.map(where));
          assert.ok(actual.length > 0, 'finds messages');
          for (const row of actual) assert.ok(expectedPlaces.has(where(row)), `found at a logged place: ${row}`);
          assert.notDeepEqual(actual, expected, `now read fully: remove it from KNOWN_LIMITATIONS (${limitation})`);
        });
      }
    });
  }
});

/** The public traces in ../shared/corpus/traces (not vendored): the counts come from its index.tsv. */
describe('shared public traces', { skip: HAVE_SHARED ? false : 'needs ../shared/corpus' }, () => {
  const cases: [string, string, number][] = [
    ['linphone-belle-sip/linphone-test-android-linphone.log', 'linphone', 25],
    ['nodejs-sip-log4js/JDW-beta-sip.log', 'generic', 1970],
  ];
  for (const [path, format, count] of cases) {
    it(`${path}: ${count} messages as ${format}`, () => {
      const text = new TextDecoder('utf-8').decode(readFileSync(join(SHARED, 'corpus', 'traces', path)));
      const document = parseDocument(text);
      assert.equal(document.format, format);
      assert.equal(document.messages.length, count);
      for (const message of document.messages) {
        assert.ok(message.headers.some((h) => h.key === 'call-id'), `message ${message.index} has a Call-ID`);
      }
    });
  }
});
