import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stop } from 'esbuild';

/** This process's child processes, where the system says (Linux's /proc); undefined elsewhere. */
function childProcesses(): number[] | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  return readdirSync('/proc/self/task').flatMap((task) => {
    try {
      return readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}

/**
 * Stops esbuild's service (the classic scripts, the service worker and the search script are
 * built with it) and waits until its process has ended and been reaped. esbuild only signals
 * its child and lets go of it, so a build that exits at once leaves it behind as a process of
 * the machine's (a zombie where nothing reaps it); waiting a moment lets Node reap it.
 */
export async function stopEsbuild(): Promise<void> {
  const before = childProcesses();
  await stop();
  const started = performance.now();
  // At most a second; where /proc cannot tell, a moment is what it takes.
  while (performance.now() - started < (before ? 1000 : 50)) {
    const now = childProcesses();
    if (now && !now.some((pid) => before?.includes(pid) && readComm(pid) === 'esbuild')) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function readComm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
