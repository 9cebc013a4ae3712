import { describe, expect, it } from 'vitest';
import { concurrencyGroup } from '../../../src/github/concurrency-group.js';

describe('the request group every Octokit request goes through', () => {
  it('runs at most its bound at once, hands each freed slot to the next job in order, and finishes them all', async () => {
    const group = concurrencyGroup(3).key();
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const jobs = Array.from({ length: 20 }, (_, i) =>
      group.schedule({}, async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1 + (i % 4)));
        running--;
        return i * 2;
      }),
    );
    // A job scheduled after the others waits its turn behind them.
    const late = group.schedule({}, () => {
      running++;
      most = Math.max(most, running);
      running--;
      return -1;
    });
    expect(await Promise.all(jobs)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(await late).toBe(-1);
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot of a job that fails', async () => {
    const group = concurrencyGroup(1).key();
    await expect(group.schedule({}, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await group.schedule({}, () => 'next')).toBe('next');
  });

  it('starts a job without waiting for a timer: the request leaves before queued CPU work runs', async () => {
    const group = concurrencyGroup(10).key();
    let ran = false;
    const done = group.schedule({}, () => {
      ran = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(ran).toBe(true);
    await done;
  });
});
