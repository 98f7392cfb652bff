/**
 * Sharing a build step's essays out between worker threads, for work done essay by essay in
 * JavaScript, each essay independent of the others (the offline downloads): on a machine
 * with several CPUs a large site's essays go to one worker per CPU. The social cards gain
 * nothing from it: sharp's own threads already keep every CPU busy (200 cards: 2.0–2.2 s on
 * one thread, 2.2–2.3 s in two workers, timing writeSocialCards on a cold cache).
 */
import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Whether Node can start a worker from this package's TypeScript. A worker's module is loaded
 * by Node itself, which strips types from the project's own files but refuses to for a file
 * under node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING): where Essay Press is an
 * installed package, its steps do all their work on the build's own thread.
 */
export const workersCanStart = (moduleUrl: string = import.meta.url): boolean =>
  !fileURLToPath(moduleUrl).split(sep).includes('node_modules');

/**
 * How many workers `items` items are worth: one per CPU, but none (0) unless each would have
 * at least `perWorker` items, since a worker's start-up (loading its modules) costs about as
 * much as that many items; and none where no worker can start (`workersCanStart`).
 */
export function workerCount(items: number, perWorker: number, canStart = workersCanStart()): number {
  if (!canStart) return 0;
  const count = Math.min(availableParallelism(), Math.floor(items / perWorker));
  return count > 1 ? count : 0;
}

/**
 * A queue of items that several threads take from, one item at a time, each taking the next as
 * soon as it is free: a counter in shared memory, passed to a worker in its `workerData`. Split in
 * fixed shares instead, the build's own thread (its large heap to collect, Pagefind beside it)
 * made its half of 500 essays' downloads in 3.9 s of CPU while a worker made the other half in 2.3 s,
 * then waited.
 */
export function sharedQueue(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** The indexes of `length` items that this thread takes from `queue`, until none is left. */
export function* taken(queue: Int32Array, length: number): Generator<number> {
  for (let index = Atomics.add(queue, 0, 1); index < length; index = Atomics.add(queue, 0, 1)) yield index;
}

/** Leaves nothing more to take: after a failure, the other threads stop at the item in hand. */
export function emptyQueue(queue: Int32Array, length: number): void {
  Atomics.store(queue, 0, length);
}

/**
 * Runs the worker module at `url` with `data` (its `workerData`) and resolves with the one
 * message it posts. An error it throws rejects as it is, message and all.
 */
export function runInWorker<Result>(url: URL, data: unknown): Promise<Result> {
  return startWorker(url, data).next<Result>();
}

/** A worker that may answer more than once (`startWorker`). */
export interface WorkerThread {
  /** Its next message; rejects with the error it throws, or when it stops first. */
  next<Result>(): Promise<Result>;
  post(message: unknown): void;
  /** Stops it at once. */
  stop(): void;
}

/**
 * Starts the worker module at `url` with `data` (its `workerData`). It keeps the process alive
 * only while its next message is awaited: a build that ends early does not wait for a worker
 * nobody listens to any more.
 */
export function startWorker(url: URL, data: unknown): WorkerThread {
  const worker = new Worker(url, { workerData: data });
  worker.unref();
  const arrived: unknown[] = [];
  const waiting: Array<{ resolve: (message: unknown) => void; reject: (error: unknown) => void }> = [];
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
    worker.unref();
  };
  worker.on('message', (message) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else arrived.push(message);
    if (waiting.length === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`A worker (${url.pathname.split('/').pop()}) stopped with exit code ${code}.`)));
  return {
    next: <Result>() => {
      if (arrived.length > 0) return Promise.resolve(arrived.shift() as Result);
      if (failure !== undefined) return Promise.reject(failure as Error);
      worker.ref();
      return new Promise<Result>((resolve, reject) => waiting.push({ resolve: resolve as (message: unknown) => void, reject }));
    },
    post: (message) => worker.postMessage(message),
    stop: () => void worker.terminate(),
  };
}
