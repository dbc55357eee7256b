/** The benchmark's percentile math: nearest rank, no interpolation, and the median. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { median, percentile } from '../../bench/stats';

describe('benchmark statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('percentiles are nearest-rank samples of the sorted list', () => {
    assert.equal(percentile(hundred, 50), 50);
    assert.equal(percentile(hundred, 95), 95);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile(hundred, 100), 100);
    assert.equal(percentile(hundred, 1), 1);
    assert.equal(percentile([7, 1, 3, 9, 5], 50), 5);
    assert.equal(percentile([7, 1, 3, 9, 5], 95), 9, 'ceil(0.95 * 5) = 5th sample');
    assert.equal(percentile([7, 1, 3, 9, 5], 20), 1, 'ceil(0.2 * 5) = 1st sample');
    assert.equal(percentile([7, 1, 3, 9, 5], 21), 3);
  });

  it('a percentile is always a measured value, and the input is left unsorted', () => {
    const samples = [0.4, 12.5, 3.25, 3.5];
    for (const p of [10, 25, 50, 75, 90, 95, 99]) assert.ok(samples.includes(percentile(samples, p)));
    assert.deepEqual(samples, [0.4, 12.5, 3.25, 3.5]);
  });

  it('one sample is every percentile; no samples is NaN; p outside (0, 100] is refused', () => {
    assert.equal(percentile([4], 1), 4);
    assert.equal(percentile([4], 99), 4);
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.throws(() => percentile([1, 2], 0), RangeError);
    assert.throws(() => percentile([1, 2], 101), RangeError);
  });

  it('the median of an odd count is the middle sample, of an even count the mean of the two middle ones', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([10]), 10);
    assert.ok(Number.isNaN(median([])));
  });
});
