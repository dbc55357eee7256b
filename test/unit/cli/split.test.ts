/**
 * One file checked by several workers (`sipls check --jobs N FILE`): the thread reading it cuts
 * windows, workers rebuild and check them, the reading thread merges their results in order. Here the workers
 * are stand-ins that copy everything as a worker message would and answer out of order, so that
 * tiny windows (cuts everywhere) can be tried on every fixture.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from '../../../server/src/core/parser/document';
import type { Level, Severity } from '../../../server/src/core/features/validate';
import { BatchChecker, rebuildBatch, traceChecksRun, type BatchPlace, type CheckedBatch, type FindingStreamOptions } from '../../../server/src/core/stream';
import { runFileJob, type BatchPool, type CheckJob } from '../../../server/src/cli/fileJob';
import { workersFor } from '../../../server/src/cli/run';
import { FIXTURES } from '../../support/paths';
import { chunked, fixtureFiles } from '../../support/fixtureFiles';

/** Workers in this thread: requests and answers are structured-cloned, and later requests may be answered first. */
class ClonePool implements BatchPool {
  readonly size = 3;
  requests = 0;

  check(place: BatchPlace, options: FindingStreamOptions): Promise<CheckedBatch> {
    const request = structuredClone({ place, options });
    const turns = this.requests++ % 3 === 0 ? 3 : 0;
    return new Promise((resolve) => {
      const answer = (left: number): void => {
        if (left > 0) return void setImmediate(() => answer(left - 1));
        resolve(structuredClone(new BatchChecker(request.options).check(rebuildBatch(request.place))));
      };
      answer(turns);
    });
  }
}

async function check(job: CheckJob, bytes: Uint8Array, chunk: number, pool?: BatchPool): Promise<string> {
  const pieces: string[] = [];
  const result = await runFileJob(job, chunked(bytes, chunk), { piece: (text) => void pieces.push(text) }, pool);
  // As `sipls check` writes them: JSON pieces are runs of objects joined by commas.
  return `${pieces.join(job.output === 'json' ? ',' : '')}\n${JSON.stringify(result)}`;
}

describe('one file checked by several workers', () => {
  const files = fixtureFiles(FIXTURES);
  const cases: { levels: Record<string, Level>; minSeverity: Severity; output: 'text' | 'json' }[] = [
    { levels: {}, minSeverity: 'hint', output: 'text' },
    { levels: {}, minSeverity: 'hint', output: 'json' },
    { levels: { 'via-branch-missing': 'error', retransmission: 'warning', 'header-duplicated': 'off' }, minSeverity: 'warning', output: 'text' },
  ];

  for (const chunk of [64, 4096]) {
    it(`prints what one thread prints on every fixture (${chunk}-character windows)`, async () => {
      let batches = 0;
      let findings = 0;
      for (const file of files) {
        const bytes = readFileSync(file);
        const name = relative(FIXTURES, file);
        const format = parseDocument(new TextDecoder().decode(bytes)).format;
        for (const { levels, minSeverity, output } of cases) {
          const job: CheckJob = { kind: 'check', name, output, minSeverity, levels };
          const pool = new ClonePool();
          const alone = await check({ ...job, window: chunk, format } as CheckJob, bytes, chunk);
          const split = await check({ ...job, window: chunk, format } as CheckJob, bytes, chunk, pool);
          assert.equal(split, alone, `${name}, ${JSON.stringify({ levels, minSeverity, output })}`);
          batches += pool.requests;
          findings += alone.split('\n').length - 1;
        }
      }
      // The windows were small enough that files were cut, and there were findings to merge.
      assert.ok(batches > 2 * files.length, `${batches} batches`);
      assert.ok(findings > 100, `${findings} findings`);
    });
  }
});

describe('workers for one file', () => {
  it('--jobs N gives one file N workers; without it a large file gets one, a small one none', () => {
    assert.equal(workersFor([{ name: 'a.log', size: 1000 }], 2), 2);
    assert.equal(workersFor([{ name: 'a.log', size: 1000 }], 1), 0);
    assert.equal(workersFor([{ name: 'a.log', size: 100 << 20 }], undefined, false, 4), 1);
    assert.equal(workersFor([{ name: 'a.log', size: 1000 }], undefined), 0);
    assert.equal(workersFor([{ name: '-', size: null }], 2), 0);
  });

  it('a very large file that can be split gets two threads when there are two cores or more, one otherwise', () => {
    const huge = [{ name: 'a.log', size: 100 << 20 }];
    assert.equal(workersFor(huge, undefined, true, 2), 2);
    assert.equal(workersFor(huge, undefined, true, 8), 2);
    assert.equal(workersFor(huge, undefined, true, 1), 1);
    assert.equal(workersFor([{ name: 'a.log', size: 20 << 20 }], undefined, true, 8), 1);
    assert.equal(workersFor(huge, 1, true, 8), 0);
    assert.equal(workersFor(huge, 3, true, 8), 3);
  });

  it('sipls check splits by default only when the trace checks are left out', () => {
    // --min-severity warning leaves every trace check out, unless --rule raises one.
    assert.equal(traceChecksRun({ minSeverity: 'warning' }), false);
    assert.equal(traceChecksRun({ minSeverity: 'error' }), false);
    assert.equal(traceChecksRun({ minSeverity: 'warning', levels: { retransmission: 'error' } }), true);
    assert.equal(traceChecksRun({ minSeverity: 'hint' }), true);
    assert.equal(traceChecksRun({}), true);
  });
});
