import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { emptyQueue, sharedQueue, startWorker, taken, workerCount, workersCanStart } from '../../src/offline/worker-share.ts';

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

test('threads taking from one queue take every item once, each as it is free', () => {
  const queue = sharedQueue();
  const first = taken(queue, 5);
  const second = taken(queue, 5);
  // One thread takes two items while the other is busy with one.
  const order = [first.next().value, first.next().value, second.next().value, first.next().value, second.next().value];
  expect(order).toEqual([0, 1, 2, 3, 4]);
  expect(first.next().done).toBe(true);
  expect(second.next().done).toBe(true);
});

test('an emptied queue gives nothing more, to any thread', () => {
  const queue = sharedQueue();
  const one = taken(queue, 10);
  expect(one.next().value).toBe(0);
  emptyQueue(queue, 10);
  expect(one.next().done).toBe(true);
  expect([...taken(queue, 10)]).toEqual([]);
});

test('a queue crosses into a worker as shared memory, not a copy', () => {
  const queue = sharedQueue();
  const copy = structuredClone(queue);
  Atomics.add(copy, 0, 3);
  expect([...taken(queue, 5)]).toEqual([3, 4]);
});

const ANSWERS = new URL('../fixtures/workers/answers.ts', import.meta.url);

test('a started worker answers in turn, and its error, or its stopping without an answer, rejects the answer awaited', async () => {
  const worker = startWorker(ANSWERS, 'ready');
  expect(await worker.next()).toBe('ready');
  worker.post(2);
  worker.post(5);
  // Both answers arrive, in order, whether or not one was awaited when it came.
  expect(await worker.next()).toBe(4);
  expect(await worker.next()).toBe(10);
  worker.post('throw');
  await expect(worker.next()).rejects.toThrow('The worker was asked to fail.');

  const quitting = startWorker(ANSWERS, 'ready');
  await quitting.next();
  quitting.post('quit');
  await expect(quitting.next()).rejects.toThrow('A worker (answers.ts) stopped with exit code 3.');

  const stopped = startWorker(ANSWERS, 'ready');
  await stopped.next();
  stopped.stop();
  await expect(stopped.next()).rejects.toThrow('stopped with exit code 1');
});
