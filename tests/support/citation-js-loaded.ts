import { spawnSync } from 'node:child_process';

/**
 * Runs `code` (the body of an ES module, in the project's folder, which may set `result`) in a Node
 * process of its own, as the test runner may have loaded Citation.js already for another test, and
 * gives the files of Citation.js that process had loaded at its end, and `result`.
 */
export function citationJsLoadedBy(code: string): { loaded: string[]; result: unknown } {
  const script = `
    import { createRequire } from 'node:module';
    let result = null;
    ${code}
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('@citation-js'));
    console.log(JSON.stringify({ loaded, result }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`The script failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? 'null') as { loaded: string[]; result: unknown };
}
