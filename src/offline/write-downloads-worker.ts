/**
 * A worker thread's share of the offline downloads (write-downloads.ts, downloads-thread.ts): makes the downloads
 * of the essays it is given and posts back what it wrote. An error is thrown as it is, so the
 * build's message names the essay's page. Started while Astro renders (an `EarlyGroup`), it
 * first makes the downloads of each page as it is written, posts them, and may then be given a
 * share of the essays left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeEarlyDownloads, writeEssayGroup, type EarlyGroup, type EssayGroup } from './downloads-thread.ts';

const port = parentPort;
const task = workerData as EssayGroup | EarlyGroup;
if (port && 'finished' in task) {
  port.postMessage(await writeEarlyDownloads(task));
  const group = await new Promise<EssayGroup | null>((resolve) => port.once('message', resolve));
  if (group) port.postMessage(await writeEssayGroup(group));
} else {
  port?.postMessage(await writeEssayGroup(task as EssayGroup));
}
