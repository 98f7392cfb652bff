/**
 * A worker thread's share of the offline downloads (offline-downloads.ts): makes the
 * downloads of the essays it is given and posts back what it wrote. An error is thrown as it
 * is, so the build's message names the essay's page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeEssayGroup, type EssayGroup } from './write-downloads.ts';

parentPort?.postMessage(await writeEssayGroup(workerData as EssayGroup));
