/** The progress bar: what a line looks like, when it draws, and that it never draws off a terminal. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressBar, renderProgress } from '../../../server/src/cli/progress';

describe('renderProgress', () => {
  it('shows the bar, percentage, bytes of the total and the speed', () => {
    assert.equal(renderProgress('sipls check', 250_000_000, 1_000_000_000, 2000, 80), 'sipls check [########----------------------]  25% 250.0/1000.0 MB  125.0 MB/s');
  });

  it('shows bytes and speed without a bar when the total is unknown (standard input)', () => {
    assert.equal(renderProgress('sipls messages', 12_500_000, null, 500, 80), 'sipls messages 12.5 MB  25.0 MB/s');
  });

  it('fits the width it is given', () => {
    const line = renderProgress('sipls check', 5, 10, 1000, 30);
    assert.ok(line.length <= 30, line);
    assert.match(line, /^sipls check/);
  });
});

describe('ProgressBar', () => {
  const clock = (): { now: () => number; set: (ms: number) => void } => {
    let time = 0;
    return { now: () => time, set: (ms) => (time = ms) };
  };

  it('writes nothing at all when stderr is not a terminal', () => {
    const written: string[] = [];
    const time = clock();
    const bar = new ProgressBar({ write: (text) => written.push(text), tty: false, total: 100, label: 'sipls check', now: time.now });
    for (let ms = 0; ms < 5000; ms += 500) {
      time.set(ms);
      bar.add(10);
    }
    bar.finish();
    assert.deepEqual(written, []);
  });

  it('draws in place on a terminal after a short delay, at most once per interval, and erases itself at the end', () => {
    const written: string[] = [];
    const time = clock();
    const bar = new ProgressBar({ write: (text) => written.push(text), tty: true, columns: 81, total: 4_000_000, label: 'sipls check', now: time.now, delay: 300, interval: 100 });
    time.set(100);
    bar.add(1_000_000); // before the delay: a quick run never flashes a bar
    assert.deepEqual(written, []);
    time.set(1000);
    bar.add(1_000_000);
    time.set(1050);
    bar.add(1_000_000); // within the interval: not redrawn
    assert.deepEqual(written, [`\r${renderProgress('sipls check', 2_000_000, 4_000_000, 1000, 80)}\u001b[K`]);
    bar.finish();
    assert.equal(written.at(-1), '\r\u001b[K');
  });

  it('erases nothing when it never drew', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (text) => written.push(text), tty: true, total: 10, label: 'x', now: () => 0 });
    bar.add(10);
    bar.finish();
    assert.deepEqual(written, []);
  });
});
