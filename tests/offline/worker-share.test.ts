import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { shareOut, workerCount, workersCanStart } from '../../src/offline/worker-share.ts';

test('no worker starts from a copy of the package under node_modules, whose TypeScript Node will not load', () => {
  expect(workersCanStart('file:///home/site/node_modules/essay-press/src/offline/worker-share.ts')).toBe(false);
  expect(workersCanStart('file:///home/essay-press/src/offline/worker-share.ts')).toBe(true);
  expect(workerCount(1000, 25, false)).toBe(0);
});

test('one worker per CPU, when each has its share of items, and none for a share too small to pay for a start', () => {
  const cpus = availableParallelism();
  expect(workerCount(1000, 25, true)).toBe(cpus > 1 ? cpus : 0);
  expect(workerCount(30, 25, true)).toBe(0);
});

test('the items are shared out in runs that keep their order', () => {
  expect(shareOut([1, 2, 3, 4, 5], 2)).toEqual([
    [1, 2, 3],
    [4, 5],
  ]);
});
