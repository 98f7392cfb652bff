/** The machine and checkout the benchmark ran on, for the report: figures from a busy machine are noisy. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The commit, Node, CPUs, memory and load of this run. */
export function machine() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  return {
    commit: head ? `commit ${head}${dirty ? ' with uncommitted changes' : ''}` : 'not a git checkout',
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    memoryBytes: totalmem(),
    /** The 1, 5 and 15 minute load averages when the benchmark started: above the number of CPUs, the figures are noisy. */
    loadAverage: loadavg(),
  };
}
