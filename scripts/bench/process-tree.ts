/**
 * What a build's child processes (Pagefind's indexer, esbuild's service) cost, read from
 * Linux's /proc while they run: Node reports the resources of its own process only, and
 * `child_process` returns no rusage. Elsewhere it reports nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc's CPU times (USER_HZ, 100 on every common architecture). */
const TICKS_PER_SECOND = 100;

export interface ChildProcessUse {
  pid: number;
  name: string;
  /** User plus system CPU time, as last sampled. */
  cpuMs: number;
  /** Peak resident memory (VmHWM), as last sampled. */
  peakRssBytes: number;
}

export interface TreeSampler {
  /** Every descendant of the root seen so far, with its last sample. */
  stop: () => ChildProcessUse[];
}

/**
 * Samples the descendants of `rootPid` (not the root itself) every `intervalMs`. A process's
 * peak memory is kept by the kernel (VmHWM), so the last sample before it exits is its peak
 * but for what it grew in its last interval; its CPU time misses at most its last interval.
 */
export function sampleDescendants(rootPid: number, intervalMs = 100): TreeSampler {
  const seen = new Map<number, ChildProcessUse>();
  const supported = process.platform === 'linux';
  const sample = (): void => {
    for (const pid of descendants(rootPid)) {
      const use = readUse(pid);
      if (use) seen.set(pid, { ...use, peakRssBytes: Math.max(use.peakRssBytes, seen.get(pid)?.peakRssBytes ?? 0) });
    }
  };
  const timer = supported ? setInterval(sample, intervalMs) : undefined;
  return {
    stop: () => {
      clearInterval(timer);
      return [...seen.values()];
    },
  };
}

/** The descendants of `pid`, from each of its threads' `children` files (Linux 3.5 and later). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      continue; // gone
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
      } catch {
        // the thread ended
      }
      for (const child of children.split(' ').filter(Boolean).map(Number)) {
        if (!found.includes(child)) {
          found.push(child);
          queue.push(child);
        }
      }
    }
  }
  return found;
}

function readUse(pid: number): ChildProcessUse | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return parseProcUse(pid, stat, status);
  } catch {
    return undefined; // exited between the listing and the read
  }
}

/** CPU time and peak memory from a process's `/proc/<pid>/stat` and `/proc/<pid>/status`. */
export function parseProcUse(pid: number, stat: string, status: string): ChildProcessUse {
  // The name is in parentheses and may hold spaces or parentheses: fields are counted after the last ")".
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name (from 1).
  const ticks = Number(fields[11]) + Number(fields[12]);
  const peakKiB = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  return { pid, name, cpuMs: (ticks * 1000) / TICKS_PER_SECOND, peakRssBytes: peakKiB * 1024 };
}
