/**
 * A worker thread that records essays (src/site/essay-data.ts) while the build's thread compiles
 * the next ones: each message is an essay's compiled code, each answer its record as JSON, or
 * no record where it cannot be recorded (the essay is then bundled as its module).
 */
import { parentPort } from 'node:worker_threads';
import { recordedJson } from './essay-data.ts';

parentPort?.on('message', ({ essayFile, code }: { essayFile: string; code: string }) => {
  parentPort?.postMessage({ essayFile, data: recordedJson(code) });
});
