/**
 * Sharing a build step's essays out between worker threads, for work done essay by essay in
 * JavaScript, each essay independent of the others (the offline downloads): on a machine
 * with several CPUs a large site's essays go to one worker per CPU. The social cards gain
 * nothing from it: sharp's own threads already keep every CPU busy (200 cards: 2.0–2.2 s on
 * one thread, 2.2–2.3 s in two workers, timing writeSocialCards on a cold cache).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * How many workers `items` items are worth: one per CPU, but none (0) unless each would have
 * at least `perWorker` items, since a worker's start-up (loading its modules) costs about as
 * much as that many items.
 */
export function workerCount(items: number, perWorker: number): number {
  const count = Math.min(availableParallelism(), Math.floor(items / perWorker));
  return count > 1 ? count : 0;
}

/** `items` in `count` runs of consecutive items, as even as can be, so that the order is kept. */
export function shareOut<Item>(items: readonly Item[], count: number): Item[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/**
 * Runs the worker module at `url` with `data` (its `workerData`) and resolves with the one
 * message it posts. An error it throws rejects as it is, message and all.
 */
export function runInWorker<Result>(url: URL, data: unknown): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A worker (${url.pathname.split('/').pop()}) stopped with exit code ${code}.`));
    });
  });
}
